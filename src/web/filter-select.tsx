/** One filter of a list page: a labelled select whose first choice is "all", the current value selected. */
export function FilterSelect(props: {
  label: string;
  name: string;
  all: string;
  value: string | number | undefined;
  options: { value: string; label: string }[];
}) {
  const current = props.value === undefined ? "" : String(props.value);
  return (
    <label>
      {props.label}
      <select name={props.name}>
        <option value="">{props.all}</option>
        {props.options.map((o) => (
          <option value={o.value} selected={o.value === current}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}
