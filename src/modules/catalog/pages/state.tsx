import type { Hono } from "hono";
import type { Db } from "../../../platform/db";
import { AppError } from "../../../platform/errors";
import { TableScroll } from "../../../web/data-table";
import { formatNumber } from "../../../web/i18n";
import { contextOf, hrefIn, Layout, Name, nameIn, ProductLink } from "../../../web/layout";
import { BarChart } from "../../../web/map-svg";
import * as geo from "../../geo";
import { exportsBySector, liveRevision, productsOfDistricts } from "../queries";
import { sectorTaxonomy } from "../sectors";
import { ExportsBySector, groupBy, positiveInt, SectorMap, sectorColor, sectorName } from "./shared";

export function statePage(app: Hono, db: Db): void {
  app.get("/states/:code", async (c) => {
    const ctx = contextOf(c);
    const code = positiveInt(c.req.param("code"));
    const state = code === null ? null : await geo.getState(db, code);
    const rev = await liveRevision(db);
    if (!state || !rev) throw new AppError("not_found", "No such State or UT");
    const districts = await geo.listDistricts(db, { stateLgdCode: state.lgdCode });
    const products = await productsOfDistricts(
      db,
      rev.id,
      districts.map((d) => d.lgdCode),
    );
    const byDistrict = groupBy(products, (p) => p.districtLgdCode);
    const map = await geo.stateMap(
      db,
      state.lgdCode,
      districts.map((d) => d.lgdCode),
    );
    const exports = await exportsBySector(db, { stateLgdCode: state.lgdCode });
    const aliases = await geo.stateAliasesOf(db, state.lgdCode);
    const { t, lang } = ctx;
    const stateName = nameIn(lang, state.nameEn, state.nameHi);
    const mix = sectorTaxonomy
      .map((s) => ({ s, n: products.filter((p) => p.sectorCode === s.code).length }))
      .filter((x) => x.n > 0)
      .sort((a, b) => b.n - a.n);
    const unassigned = products.filter((p) => !p.sectorCode).length;
    const undrawn = districts.filter((d) => !d.hasBoundary);
    return c.html(
      <Layout
        ctx={ctx}
        title={stateName}
        description={t("stateDescription", { state: stateName, n: products.length, d: districts.length })}
        crumbs={[{ href: "/", label: t("home") }]}
      >
        <h1>{stateName}</h1>
        <p>
          {state.kind === "state" ? t("state") : t("ut")} · {t("lgdCode")} {state.lgdCode} ·{" "}
          {t("districtsWithProductsOf", {
            n: districts.filter((d) => byDistrict.has(d.lgdCode)).length,
            total: districts.length,
          })}{" "}
          · <a href={hrefIn(`/states/${state.lgdCode}/dashboard`, lang)}>{t("dashboardHere")}</a>
        </p>
        {aliases.length > 0 && (
          <p>
            {t("formerNames")}:{" "}
            {aliases.map((a, i) => (
              <span>
                {i > 0 && "; "}
                <span lang="en">{a.alias}</span>{" "}
                <span class="muted">
                  ({t(`aliasKind_${a.kind}`)}, <a href={a.source}>{t("aliasSource")}</a>)
                </span>
              </span>
            ))}
          </p>
        )}
        {map && (
          <figure class="map-figure state-map">
            <SectorMap
              ctx={ctx}
              map={map}
              districts={new Map(districts.map((d) => [d.lgdCode, d]))}
              products={byDistrict}
            />
            <figcaption class="muted small">
              {t("mapCaption")} {undrawn.length > 0 && t("mapNotDrawnHere", { n: undrawn.length })}{" "}
              <a href="#districts">{t("mapTextAlternative")}</a>
            </figcaption>
          </figure>
        )}
        <h2 id="sector-mix">{t("sectorMix")}</h2>
        <div class="chart-and-table">
          <BarChart
            rows={mix.map(({ s, n }) => ({
              label: nameIn(lang, s.nameEn, s.nameHi),
              value: n,
              text: formatNumber(n),
              color: sectorColor(s.code),
            }))}
          />
          <TableScroll label={t("sectorMix")}>
            <table aria-labelledby="sector-mix">
              <thead>
                <tr>
                  <th scope="col">{t("sector")}</th>
                  <th scope="col" class="num">
                    {t("products")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {mix.map(({ s, n }) => (
                  <tr>
                    <th scope="row">
                      <a href={hrefIn(`/sectors/${s.code}`, lang)}>{nameIn(lang, s.nameEn, s.nameHi)}</a>
                    </th>
                    <td class="num">{formatNumber(n)}</td>
                  </tr>
                ))}
                {unassigned > 0 && (
                  <tr>
                    <th scope="row">{t("sectorUnassigned")}</th>
                    <td class="num">{formatNumber(unassigned)}</td>
                  </tr>
                )}
              </tbody>
            </table>
          </TableScroll>
        </div>
        <h2 id="districts">{t("districtsOfState", { state: stateName })}</h2>
        <TableScroll label={t("districtsOfState", { state: stateName })}>
          <table aria-labelledby="districts">
            <thead>
              <tr>
                <th scope="col">{t("district")}</th>
                <th scope="col">{t("products")}</th>
                <th scope="col">{t("sector")}</th>
              </tr>
            </thead>
            <tbody>
              {districts.map((d) => {
                const ps = byDistrict.get(d.lgdCode) ?? [];
                return (
                  <tr>
                    <th scope="row">
                      <a href={hrefIn(`/districts/${d.lgdCode}`, lang)}>
                        <Name ctx={ctx} en={d.nameEn} hi={d.nameHi} />
                      </a>
                      {!d.hasBoundary && <span class="muted small"> · {t("notOnMap")}</span>}
                    </th>
                    <td>
                      {ps.length === 0 ? (
                        <span class="muted">{t("noProduct")}</span>
                      ) : (
                        ps.map((p) => (
                          <div>
                            <ProductLink ctx={ctx} product={p} />
                          </div>
                        ))
                      )}
                    </td>
                    <td>
                      {ps.map((p) => (
                        <div>{sectorName(ctx, p)}</div>
                      ))}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableScroll>
        <h2 id="exports">{t("stateExportsTitle")}</h2>
        <ExportsBySector
          ctx={ctx}
          id="exports"
          label={t("stateExportsTitle", { state: stateName })}
          rows={exports}
        />
        <p>
          <a href={hrefIn("/exports", lang, { state: String(state.lgdCode) })}>{t("rankingLink")}</a>
        </p>
        <p>
          <a href={hrefIn(`/states/${state.lgdCode}/committee`, lang)}>{t("sepcLink")}</a>
        </p>
        <p>
          <a href={hrefIn("/export-plans", lang, { state: String(state.lgdCode) })}>{t("statePlansLink")}</a>
        </p>
      </Layout>,
    );
  });
}
