import type { Db } from "../../../platform/db";
import { AppError } from "../../../platform/errors";
import { DataTable } from "../../../web/data-table";
import { formatNumber, formatRupees } from "../../../web/i18n";
import { contextOf, hrefIn, Layout, nameIn } from "../../../web/layout";
import type { PersonalRoutes } from "../../../web/personal-routes";
import { type Actor, type AppEnv, grantFor, requireActor } from "../../accounts";
import * as geo from "../../geo";
import { producerNames } from "../../producers";
import { ordersByProducer } from "../../trade";
import { dashboardPath, dashboardRequest, periodName } from "../dashboard-request";
import { insightText } from "../messages";
import type { Scope } from "../queries/figures";

/** Whether a person may see the figures of a place that name producers: an officer whose grant covers it. */
export function mayNameFirms(actor: Actor | null, scope: Scope): boolean {
  if (scope.level === "nation") return grantFor(actor, ["national_admin"]) !== undefined;
  return (
    grantFor(actor, ["national_admin", "state_officer", "district_officer"], {
      stateLgdCode: scope.state,
      districtLgdCode: scope.level === "district" ? scope.district : null,
    }) !== undefined
  );
}

/** /dashboard/producers: orders by producer in the dashboard's place and period, for that place's officers only. */
export function namedFigurePages(app: PersonalRoutes<AppEnv>, db: Db): void {
  app.get("/dashboard/producers", async (c) => {
    const actor = requireActor(c.get("actor"));
    const ctx = contextOf(c);
    const { lang } = ctx;
    const tx = insightText(lang);
    const req = await dashboardRequest(db, c.req.query(), {});
    if (!mayNameFirms(actor, req.scope))
      throw new AppError("forbidden", "Not allowed: figures that name producers outside your area");
    const place = {
      state: req.scope.level === "nation" ? undefined : req.scope.state,
      district: req.scope.level === "district" ? req.scope.district : undefined,
    };
    const rows = await ordersByProducer(db, place, { from: req.period.from, to: req.period.to }, req.demo);
    const [names, districts] = [
      await producerNames(
        db,
        rows.map((r) => r.producerId),
      ),
      new Map(
        (await geo.getDistricts(db, [...new Set(rows.map((r) => r.district))])).map((d) => [d.lgdCode, d]),
      ),
    ];
    const placeName = nameIn(lang, req.place.en, req.place.hi);
    const title = tx("namedTitle", { place: placeName });
    return c.html(
      <Layout ctx={ctx} title={title} description={tx("namedIntro")}>
        <h1>{title}</h1>
        <p>{tx("namedIntro")}</p>
        <p role="status">
          <strong>{periodName(tx, req.period)}</strong>
        </p>
        <DataTable
          label={title}
          rows={rows}
          empty={tx("noOrders")}
          columns={[
            { label: tx("producer"), cell: (r) => names.get(r.producerId) ?? `#${r.producerId}` },
            {
              label: tx("district"),
              cell: (r) => {
                const d = districts.get(r.district);
                return d ? nameIn(lang, d.nameEn, d.nameHi) : String(r.district);
              },
            },
            { label: tx("orders"), cell: (r) => formatNumber(r.orders) },
            { label: tx("orderValue"), cell: (r) => formatRupees(r.valueInr, lang) },
          ]}
        />
        <p>
          <a href={hrefIn(dashboardPath(req.scope), lang, { period: req.period.key })}>
            {tx("backToDashboard")}
          </a>
        </p>
      </Layout>,
    );
  });
}
