import type { ReactNode } from 'react';
import { FieldError } from './FieldError.tsx';

/**
 * The labelled field of a form: label, optional hint, the input, and the field's error, with ids
 * that tie them together (`${ids}-${name}`, `-hint`, `-error`), so a server error naming the
 * field can focus it. `described(name)` gives the input the matching id and aria attributes.
 */
export function formFields(ids: string, messageOf: (name: string) => string | undefined) {
  const field = (name: string, label: string, input: ReactNode, hint?: string) => (
    <div className="field">
      <label htmlFor={`${ids}-${name}`}>{label}</label>
      {hint && (
        <p className="hint" id={`${ids}-${name}-hint`}>
          {hint}
        </p>
      )}
      {input}
      <FieldError id={`${ids}-${name}-error`} text={messageOf(name)} />
    </div>
  );
  const described = (name: string, hint = false) => ({
    id: `${ids}-${name}`,
    'aria-describedby': hint ? `${ids}-${name}-hint ${ids}-${name}-error` : `${ids}-${name}-error`,
    'aria-invalid': messageOf(name) ? true : undefined,
  });
  return { field, described };
}
