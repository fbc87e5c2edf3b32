import type { Child } from "hono/jsx";

type Column<T> = {
  label: string;
  /** A heading only screen readers need (an action column whose links say what they do). */
  hiddenLabel?: boolean;
  cell: (row: T) => Child;
};

/**
 * The box that lets a wide table scroll sideways on a phone. It can take focus and has a name, so that someone on a
 * keyboard can scroll it too (WCAG 2.1.1; axe's scrollable-region-focusable).
 */
export function TableScroll(props: { label: string; children: Child }) {
  return (
    <section class="table-wrap" tabindex={0} aria-label={props.label}>
      {props.children}
    </section>
  );
}

/** A list shown as a table that scrolls sideways on a phone, or one sentence when there is nothing to list. */
export function DataTable<T>(props: {
  columns: Column<T>[];
  rows: T[];
  empty: string;
  /** What the table lists, for the name of its scrolling region. */
  label: string;
  class?: string;
}) {
  if (props.rows.length === 0) return <p>{props.empty}</p>;
  return (
    <TableScroll label={props.label}>
      <table class={props.class}>
        <thead>
          <tr>
            {props.columns.map((col) => (
              <th scope="col">{col.hiddenLabel ? <span class="sr-only">{col.label}</span> : col.label}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.rows.map((row) => (
            <tr>
              {props.columns.map((col) => (
                <td>{col.cell(row)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
