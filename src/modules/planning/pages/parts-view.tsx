import { formatIndiaTime } from "../../../platform/india-time";
import { countryName } from "../../../web/countries";
import { DataTable } from "../../../web/data-table";
import { formatNumber, type Lang } from "../../../web/i18n";
import { hrefIn } from "../../../web/layout";
import { fyRange } from "../mail";
import { standardMeasures } from "../measures";
import { partText } from "../parts-messages";
import type { BottleneckRow, InterventionRow, TargetRow } from "../queries/parts";

type Product = {
  name: string;
  productSlug: string | null;
  hsHeadings: string[];
  markets: { country: string; why: string }[];
};

/** The products and services a plan covers, each with its HS headings and target markets (and why). */
export function CoveredProducts(props: { lang: Lang; rows: Product[]; remove?: (i: number) => string }) {
  const t = partText(props.lang);
  return (
    <DataTable
      label={t("covered")}
      rows={props.rows.map((r, i) => ({ ...r, i }))}
      empty={t("noCovered")}
      columns={[
        {
          label: t("itemName"),
          cell: (r) =>
            r.productSlug ? (
              <a href={hrefIn(`/products/${r.productSlug}`, props.lang)} lang="en">
                {r.name}
              </a>
            ) : (
              r.name
            ),
        },
        { label: t("hsHeadings"), cell: (r) => r.hsHeadings.join(", ") },
        {
          label: t("markets"),
          cell: (r) => (
            <ul class="plain">
              {r.markets.map((m) => (
                <li>
                  <strong>{countryName(m.country, props.lang)}</strong> ({m.country}): {m.why}
                </li>
              ))}
            </ul>
          ),
        },
        ...(props.remove
          ? [
              {
                label: t("remove"),
                hiddenLabel: true,
                cell: (r: Product & { i: number }) => (
                  <a href={props.remove?.(r.i)}>{t("removeConfirm", { name: r.name })}</a>
                ),
              },
            ]
          : []),
      ]}
    />
  );
}

/** A measure's name in the reader's language: the three standard ones by key, the district's own by its label. */
export const measureName = (lang: Lang, row: Pick<TargetRow, "measure" | "label" | "unit">) => {
  const t = partText(lang);
  if (row.measure === "export_inr" || row.measure === "export_usd" || row.measure === "producers")
    return t(row.measure);
  return `${row.label}, ${row.unit}`;
};

const show = (n: number | null) => (n === null ? "–" : formatNumber(n, 2));

/** Rows of the targets table: one per measure, its years in order. */
export function targetGrid(rows: TargetRow[], years: number[]) {
  const measures = new Map<string, TargetRow[]>();
  for (const r of rows) measures.set(r.measure, [...(measures.get(r.measure) ?? []), r]);
  return [...measures.entries()]
    .map(([measure, cells]) => ({
      measure,
      head: cells[0] as TargetRow,
      byYear: years.map((year) => cells.find((c) => c.year === year) ?? null),
    }))
    .sort((a, b) => order(a.measure) - order(b.measure) || a.measure.localeCompare(b.measure));
}

/** The three standard measures first, in their order, then the district's own in the order it added them. */
const order = (measure: string) => {
  const i = (standardMeasures as readonly string[]).indexOf(measure);
  return i === -1 ? standardMeasures.length : i;
};

/** Targets against actuals: a table (the numbers) and beside it an SVG chart of the same numbers. */
export function TargetsView(props: { lang: Lang; rows: TargetRow[]; years: number[] }) {
  const t = partText(props.lang);
  const grid = targetGrid(props.rows, props.years);
  if (!grid.length) return <p>{t("noTargets")}</p>;
  return (
    <>
      <DataTable
        label={t("targets")}
        rows={grid}
        empty={t("noTargets")}
        columns={[
          { label: t("measure"), cell: (g) => measureName(props.lang, g.head) },
          ...props.years.map((y, i) => ({
            label: fyRange([y, y]).split(" – ")[0] ?? String(y),
            cell: (g: (typeof grid)[number]) => (
              <>
                {t("target")}: {show(g.byYear[i]?.target ?? null)}
                <br />
                {t("actual")}: {show(g.byYear[i]?.actual ?? null)}
              </>
            ),
          })),
        ]}
      />
      <TargetsChart lang={props.lang} grid={grid} years={props.years} />
    </>
  );
}

/**
 * One small bar chart per measure: each year's target as an outlined bar and its actual as a filled one, scaled to the
 * larger value of the measure. Decorative beside the table that says the same (aria-hidden), so nothing is lost.
 */
function TargetsChart(props: { lang: Lang; grid: ReturnType<typeof targetGrid>; years: number[] }) {
  const t = partText(props.lang);
  const width = 320;
  const barH = 12;
  return (
    <figure class="chart">
      <figcaption>
        {t("chart")}. <span class="muted small">{t("chartNote")}</span>
      </figcaption>
      {props.grid.map((g) => {
        const max = Math.max(1, ...g.byYear.flatMap((c) => [c?.target ?? 0, c?.actual ?? 0]));
        const rowH = barH * 2 + 10;
        return (
          <svg
            class="bars"
            viewBox={`0 0 ${width} ${props.years.length * rowH + 18}`}
            aria-hidden="true"
            focusable="false"
          >
            <text x="0" y="12" class="chart-title">
              {measureName(props.lang, g.head)}
            </text>
            {g.byYear.map((c, i) => {
              const y = 18 + i * rowH;
              const w = (v: number | null) => Math.round(((v ?? 0) / max) * (width - 80));
              return (
                <g>
                  <text x="0" y={y + barH + 2} class="chart-label">
                    {fyRange([props.years[i] ?? 0, props.years[i] ?? 0]).split(" – ")[0]}
                  </text>
                  <rect x="70" y={y} width={w(c?.target ?? null)} height={barH} class="bar-target" />
                  <rect
                    x="70"
                    y={y + barH + 2}
                    width={w(c?.actual ?? null)}
                    height={barH}
                    class="bar-actual"
                  />
                </g>
              );
            })}
          </svg>
        );
      })}
    </figure>
  );
}

/** A progress bar with its number in words: the native element, named by what it measures. */
export function ProgressBar(props: { value: number; label: string }) {
  const n = Math.round(props.value);
  return (
    <span class="progress">
      <progress max={100} value={n} aria-label={props.label}>
        {n}%
      </progress>{" "}
      {n}%
    </span>
  );
}

/** The intervention tree with each node's rolled-up progress; `href` links a node to its own page (officers). */
export function InterventionTree(props: {
  lang: Lang;
  nodes: InterventionRow[];
  overall: number | null;
  href?: (id: number) => string;
}) {
  const t = partText(props.lang);
  const top = props.nodes.filter((n) => n.parentId === null);
  if (!top.length) return <p>{t("noInterventions")}</p>;
  const item = (n: InterventionRow) => (
    <>
      <strong>{props.href ? <a href={props.href(n.id)}>{n.title}</a> : n.title}</strong>{" "}
      <ProgressBar value={n.rolled} label={`${t("progress")}: ${n.title}`} />
      <br />
      <span class="muted small">
        {t("owner")}: {n.owner} · {n.startsOn} – {n.endsOn} · {t("weight")}: {n.weight} ·{" "}
        {t(`status_${n.status}`)}
      </span>
    </>
  );
  return (
    <>
      {props.overall !== null && <p>{t("overall", { n: Math.round(props.overall) })}</p>}
      <ol class="tree">
        {top.map((n) => {
          const kids = props.nodes.filter((c) => c.parentId === n.id);
          return (
            <li id={`intervention-${n.id}`}>
              {item(n)}
              {kids.length > 0 && (
                <ol>
                  {kids.map((k) => (
                    <li id={`intervention-${k.id}`}>{item(k)}</li>
                  ))}
                </ol>
              )}
            </li>
          );
        })}
      </ol>
    </>
  );
}

/** A plan's bottlenecks: open ones first, then resolved; `href` links each to its page (officers). */
export function BottleneckTable(props: {
  lang: Lang;
  rows: BottleneckRow[];
  href?: (id: number) => string;
  /** Its moves, for the public: the dates it rose, was sent back or resolved (never who moved it). */
  history?: { bottleneckId: number; kind: string; at: Date }[];
}) {
  const t = partText(props.lang);
  return (
    <DataTable
      label={t("bottlenecks")}
      rows={props.rows}
      empty={t("noBottlenecks")}
      columns={[
        {
          label: t("description"),
          cell: (b) => (props.href ? <a href={props.href(b.id)}>{b.description}</a> : b.description),
        },
        { label: t("category"), cell: (b) => (props.lang === "hi" ? b.categoryHi : b.categoryEn) },
        { label: t("severity"), cell: (b) => t(`severity_${b.severity}`) },
        { label: t("ownerAgency"), cell: (b) => b.ownerAgency },
        { label: t("dueDate"), cell: (b) => b.dueDate },
        { label: t("status"), cell: (b) => t(`bstate_${b.status}`) },
        ...(props.history
          ? [
              {
                label: t("history"),
                cell: (b: BottleneckRow) => (
                  <ul class="plain small">
                    {props.history
                      ?.filter((e) => e.bottleneckId === b.id)
                      .map((e) => (
                        <li>
                          {formatIndiaTime(e.at, props.lang, false)}: {t(`event_${e.kind as "escalate"}`)}
                        </li>
                      ))}
                  </ul>
                ),
              },
            ]
          : []),
      ]}
    />
  );
}
