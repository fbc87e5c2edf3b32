import { Hono } from "hono";
import type { Db } from "../../../platform/db";
import { TableScroll } from "../../../web/data-table";
import { formatNumber } from "../../../web/i18n";
import { contextOf, hrefIn, Layout, Name, nameIn, ProductLink } from "../../../web/layout";
import { SearchForm } from "../../../web/search-form";
import * as catalog from "../../catalog";
import * as geo from "../../geo";
import { nationalStats } from "../stats";
import { dashboardPages } from "./dashboard";
import { rankingPages } from "./ranking";

/** The home page: national figures from the live revision and the way into every State. */
export function insightsPages(db: Db): Hono {
  const app = new Hono();
  dashboardPages(app, db);
  rankingPages(app, db);
  app.get("/", async (c) => {
    const ctx = contextOf(c);
    const { t, lang } = ctx;
    const stats = await nationalStats(db);
    const [states, perState] = await Promise.all([
      geo.listStates(db),
      stats.revision ? catalog.productCountsByState(db, stats.revision.id) : [],
    ]);
    const counts = new Map(perState.map((p) => [p.stateLgdCode, p]));
    const map = await geo.nationalMap(db);
    const districts = await geo.listDistricts(db);
    const products = stats.revision ? await catalog.productsOfRevision(db, stats.revision.id) : [];
    const byDistrict = new Map<number, typeof products>();
    for (const p of products)
      byDistrict.set(p.districtLgdCode, [...(byDistrict.get(p.districtLgdCode) ?? []), p]);
    const districtByCode = new Map(districts.map((d) => [d.lgdCode, d]));
    const undrawn = districts.filter((d) => !d.hasBoundary).length;
    const featured = stats.revision ? await catalog.featuredProducts(db, stats.revision.id, 8) : [];
    const figures = [
      [t("figStates"), stats.states],
      [t("figDistricts"), stats.districts],
      [t("figProducts"), stats.products],
      [t("figDistrictsWithProducts"), stats.districtsWithProducts],
      [t("figGi"), stats.giRegistrations],
    ] as const;
    return c.html(
      <Layout ctx={ctx} title={t("nationalRegistry")} description={t("homeIntro")}>
        <h1>{t("nationalRegistry")}</h1>
        <p class="lead">{t("homeIntro")}</p>
        <ul class="figures">
          {figures.map(([label, n]) => (
            <li>
              <strong>{formatNumber(n)}</strong>
              {label}
            </li>
          ))}
        </ul>
        {stats.revision && (
          <p class="note">
            {t("revision")}: <strong>{nameIn(lang, stats.revision.title, stats.revision.titleHi)}</strong> (
            {t("revisionLive")}, {t("revisionPublished")} {stats.revision.publishedAt})
          </p>
        )}
        <div class="home-grid">
          <figure class="map-figure">
            <figcaption id="map-title">
              <strong>{t("mapTitle")}</strong>
            </figcaption>
            <catalog.SectorMap ctx={ctx} map={map} districts={districtByCode} products={byDistrict} />
            <p class="muted small">
              {t("mapCaption")}{" "}
              <a href={hrefIn("/districts#not-drawn", lang)}>{t("notDrawnLink", { n: undrawn })}</a>
              {" · "}
              <a href={hrefIn("/districts", lang)}>{t("mapTextAlternative")}</a>
            </p>
          </figure>
          <div>
            <SearchForm ctx={ctx} id="q-home" big />
            <h2>{t("startHere")}</h2>
            <ul class="featured">
              {featured.map((p) => (
                <li>
                  <ProductLink ctx={ctx} product={p} />
                  <span class="muted small">
                    {" · "}
                    <Name
                      ctx={ctx}
                      en={districtByCode.get(p.districtLgdCode)?.nameEn ?? ""}
                      hi={districtByCode.get(p.districtLgdCode)?.nameHi ?? null}
                    />
                  </span>
                </li>
              ))}
            </ul>
          </div>
        </div>
        <p>
          <a href={hrefIn("/export-plans", lang)}>{t("plansLink")}</a>
        </p>
        <h2 id="states">{t("statesAndUts")}</h2>
        <TableScroll label={t("statesAndUts")}>
          <table aria-labelledby="states">
            <thead>
              <tr>
                <th scope="col">{t("state")}</th>
                <th scope="col" class="hide-narrow">
                  {t("type")}
                </th>
                <th scope="col" class="num">
                  {t("districts")}
                </th>
                <th scope="col" class="num">
                  {t("figDistrictsWithProducts")}
                </th>
                <th scope="col" class="num">
                  {t("products")}
                </th>
              </tr>
            </thead>
            <tbody>
              {states.map((s) => (
                <tr>
                  <th scope="row">
                    <a href={hrefIn(`/states/${s.lgdCode}`, lang)}>
                      <Name ctx={ctx} en={s.nameEn} hi={s.nameHi} />
                    </a>
                  </th>
                  <td class="hide-narrow">{s.kind === "state" ? t("state") : t("ut")}</td>
                  <td class="num">
                    {formatNumber(s.districtCount)}
                    {s.formerDistrictCount > 0 && ` + ${s.formerDistrictCount}`}
                  </td>
                  <td class="num">{formatNumber(counts.get(s.lgdCode)?.districts ?? 0)}</td>
                  <td class="num">{formatNumber(counts.get(s.lgdCode)?.products ?? 0)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
        {states.some((s) => s.formerDistrictCount > 0) && <p class="muted">{t("formerDistrictsNote")}</p>}
      </Layout>,
    );
  });
  return app;
}
