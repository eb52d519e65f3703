/**
 * Keeps hyphenated terms such as "AKI-AKB" on one line; browsers otherwise break after the hyphen
 * on a narrow phone. The text content stays exactly the same (tests and screen readers see it whole).
 */
export function NoWrapHyphens({ text }: { text: string }) {
  const parts = text.split(/(\S+-\S+)/);
  return (
    <>
      {parts.map((part, index) =>
        index % 2 === 1 ? (
          <span key={index} className="nowrap">
            {part}
          </span>
        ) : (
          part
        ),
      )}
    </>
  );
}
