import type { Lang } from "./i18n";

const heads = { en: ["Field", "Before", "After"], hi: ["फ़ील्ड", "पहले", "बाद में"] } as const;

const shown = (v: unknown) =>
  v === null || v === undefined || v === "" ? "—" : typeof v === "object" ? JSON.stringify(v) : String(v);

/**
 * What a write changed, field by field: only the fields whose value differs (or that were set, for a new record).
 * Field names are shown as recorded; the raw JSON stays in the CSV export.
 */
export function ChangeTable(props: { before: unknown; after: unknown; lang: Lang }) {
  const before = (props.before ?? {}) as Record<string, unknown>;
  const after = (props.after ?? {}) as Record<string, unknown>;
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter(
    (k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]),
  );
  if (fields.length === 0) return <span>—</span>;
  const [field, was, now] = heads[props.lang];
  return (
    <table class="changes">
      <thead>
        <tr>
          <th scope="col">{field}</th>
          {props.before ? <th scope="col">{was}</th> : null}
          {props.after ? <th scope="col">{now}</th> : null}
        </tr>
      </thead>
      <tbody>
        {fields.map((k) => (
          <tr>
            <th scope="row">
              <code>{k}</code>
            </th>
            {props.before ? <td>{shown(before[k])}</td> : null}
            {props.after ? <td>{shown(after[k])}</td> : null}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
