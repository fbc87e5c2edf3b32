import type { Hono } from "hono";
import type { Db } from "../../../platform/db";
import { AppError } from "../../../platform/errors";
import type { MessageKey } from "../../../web/i18n";
import { contextOf, hrefIn, Layout, nameIn, ProductLink } from "../../../web/layout";
import * as geo from "../../geo";
import { proposalText } from "../proposals/messages";
import { exportsBySector, giOfDistrict, liveRevision, productsOfDistricts } from "../queries";
import { ExportsBySector, GiList, positiveInt, rankText, SectorMap, sectorName } from "./shared";

export function districtPage(app: Hono, db: Db): void {
  app.get("/districts/:code{[0-9]+}", async (c) => {
    const ctx = contextOf(c);
    const code = positiveInt(c.req.param("code"));
    const district = code === null ? null : await geo.getDistrict(db, code);
    const rev = await liveRevision(db);
    if (!district || !rev) throw new AppError("not_found", "No such district");
    const state = await geo.getState(db, district.stateLgdCode);
    const products = await productsOfDistricts(db, rev.id, [district.lgdCode]);
    const aliases = await geo.districtAliasesOf(db, district.lgdCode);
    const exports = await exportsBySector(db, { districtLgdCode: district.lgdCode });
    const gi = await giOfDistrict(db, rev.id, district.lgdCode);
    const locator = await geo.locatorMap(db, district.stateLgdCode, district.lgdCode);
    const { t, lang } = ctx;
    const name = nameIn(lang, district.nameEn, district.nameHi);
    const stateName = state ? nameIn(lang, state.nameEn, state.nameHi) : "";
    const productNames = products.map((p) => p.name).join(", ");
    return c.html(
      <Layout
        ctx={ctx}
        title={name}
        description={t("districtDescription", {
          district: name,
          state: stateName,
          products: productNames || "—",
        })}
        crumbs={[
          { href: "/", label: t("home") },
          { href: `/states/${district.stateLgdCode}`, label: stateName },
        ]}
      >
        <div class="with-locator">
          <div>
            <h1>{name}</h1>
            <p>
              {t("districtOf", { state: stateName })}
              {lang === "hi" && !district.nameHi && (
                <span class="muted small"> {t("nameInEnglishOnly")}</span>
              )}
            </p>
            {!district.inCurrentLgd && <p class="note">{t("notInCurrentLgd")}</p>}
            {district.inCurrentLgd && (
              <p>
                <a href={hrefIn(`/districts/${district.lgdCode}/dashboard`, lang)}>{t("dashboardHere")}</a>
              </p>
            )}
            <h2>{t("products")}</h2>
            {products.length === 0 ? (
              <p class="muted">{t("noProduct")}</p>
            ) : (
              <ul class="products">
                {products.map((p) => (
                  <li>
                    <ProductLink ctx={ctx} product={p} /> <span class="tag">{rankText(ctx, p.rank)}</span> ·{" "}
                    {sectorName(ctx, p)}
                  </li>
                ))}
              </ul>
            )}
            <p class="muted small">
              <a href={hrefIn(`/revisions/${rev.id}`, lang)}>
                {proposalText(lang)("fromList", {
                  revision: nameIn(lang, rev.titleEn, rev.titleHi),
                  date: rev.effectiveAt,
                })}
              </a>
            </p>
            <h2 id="gi">{t("districtGiTitle")}</h2>
            <GiList ctx={ctx} gi={gi} empty={t("districtGiNone")} quiet />
          </div>
          {locator && (
            <figure class="locator">
              <SectorMap
                ctx={ctx}
                map={locator}
                class="map locator-map"
                districts={new Map([[district.lgdCode, district]])}
                products={new Map([[district.lgdCode, products]])}
                highlight={district.lgdCode}
                legend={false}
              />
              <figcaption class="muted small">{t("locatorCaption", { state: stateName })}</figcaption>
            </figure>
          )}
        </div>
        <dl class="facts">
          <dt>{t("committeeLabel")}</dt>
          <dd>
            <a href={hrefIn(`/districts/${district.lgdCode}/committee`, lang)}>{t("depcLink")}</a>
          </dd>
          <dt>{proposalText(lang)("exportPlan")}</dt>
          <dd>
            <a href={hrefIn(`/districts/${district.lgdCode}/export-plan`, lang)}>
              {proposalText(lang)("exportPlanLink")}
            </a>
          </dd>
          <dt>{t("lgdCode")}</dt>
          <dd>{district.lgdCode}</dd>
          <dt>{t("census2011")}</dt>
          <dd>{district.census2011Code ?? "—"}</dd>
          <dt>{t("boundary")}</dt>
          <dd>{district.hasBoundary ? t("boundaryYes") : t("boundaryNo")}</dd>
          <dt>{t("formerNames")}</dt>
          <dd>
            {aliases.length === 0
              ? t("formerNamesNone")
              : aliases.map((a, i) => (
                  <span>
                    {i > 0 && "; "}
                    <span lang="en">{a.alias}</span>{" "}
                    <span class="muted">
                      ({t(`aliasKind_${a.kind}` as MessageKey)}
                      {a.source.startsWith("http") && (
                        <>
                          , <a href={a.source}>{t("aliasSource")}</a>
                        </>
                      )}
                      )
                    </span>
                  </span>
                ))}
          </dd>
        </dl>
        <h2 id="exports">{t("exportsTitle")}</h2>
        <ExportsBySector ctx={ctx} id="exports" label={t("exportsTitle")} rows={exports} />
        <p>
          <a href={hrefIn("/exports", lang, { state: String(district.stateLgdCode) })}>{t("rankingLink")}</a>
        </p>
      </Layout>,
    );
  });
}
