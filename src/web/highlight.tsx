import { normalizeName } from "../platform/text";

/** Marks the words of `text` that start with one of the query's words (case and accents aside). */
export function Highlight(props: { text: string; words: string[] }) {
  if (props.words.length === 0) return <>{props.text}</>;
  const parts = props.text.split(/(\s+|[-/(),&]+)/);
  return (
    <>
      {parts.map((part) => {
        const n = normalizeName(part);
        return n && props.words.some((w) => n.startsWith(w)) ? <mark>{part}</mark> : part;
      })}
    </>
  );
}
