import type { Child } from "hono/jsx";

/** A one-line message above a page's content: a confirmation, or what went wrong. Announced by screen readers. */
export function Notice(props: { kind: "success" | "error" | "info"; children: Child }) {
  return (
    <div class={`notice ${props.kind}`} role={props.kind === "error" ? "alert" : "status"}>
      {props.children}
    </div>
  );
}
