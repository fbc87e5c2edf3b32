/** A map drawn on the server: one link per district, coloured by the caller, State outlines on top. */
export type MapDrawing = {
  width: number;
  height: number;
  shapes: { lgdCode: number; d: string }[];
  outlines: { lgdCode: number; d: string }[];
};

export function MapSvg(props: {
  map: MapDrawing;
  fill: (lgdCode: number) => string;
  href: (lgdCode: number) => string;
  label: (lgdCode: number) => string;
  highlight?: number;
  class?: string;
}) {
  const { map } = props;
  // The map is a pointer convenience; its text alternative is the district list linked beside it, so it is hidden
  // from assistive technology and its links are left out of the tab order.
  return (
    <svg
      class={props.class ?? "map"}
      viewBox={`0 0 ${map.width} ${map.height}`}
      aria-hidden="true"
      focusable="false"
      xmlns="http://www.w3.org/2000/svg"
    >
      <g class="districts">
        {map.shapes.map((s) => (
          <a href={props.href(s.lgdCode)} tabindex={-1} data-code={s.lgdCode}>
            <path
              d={s.d}
              fill={props.fill(s.lgdCode)}
              class={s.lgdCode === props.highlight ? "hl" : undefined}
            >
              <title>{props.label(s.lgdCode)}</title>
            </path>
          </a>
        ))}
      </g>
      <g class="outlines">
        {map.outlines.map((o) => (
          <path d={o.d} />
        ))}
      </g>
    </svg>
  );
}

/** A horizontal bar chart; always shown next to a table with the same figures. */
export function BarChart(props: { rows: { label: string; value: number; text: string; color?: string }[] }) {
  const max = Math.max(1, ...props.rows.map((r) => r.value));
  // Each row: its label on one line, the bar and its value below. Narrow enough (340 units) to be drawn at about its
  // own size on a 390 px phone, where a label column beside the bars would shrink the text to a few pixels.
  const rowH = 38;
  const width = 340;
  const barW = 220;
  return (
    <svg
      class="chart"
      viewBox={`0 0 ${width} ${props.rows.length * rowH + 4}`}
      aria-hidden="true"
      focusable="false"
      xmlns="http://www.w3.org/2000/svg"
    >
      {props.rows.map((r, i) => {
        const w = Math.max(1, (r.value / max) * barW);
        return (
          <g transform={`translate(0 ${i * rowH + 2})`}>
            <text x={0} y={13}>
              {r.label}
            </text>
            <rect x={0} y={18} height={14} width={w} fill={r.color ?? "#4e79a7"} />
            <text x={w + 6} y={30}>
              {r.text}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

/** A colour sample for legends. An SVG fill rather than a style attribute, which the Content-Security-Policy forbids. */
export function Swatch(props: { color: string; big?: boolean }) {
  return (
    <svg class={props.big ? "swatch big" : "swatch"} viewBox="0 0 10 10" aria-hidden="true" focusable="false">
      <rect width="10" height="10" rx="1.5" fill={props.color} />
    </svg>
  );
}
