import { StatusIcon } from './StatusIcon.tsx';

/**
 * The message under a form field. Always rendered (empty when fine) so that `aria-describedby`
 * points at it and a new message is announced as it appears.
 */
export function FieldError({ id, text }: { id: string; text: string | undefined }) {
  return (
    <p id={id} className="field-error" aria-live="polite">
      {text && (
        <>
          <StatusIcon kind="danger" /> {text}
        </>
      )}
    </p>
  );
}
