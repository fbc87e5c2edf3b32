import type { Child } from "hono/jsx";

type Column<T> = {
  label: string;
  /** A heading only screen readers need (an action column whose links say what they do). */
  hiddenLabel?: boolean;
  cell: (row: T) => Child;
};

/** A list shown as a table that scrolls sideways on a phone, or one sentence when there is nothing to list. */
export function DataTable<T>(props: { columns: Column<T>[]; rows: T[]; empty: string; class?: string }) {
  if (props.rows.length === 0) return <p>{props.empty}</p>;
  return (
    <div class="table-wrap">
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
    </div>
  );
}
