/** A server message, with its `backticked` commands shown as code (as text: nothing is parsed as HTML). */
export function MessageText({ text }: { text: string }) {
  const parts = text.split('`');
  // An unmatched backtick leaves an even number of parts: show the text as it came.
  if (parts.length % 2 === 0) return <>{text}</>;
  return (
    <>
      {parts.map((part, index) =>
        // biome-ignore lint/suspicious/noArrayIndexKey: the parts never reorder.
        index % 2 === 1 ? <code key={index}>{part}</code> : part,
      )}
    </>
  );
}
