/**
 * Small icons that go with a status colour, so that no status is told by colour alone (a kader
 * may be colour-blind, and a cheap screen in the sun washes colours out). Always beside words;
 * hidden from screen readers, which read the words.
 */
export type StatusIconKind = 'ok' | 'warning' | 'danger' | 'info' | 'up' | 'down' | 'new';

const paths: Record<StatusIconKind, string> = {
  // circle with a check mark
  ok: 'M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20Zm-1.2 14.2-4.1-4.1 1.6-1.6 2.5 2.5 5.5-5.5 1.6 1.6Z',
  // triangle with an exclamation mark
  warning: 'M12 2 1 21h22L12 2Zm1 16h-2v-2h2v2Zm0-4h-2V9h2v5Z',
  // octagon with an exclamation mark
  danger: 'M8.3 2h7.4L22 8.3v7.4L15.7 22H8.3L2 15.7V8.3L8.3 2ZM11 6v8h2V6h-2Zm0 10v2h2v-2h-2Z',
  // circle with an i
  info: 'M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20Zm1 15h-2v-6h2v6Zm0-8h-2V7h2v2Z',
  // arrow up
  up: 'M12 3 4 11h5v10h6V11h5l-8-8Z',
  // arrow down
  down: 'M12 21 4 13h5V3h6v10h5l-8 8Z',
  // a plus in a circle: first visit
  new: 'M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20Zm5 11h-4v4h-2v-4H7v-2h4V7h2v4h4v2Z',
};

export function StatusIcon({ kind, className }: { kind: StatusIconKind; className?: string }) {
  return (
    <svg
      className={`status-icon${className ? ` ${className}` : ''}`}
      viewBox="0 0 24 24"
      width="24"
      height="24"
      aria-hidden="true"
      focusable="false"
    >
      <path d={paths[kind]} fill="currentColor" />
    </svg>
  );
}
