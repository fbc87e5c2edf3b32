import type { Hono } from "hono";
import type { Db } from "../../../platform/db";
import { AppError } from "../../../platform/errors";
import { formatIndiaTime } from "../../../platform/india-time";
import { DataTable } from "../../../web/data-table";
import { formatNumber } from "../../../web/i18n";
import { isId } from "../../../web/input-guard";
import { contextOf, hrefIn, Layout, nameIn } from "../../../web/layout";
import { serveRenderedPdf } from "../../../web/rendered-pdf";
import { countPlaces, getDistrict, listStates } from "../../geo";
import { planDocument } from "../documents";
import { planText } from "../messages";
import { partText } from "../parts-messages";
import { planCoverage, publicPlanOf, publicVersionsOf } from "../queries/plans";
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

  app.get("/export-plans", async (c) => {
    const ctx = contextOf(c);
    const pt = planText(ctx.lang);
    const [states, coverage, places] = await Promise.all([listStates(db), planCoverage(db), countPlaces(db)]);
    const byState = new Map(coverage.map((r) => [r.stateLgdCode, r]));
    const rows = states.map((s) => ({
      name: nameIn(ctx.lang, s.nameEn, s.nameHi),
      districts: s.districtCount,
      drafted: byState.get(s.lgdCode)?.drafted ?? 0,
      adopted: byState.get(s.lgdCode)?.adopted ?? 0,
      inImplementation: byState.get(s.lgdCode)?.inImplementation ?? 0,
    }));
    const sum = (k: "drafted" | "adopted" | "inImplementation") => rows.reduce((n, r) => n + r[k], 0);
    return c.html(
      <Layout ctx={ctx} title={pt("coverage")} description={pt("coverageIntro")}>
        <h1>{pt("coverage")}</h1>
        <p>{pt("coverageIntro")}</p>
        <p>
          <strong>
            {pt("total")}: {formatNumber(sum("drafted"))} {pt("drafted").toLowerCase()},{" "}
            {formatNumber(sum("adopted"))} {pt("adopted").toLowerCase()} / {formatNumber(places.districts)}{" "}
            {pt("districts").toLowerCase()}
          </strong>
        </p>
        <DataTable
          label={pt("coverage")}
          rows={rows}
          empty=""
          columns={[
            { label: pt("stateCol"), cell: (r) => r.name },
            { label: pt("districts"), cell: (r) => formatNumber(r.districts) },
            { label: pt("drafted"), cell: (r) => formatNumber(r.drafted) },
            { label: pt("adopted"), cell: (r) => formatNumber(r.adopted) },
            { label: pt("inImplementation"), cell: (r) => formatNumber(r.inImplementation) },
          ]}
        />
      </Layout>,
    );
  });
}
