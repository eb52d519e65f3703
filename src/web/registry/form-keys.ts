/**
 * Enter in a text field of the kader's forms moves to the next field instead of submitting: on
 * a phone keyboard the Enter key reads "Next" (enterKeyHint), and saving a weighing with the
 * length not yet typed would be wrong. Saving is always the Save button.
 */
import type { KeyboardEvent } from 'react';

const FIELDS = 'input:not([type=hidden]):not([disabled]), select:not([disabled])';

export function moveFocusOnEnter(event: KeyboardEvent<HTMLFormElement>): void {
  const target = event.target;
  if (event.key !== 'Enter' || !(target instanceof HTMLInputElement)) return;
  if (target.type === 'checkbox' || target.type === 'radio' || target.type === 'submit') return;
  event.preventDefault();
  const fields = Array.from(event.currentTarget.querySelectorAll<HTMLElement>(FIELDS)).filter(
    (el) => !(el instanceof HTMLInputElement && el.type === 'radio' && !el.checked),
  );
  const next = fields[fields.indexOf(target) + 1];
  if (next) next.focus();
  else target.blur();
}
