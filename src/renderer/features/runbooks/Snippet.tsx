/** Renders a search snippet: text as text, `<mark>` markers as highlights. Never as HTML. */
export function Snippet({ text }: { text: string }) {
  const parts = text.replace(/\s+/g, ' ').split(/<mark>|<\/mark>/);
  return (
    <span className="snippet">
      {parts.map((part, index) => (index % 2 === 1 ? <mark key={index}>{part}</mark> : part))}
    </span>
  );
}
