import type { Context, Hono } from "hono";
import type { Db } from "../../../platform/db";
import { AppError } from "../../../platform/errors";
import { csvStream } from "../../../platform/file-writers";
import { TableScroll } from "../../../web/data-table";
import { formatNumber, formatRupees, type Lang } from "../../../web/i18n";
import { contextOf, hrefIn, Layout, Name, nameIn } from "../../../web/layout";
import { BarChart, MapSvg, Swatch } from "../../../web/map-svg";
import { formatWhen } from "../../accounts";
import * as geo from "../../geo";
import { planDimLabel, planFigureDims } from "../../planning";
import { type Chart, comparedFigures, keyFactIds, type Link, type Unit } from "../dashboard";
import { dashboardPath, dashboardRequest, periodName } from "../dashboard-request";
import { insightText } from "../messages";
import { allTime, fyLabel, fyPeriod, type Period, yearsOffered } from "../periods";
import { type DashboardData, dashboardData } from "../queries/dashboard-data";
import type { Scope } from "../queries/figures";

/** A figure in words and digits: rupees in lakh and crore, shares in per cent, means to one decimal. */
export function formatFigure(value: number | null, unit: Unit, lang: Lang): string {
  if (value === null) return "—";
  const tx = insightText(lang);
  if (unit === "inr") return formatRupees(value, lang);
  if (unit === "percent") return `${formatNumber(value, 1)} %`;
  if (unit === "days") return tx("days", { n: formatNumber(value, 1) });
  if (unit === "hours") return tx("hours", { n: formatNumber(value, 1) });
  return formatNumber(value);
}

/** The query that names a scope, a period and the demo choice, for the CSV and the named figures' links. */
function scopeQuery(scope: Scope, period: Period, demo: boolean): Record<string, string> {
  return {
    ...(scope.level === "nation" ? {} : { state: String(scope.state) }),
    ...(scope.level === "district" ? { district: String(scope.district) } : {}),
    period: period.key,
    ...(demo ? { demo: "1" } : {}),
  };
}

function PeriodForm(props: {
  lang: Lang;
  action: string;
  period: Period;
  demo: boolean;
  hasDemo: boolean;
  years: number[];
}) {
  const tx = insightText(props.lang);
  const option = (p: Period) => (
    <option value={p.key} selected={p.key === props.period.key}>
      {periodName(tx, p)}
    </option>
  );
  return (
    <form class="filters" method="get" action={props.action}>
      {props.lang === "hi" && <input type="hidden" name="lang" value="hi" />}
      <label>
        {tx("period")}
        <select name="period">
          {props.years.map((y) => (
            <optgroup label={tx("periodFy", { fy: fyLabel(y) })}>
              {option(fyPeriod(y))}
              {[1, 2, 3, 4].map((q) => option(fyPeriod(y, q)))}
            </optgroup>
          ))}
          {option(allTime)}
        </select>
      </label>
      {props.hasDemo && (
        <label class="check">
          <input type="checkbox" name="demo" value="1" checked={props.demo} /> {tx("withDemo")}
        </label>
      )}
      <button type="submit">{tx("show")}</button>
    </form>
  );
}

function ChartBlock(props: { lang: Lang; chart: Chart; csv: string }) {
  const { lang, chart } = props;
  const tx = insightText(lang);
  const id = `chart-${chart.id}`;
  return (
    <div class="dashboard-chart">
      <h3 id={id}>{chart.title}</h3>
      {chart.rows.every((r) => r.value === 0) ? (
        <p class="muted">{tx("noneYet")}</p>
      ) : (
        <div class="chart-and-table">
          <BarChart
            rows={chart.rows.map((r) => ({
              label: r.label,
              value: r.value,
              text: formatFigure(r.value, chart.unit, lang),
            }))}
          />
          <TableScroll label={tx("tableOf", { title: chart.title })}>
            <table aria-labelledby={id}>
              <thead>
                <tr>
                  <th scope="col">{tx("item")}</th>
                  <th scope="col" class="num">
                    {tx("value")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {chart.rows.map((r) => (
                  <tr>
                    <th scope="row">{r.label}</th>
                    <td class="num">{formatFigure(r.value, chart.unit, lang)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </div>
      )}
      <p class="small">
        <a href={props.csv} download>
          {tx("csv")}
        </a>
      </p>
    </div>
  );
}

const unitOf = (f: (typeof comparedFigures)[number] | undefined): Unit =>
  f && "unit" in f ? f.unit : "count";
/** A plan's state as a colour (no plan: light grey); colour-blind-safe Tableau hues, as the sector map uses. */
const planColor: Record<string, string> = {
  draft: "#bab0ac",
  circulated: "#f28e2b",
  adopted: "#59a14f",
  in_implementation: "#4e79a7",
  "": "#eeeeee",
};

/** Districts coloured by their current plan's state, with a legend that counts them. */
function PlanMap(props: { lang: Lang; planMap: NonNullable<DashboardData["planMap"]> }) {
  const { lang, planMap } = props;
  const tx = insightText(lang);
  const counts = new Map<string, number>();
  for (const s of planMap.drawing.shapes) {
    const k = planMap.stateOf.get(s.lgdCode) ?? "";
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  const label = (k: string) => (k ? (planDimLabel(lang, "plans", k) ?? k) : tx("noPlan"));
  return (
    <figure class="map-figure dashboard-map">
      <MapSvg
        map={planMap.drawing}
        fill={(code) => planColor[planMap.stateOf.get(code) ?? ""] ?? "#eeeeee"}
        href={(code) => hrefIn(`/districts/${code}/dashboard`, lang)}
        label={(code) => label(planMap.stateOf.get(code) ?? "")}
      />
      <figcaption>
        <ul class="legend">
          {[...(planFigureDims.plans ?? []), ""].map((k) => (
            <li>
              <Swatch color={planColor[k] ?? "#eeeeee"} />
              {label(k)} ({formatNumber(counts.get(k) ?? 0)})
            </li>
          ))}
        </ul>
        <p class="muted small">{tx("planMapNote")}</p>
      </figcaption>
    </figure>
  );
}

const link = (l: Link, lang: Lang) => hrefIn(l.path, lang, l.query);

function DashboardPage(props: {
  c: Context;
  data: DashboardData | null;
  scope: Scope;
  period: Period;
  demo: boolean;
  place: { en: string; hi: string | null };
  crumbs: { href: string; label: string }[];
}) {
  const ctx = contextOf(props.c);
  const { lang } = ctx;
  const tx = insightText(lang);
  const { data, scope, period, demo } = props;
  const placeName = nameIn(lang, props.place.en, props.place.hi);
  const title = tx("dashboardOf", { place: placeName });
  const csv = (chart?: string) =>
    hrefIn("/dashboard.csv", lang, { ...scopeQuery(scope, period, demo), ...(chart ? { chart } : {}) });
  const compareHeads =
    scope.level === "district"
      ? [tx("thisDistrict"), tx("stateMedian"), tx("nationMedian")]
      : [tx("thisState"), tx("medianState"), tx("nationTotal")];
  const facts = data?.sections.flatMap((s) => s.facts) ?? [];
  const keyFacts = keyFactIds.flatMap((id) => facts.filter((f) => f.id === id));
  return (
    <Layout ctx={ctx} title={title} description={tx("intro")} crumbs={props.crumbs}>
      <h1>{title}</h1>
      <p class="lead">{tx("intro")}</p>
      <PeriodForm
        lang={lang}
        action={dashboardPath(scope)}
        period={period}
        demo={demo}
        hasDemo={data?.run.hasDemo ?? false}
        years={yearsOffered(data?.run.firstMonth ?? null, new Date())}
      />
      {!data ? (
        <p class="note" role="status">
          {tx("notYet")}
        </p>
      ) : (
        <>
          <p class="muted" role="status">
            <strong>{periodName(tx, period)}</strong> ·{" "}
            {tx("asOf", { when: formatWhen(data.run.finishedAt, lang) })} {tx("periodNote")}
          </p>
          {data.run.hasDemo && <p class="note">{demo ? tx("demoShown") : tx("demoHidden")}</p>}
          <h2 id="key-figures">{tx("keyFigures")}</h2>
          <ul class="figures" aria-labelledby="key-figures">
            {keyFacts.map((f) => (
              <li>
                <strong>{formatFigure(f.value, f.unit, lang)}</strong>
                {f.label}
              </li>
            ))}
          </ul>
          {data.sections.map((s) => (
            <section aria-labelledby={`s-${s.id}`} class="dashboard-section">
              <h2 id={`s-${s.id}`}>{s.title}</h2>
              <p>
                {s.note}
                {s.href && (
                  <>
                    {" "}
                    <a href={link(s.href, lang)}>{tx("listBehind")}</a>
                  </>
                )}
              </p>
              {s.facts.length > 0 && (
                <ul class="figures small-figures">
                  {s.facts.map((f) => (
                    <li>
                      <strong>{formatFigure(f.value, f.unit, lang)}</strong>
                      {f.label}
                    </li>
                  ))}
                </ul>
              )}
              {s.id === "plans" && data.planMap && <PlanMap lang={lang} planMap={data.planMap} />}
              {s.charts.map((chart) => (
                <ChartBlock lang={lang} chart={chart} csv={csv(chart.id)} />
              ))}
            </section>
          ))}
          {data.comparisons.length > 0 && (
            <section aria-labelledby="s-compare" class="dashboard-section">
              <h2 id="s-compare">{tx("sCompare")}</h2>
              <p>{scope.level === "district" ? tx("compareDistrictNote") : tx("compareStateNote")}</p>
              <TableScroll label={tx("sCompare")}>
                <table aria-labelledby="s-compare">
                  <thead>
                    <tr>
                      <th scope="col">{tx("item")}</th>
                      {compareHeads.map((h) => (
                        <th scope="col" class="num">
                          {h}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {data.comparisons.map((row) => (
                      <tr>
                        <th scope="row">{tx(row.figure.label)}</th>
                        {row.values.map((v) => (
                          <td class="num">{formatFigure(v, unitOf(row.figure), lang)}</td>
                        ))}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableScroll>
            </section>
          )}
          {data.places.length > 0 && (
            <section aria-labelledby="s-places" class="dashboard-section">
              <h2 id="s-places">{scope.level === "nation" ? tx("placesStates") : tx("placesDistricts")}</h2>
              <TableScroll label={tx("sPlaces")}>
                <table aria-labelledby="s-places">
                  <thead>
                    <tr>
                      <th scope="col">{tx("place")}</th>
                      {comparedFigures.map((f) => (
                        <th scope="col" class="num">
                          {tx(f.label)}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {data.places.map((p) => (
                      <tr>
                        <th scope="row">
                          <a
                            href={hrefIn(
                              scope.level === "nation"
                                ? `/states/${p.lgdCode}/dashboard`
                                : `/districts/${p.lgdCode}/dashboard`,
                              lang,
                              { period: period.key, ...(demo ? { demo: "1" } : {}) },
                            )}
                          >
                            <Name ctx={ctx} en={p.nameEn} hi={p.nameHi} />
                          </a>
                        </th>
                        {p.values.map((v, i) => (
                          <td class="num">{formatFigure(v, unitOf(comparedFigures[i]), lang)}</td>
                        ))}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableScroll>
            </section>
          )}
          <p class="small">
            <a href={csv()} download>
              {tx("csv")}
            </a>
            {" · "}
            {tx("officersNote")}{" "}
            <a href={hrefIn("/dashboard/producers", lang, scopeQuery(scope, period, demo))}>
              {tx("namedLink")}
            </a>
          </p>
        </>
      )}
    </Layout>
  );
}

const round = (v: number) => Math.round(v * 100) / 100;

/** The figures of a dashboard as CSV rows: its facts and every chart's rows (or one chart's). */
export function dashboardCsvRows(data: DashboardData, chart: string | undefined) {
  return data.sections.flatMap((s) => [
    ...(chart
      ? []
      : s.facts.map((f) => ({
          section: s.id,
          chart: "facts",
          item: f.id,
          label: f.label,
          value: f.value === null ? "" : round(f.value),
          unit: f.unit,
        }))),
    ...s.charts
      .filter((c) => !chart || c.id === chart)
      .flatMap((c) =>
        c.rows.map((r) => ({
          section: s.id,
          chart: c.id,
          item: r.key,
          label: r.label,
          value: round(r.value),
          unit: c.unit,
        })),
      ),
  ]);
}

/** /dashboard, /states/{lgd}/dashboard, /districts/{lgd}/dashboard and their CSV: public, aggregates only. */
export function dashboardPages(app: Hono, db: Db): void {
  const show = async (c: Context, fromPath: { state?: number; district?: number }) => {
    const ctx = contextOf(c);
    const req = await dashboardRequest(db, c.req.query(), fromPath);
    const data = await dashboardData(db, ctx.lang, req.scope, req.period, req.demo);
    const tx = insightText(ctx.lang);
    const crumbs = [{ href: hrefIn("/", ctx.lang), label: ctx.t("home") }];
    if (req.scope.level !== "nation")
      crumbs.push({
        href: hrefIn("/dashboard", ctx.lang),
        label: tx("dashboardOf", { place: tx("nation") }),
      });
    if (req.scope.level === "district") {
      const s = await geo.getState(db, req.scope.state);
      if (s)
        crumbs.push({
          href: hrefIn(`/states/${s.lgdCode}/dashboard`, ctx.lang),
          label: nameIn(ctx.lang, s.nameEn, s.nameHi),
        });
    }
    return c.html(<DashboardPage c={c} data={data} {...req} crumbs={crumbs} />);
  };
  app.get("/dashboard", (c) => show(c, {}));
  app.get("/states/:code{[0-9]{1,6}}/dashboard", (c) => show(c, { state: Number(c.req.param("code")) }));
  app.get("/districts/:code{[0-9]{1,6}}/dashboard", (c) =>
    show(c, { district: Number(c.req.param("code")) }),
  );
  app.get("/dashboard.csv", async (c) => {
    const req = await dashboardRequest(db, c.req.query(), {});
    const data = await dashboardData(db, "en", req.scope, req.period, req.demo);
    if (!data) throw new AppError("unavailable", insightText("en")("notYet"));
    const chart = c.req.query("chart");
    const rows = dashboardCsvRows(data, chart);
    if (chart && rows.length === 0) throw new AppError("bad_request", "No such chart", { field: "chart" });
    async function* all() {
      yield* rows;
    }
    return c.body(csvStream(["section", "chart", "item", "label", "value", "unit"], all()), 200, {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="dashboard-${req.scope.level === "nation" ? "india" : req.scope.level === "state" ? `state-${req.scope.state}` : `district-${req.scope.district}`}-${req.period.key}.csv"`,
    });
  });
}
