import type { Child } from "hono/jsx";

/** One term and its value in a definition list (`dl.facts`); nothing at all when there is no value to show. */
export function Fact(props: { term: string; children: Child }) {
  const v = props.children;
  if (v === null || v === undefined || v === false || v === "") return null;
  return (
    <>
      <dt>{props.term}</dt>
      <dd>{v}</dd>
    </>
  );
}
