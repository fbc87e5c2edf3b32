import type { Hono } from "hono";
import type { Db } from "../../../platform/db";
import { AppError } from "../../../platform/errors";
import { formatIndiaTime } from "../../../platform/india-time";
import { DataTable } from "../../../web/data-table";
import { formatNumber } from "../../../web/i18n";
import { isId } from "../../../web/input-guard";
import { contextOf, hrefIn, Layout, nameIn } from "../../../web/layout";
import { MapSvg, Swatch } from "../../../web/map-svg";
import { serveRenderedPdf } from "../../../web/rendered-pdf";
import {
  countPlaces,
  getDistrict,
  getState,
  listDistricts,
  listStates,
  nationalMap,
  stateMap,
} from "../../geo";
import { planDocument } from "../documents";
import { planText } from "../messages";
import { partText } from "../parts-messages";
import {
  type PlanStatus,
  planCoverage,
  planStatusByDistrict,
  publicPlanOf,
  publicVersionsOf,
} from "../queries/plans";
import { PlanSections } from "./plan-sections";
import { Paragraphs, PlanProfile, planTitle } from "./profile";

/** The public face of plans: a district's adopted plan (and its earlier versions), and coverage by State. */
export function planPublicPages(app: Hono, db: Db): void {
  app.get("/districts/:code{[0-9]{1,6}}/export-plan", async (c) => {
    const ctx = contextOf(c);
    const pt = planText(ctx.lang);
    const district = await getDistrict(db, Number(c.req.param("code")));
    if (!district) throw new AppError("not_found", "No such district");
    const place = nameIn(ctx.lang, district.nameEn, district.nameHi);
    const asked = c.req.query("version");
    const plan = await publicPlanOf(db, district.lgdCode, isId(asked) ? Number(asked) : undefined);
    if (asked !== undefined && !plan) throw new AppError("not_found", "No such version");
    const versions = await publicVersionsOf(db, district.lgdCode);
    const title = plan ? planTitle(plan, ctx.lang, place) : pt("plan");
    return c.html(
      <Layout
        ctx={ctx}
        title={title}
        description={pt("planIntro")}
        crumbs={[
          { href: "/", label: ctx.t("home") },
          { href: `/districts/${district.lgdCode}`, label: place },
        ]}
      >
        <h1>{title}</h1>
        <p>{pt("planIntro")}</p>
        {!plan ? (
          <p>{pt("noPlan", { place })}</p>
        ) : (
          <>
            <dl class="facts">
              <dt>{pt("stateOf")}</dt>
              <dd>
                {pt(`state_${plan.state}`)} · {pt("version", { n: plan.versionNo })}
              </dd>
              {plan.adoptedAt && (
                <>
                  <dt>{pt("decision")}</dt>
                  <dd>{pt("adoptedBy", { date: formatIndiaTime(plan.adoptedAt, ctx.lang, false) })}</dd>
                </>
              )}
            </dl>
            <p class="muted small">
              {partText(ctx.lang)("lastUpdate", { date: formatIndiaTime(plan.updatedAt, ctx.lang) })} ·{" "}
              <a
                href={hrefIn(`/districts/${district.lgdCode}/export-plan.pdf`, ctx.lang, {
                  ...(asked !== undefined ? { version: String(plan.id) } : {}),
                })}
              >
                {partText(ctx.lang)("pdf")}
              </a>
            </p>
            <PlanProfile db={db} ctx={ctx} districtLgdCode={district.lgdCode} />
            <h2>{pt("strategy")}</h2>
            <Paragraphs text={plan.strategy} />
            <PlanSections db={db} ctx={ctx} p={plan} />
          </>
        )}
        {versions.length > 1 && (
          <>
            <h2>{pt("versions")}</h2>
            <ul>
              {versions.map((v) => (
                <li>
                  <a
                    href={hrefIn(`/districts/${district.lgdCode}/export-plan`, ctx.lang, {
                      version: String(v.id),
                    })}
                  >
                    {planTitle(v, ctx.lang, place)}, {pt("version", { n: v.versionNo })}
                  </a>{" "}
                  ({pt(`state_${v.state}`)})
                </li>
              ))}
            </ul>
          </>
        )}
      </Layout>,
    );
  });

  // The plan in print, in the reader's language: rendered by a job whenever the plan changes, served from storage.
  app.get("/districts/:code{[0-9]{1,6}}/export-plan.pdf", async (c) => {
    const code = Number(c.req.param("code"));
    const asked = c.req.query("version");
    const plan = await publicPlanOf(db, code, isId(asked) ? Number(asked) : undefined);
    if (!plan) throw new AppError("not_found", "No adopted plan");
    return serveRenderedPdf(c, db, {
      ...planDocument(plan),
      fileName: `export-plan-${code}-v${plan.versionNo}`,
    });
  });

  // Coverage, national or of one State: a map coloured by each district's plan status and a table of the same.
  app.get("/export-plans", async (c) => {
    const ctx = contextOf(c);
    const pt = planText(ctx.lang);
    const asked = c.req.query("state");
    const state = isId(asked) ? await getState(db, Number(asked)) : null;
    if (asked !== undefined && !state) throw new AppError("not_found", "No such State");
    const [states, coverage, places, status, districts] = await Promise.all([
      listStates(db),
      planCoverage(db),
      countPlaces(db),
      planStatusByDistrict(db),
      listDistricts(db, state ? { stateLgdCode: state.lgdCode } : {}),
    ]);
    const map = state
      ? await stateMap(
          db,
          state.lgdCode,
          districts.map((d) => d.lgdCode),
        )
      : await nationalMap(db);
    const statusOf = (code: number): PlanStatus => status.get(code) ?? "none";
    const names = new Map(districts.map((d) => [d.lgdCode, nameIn(ctx.lang, d.nameEn, d.nameHi)]));
    const byState = new Map(coverage.map((r) => [r.stateLgdCode, r]));
    const rows = states.map((s) => ({
      code: s.lgdCode,
      name: nameIn(ctx.lang, s.nameEn, s.nameHi),
      districts: s.districtCount,
      drafted: byState.get(s.lgdCode)?.drafted ?? 0,
      adopted: byState.get(s.lgdCode)?.adopted ?? 0,
      inImplementation: byState.get(s.lgdCode)?.inImplementation ?? 0,
    }));
    const sum = (k: "drafted" | "adopted" | "inImplementation") => rows.reduce((n, r) => n + r[k], 0);
    const counts = new Map<PlanStatus, number>();
    for (const d of districts) counts.set(statusOf(d.lgdCode), (counts.get(statusOf(d.lgdCode)) ?? 0) + 1);
    const title = state
      ? pt("byDistrict", { place: nameIn(ctx.lang, state.nameEn, state.nameHi) })
      : pt("coverage");
    return c.html(
      <Layout
        ctx={ctx}
        title={title}
        description={pt("coverageIntro")}
        crumbs={
          state
            ? [
                { href: "/", label: ctx.t("home") },
                { href: "/export-plans", label: pt("coverage") },
              ]
            : undefined
        }
      >
        <h1>{title}</h1>
        <p>{pt("coverageIntro")}</p>
        {!state && (
          <p>
            <strong>
              {pt("total")}: {formatNumber(sum("drafted"))} {pt("drafted").toLowerCase()},{" "}
              {formatNumber(sum("adopted"))} {pt("adopted").toLowerCase()} / {formatNumber(places.districts)}{" "}
              {pt("districts").toLowerCase()}
            </strong>
          </p>
        )}
        <figure class={state ? "map-figure state-map" : "map-figure"}>
          {map && (
            <MapSvg
              map={map}
              href={(code) => hrefIn(`/districts/${code}/export-plan`, ctx.lang)}
              fill={(code) => statusColor[statusOf(code)]}
              label={(code) => `${names.get(code) ?? code}: ${pt(`status_${statusOf(code)}`)}`}
            />
          )}
          <ul class="legend">
            {planStatuses.map((s) => (
              <li>
                <Swatch color={statusColor[s]} /> {pt(`status_${s}`)} ({formatNumber(counts.get(s) ?? 0)})
              </li>
            ))}
          </ul>
          <figcaption class="muted small">{pt("mapNote")}</figcaption>
        </figure>
        {state ? (
          <DataTable
            label={title}
            rows={districts}
            empty=""
            columns={[
              { label: pt("districts"), cell: (d) => names.get(d.lgdCode) ?? "" },
              { label: pt("stateOf"), cell: (d) => pt(`status_${statusOf(d.lgdCode)}`) },
              {
                label: pt("planLink"),
                cell: (d) =>
                  statusOf(d.lgdCode) === "adopted" || statusOf(d.lgdCode) === "in_implementation" ? (
                    <a href={hrefIn(`/districts/${d.lgdCode}/export-plan`, ctx.lang)}>{pt("planLink")}</a>
                  ) : (
                    ""
                  ),
              },
            ]}
          />
        ) : (
          <DataTable
            label={pt("coverage")}
            rows={rows}
            empty=""
            columns={[
              {
                label: pt("stateCol"),
                cell: (r) => (
                  <a href={hrefIn("/export-plans", ctx.lang, { state: String(r.code) })}>{r.name}</a>
                ),
              },
              { label: pt("districts"), cell: (r) => formatNumber(r.districts) },
              { label: pt("drafted"), cell: (r) => formatNumber(r.drafted) },
              { label: pt("adopted"), cell: (r) => formatNumber(r.adopted) },
              { label: pt("inImplementation"), cell: (r) => formatNumber(r.inImplementation) },
            ]}
          />
        )}
        {state && (
          <p>
            <a href={hrefIn("/export-plans", ctx.lang)}>{pt("allStates")}</a>
          </p>
        )}
      </Layout>,
    );
  });
}

const planStatuses: readonly PlanStatus[] = ["none", "draft", "adopted", "in_implementation"];
/** Status colours: distinguishable in greyscale and by people with red–green colour blindness (light to dark). */
const statusColor: Record<PlanStatus, string> = {
  none: "#e8e4dc",
  draft: "#f2c14e",
  adopted: "#4e79a7",
  in_implementation: "#1d3a5f",
};
