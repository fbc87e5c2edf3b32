import { Hono } from "hono";
import type { Db } from "../../platform/db";
import { AppError } from "../../platform/errors";
import { formatNumber, langOf, type MessageKey } from "../../web/i18n";
import { hrefIn, Layout, Name, nameIn, type PageContext, pageContext } from "../../web/layout";
import * as geo from "../geo";
import { exportSectorName } from "./export-sectors";
import {
  exportsOfDistrict,
  giLinksOfProduct,
  hsHeadingsOfProduct,
  liveRevision,
  type ProductView,
  productBySlug,
  productsOfDistricts,
} from "./queries";

const positiveInt = (s: string) => (/^\d{1,9}$/.test(s) ? Number(s) : null);

/** The registry's drill-down pages: State → district → product, on the live revision. */
export function catalogPages(db: Db): Hono {
  const app = new Hono();

  app.get("/states/:code", async (c) => {
    const ctx = pageContext(langOf(c.req.query("lang")), c.req.path);
    const code = positiveInt(c.req.param("code"));
    const state = code === null ? null : await geo.getState(db, code);
    const rev = await liveRevision(db);
    if (!state || !rev) throw new AppError("not_found", "No such State or UT");
    const districts = await geo.listDistricts(db, { stateLgdCode: state.lgdCode });
    const byDistrict = groupBy(
      await productsOfDistricts(
        db,
        rev.id,
        districts.map((d) => d.lgdCode),
      ),
      (p) => p.districtLgdCode,
    );
    const { t, lang } = ctx;
    const stateName = nameIn(lang, state.nameEn, state.nameHi);
    return c.html(
      <Layout
        ctx={ctx}
        title={stateName}
        description={t("districtsOfState", { state: stateName })}
        crumbs={[{ href: "/", label: t("home") }]}
      >
        <h1>{stateName}</h1>
        <p>
          {state.kind === "state" ? t("state") : t("ut")} · {t("lgdCode")} {state.lgdCode}
        </p>
        <p>
          {t("districtsWithProductsOf", {
            n: districts.filter((d) => byDistrict.has(d.lgdCode)).length,
            total: districts.length,
          })}
        </p>
        <div class="table-wrap">
          <table>
            <caption>{t("districtsOfState", { state: stateName })}</caption>
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
                    </th>
                    <td>
                      {ps.length === 0 ? (
                        <span class="muted">{t("noProduct")}</span>
                      ) : (
                        ps.map((p) => (
                          <div>
                            <a href={hrefIn(`/products/${p.slug}`, lang)} lang="en">
                              {p.name}
                            </a>
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
        </div>
      </Layout>,
    );
  });

  app.get("/districts/:code", async (c) => {
    const ctx = pageContext(langOf(c.req.query("lang")), c.req.path);
    const code = positiveInt(c.req.param("code"));
    const district = code === null ? null : await geo.getDistrict(db, code);
    const rev = await liveRevision(db);
    if (!district || !rev) throw new AppError("not_found", "No such district");
    const [state, products, aliases, exports] = await Promise.all([
      geo.getState(db, district.stateLgdCode),
      productsOfDistricts(db, rev.id, [district.lgdCode]),
      geo.districtAliasesOf(db, district.lgdCode),
      exportsOfDistrict(db, district.lgdCode),
    ]);
    const { t, lang } = ctx;
    const name = nameIn(lang, district.nameEn, district.nameHi);
    const stateName = state ? nameIn(lang, state.nameEn, state.nameHi) : "";
    const totalUsd = exports.reduce((s, e) => s + e.usd, 0);
    const totalInr = exports.reduce((s, e) => s + e.inr, 0);
    return c.html(
      <Layout
        ctx={ctx}
        title={name}
        description={`${name}, ${stateName}: ${products.map((p) => p.name).join(", ") || t("noProduct")}`}
        crumbs={[
          { href: "/", label: t("home") },
          { href: `/states/${district.stateLgdCode}`, label: stateName },
        ]}
      >
        <h1>{name}</h1>
        {!district.inCurrentLgd && <p class="note">{t("notInCurrentLgd")}</p>}
        <h2>{t("products")}</h2>
        {products.length === 0 ? (
          <p class="muted">{t("noProduct")}</p>
        ) : (
          <ul>
            {products.map((p) => (
              <li>
                <a href={hrefIn(`/products/${p.slug}`, lang)} lang="en">
                  {p.name}
                </a>{" "}
                <span class="tag">{p.rank}</span> · {sectorName(ctx, p)}
              </li>
            ))}
          </ul>
        )}
        <dl class="facts">
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
                    <span class="muted">({t(`aliasKind_${a.kind}` as MessageKey)})</span>
                  </span>
                ))}
          </dd>
        </dl>
        <h2 id="exports">{t("exportsTitle")}</h2>
        {exports.length === 0 ? (
          <p class="muted">{t("exportsNone")}</p>
        ) : (
          <div class="table-wrap">
            <table aria-labelledby="exports">
              <thead>
                <tr>
                  <th scope="col">{t("exportSector")}</th>
                  <th scope="col" class="num">
                    {t("exportInr")}
                  </th>
                  <th scope="col" class="num">
                    {t("exportUsd")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {exports.map((e) => (
                  <tr>
                    <th scope="row">{exportSectorName(e.sector, lang)}</th>
                    <td class="num">{formatNumber(e.inr)}</td>
                    <td class="num">{formatNumber(e.usd)}</td>
                  </tr>
                ))}
                <tr>
                  <th scope="row">{t("total")}</th>
                  <td class="num">{formatNumber(totalInr)}</td>
                  <td class="num">{formatNumber(totalUsd)}</td>
                </tr>
              </tbody>
            </table>
          </div>
        )}
        <p class="muted">{t("exportsSource")}</p>
      </Layout>,
    );
  });

  app.get("/products/:slug", async (c) => {
    const ctx = pageContext(langOf(c.req.query("lang")), c.req.path);
    const rev = await liveRevision(db);
    const product = rev ? await productBySlug(db, rev.id, c.req.param("slug")) : null;
    if (!rev || !product) throw new AppError("not_found", "No such product");
    const [district, state, gi, hs] = await Promise.all([
      geo.getDistrict(db, product.districtLgdCode),
      geo.getState(db, product.stateLgdCode),
      giLinksOfProduct(db, product.id),
      hsHeadingsOfProduct(db, product.id),
    ]);
    const { t, lang } = ctx;
    const districtName = district ? nameIn(lang, district.nameEn, district.nameHi) : "";
    const stateName = state ? nameIn(lang, state.nameEn, state.nameHi) : "";
    return c.html(
      <Layout
        ctx={ctx}
        title={product.name}
        description={`${product.name} — ${districtName}, ${stateName}`}
        crumbs={[
          { href: "/", label: t("home") },
          { href: `/states/${product.stateLgdCode}`, label: stateName },
          { href: `/districts/${product.districtLgdCode}`, label: districtName },
        ]}
      >
        <h1 lang="en">{product.name}</h1>
        <dl class="facts">
          <dt>{t("district")}</dt>
          <dd>
            <a href={hrefIn(`/districts/${product.districtLgdCode}`, lang)}>{districtName}</a>, {stateName}
          </dd>
          <dt>{t("rank")}</dt>
          <dd>{product.rank}</dd>
          <dt>{t("sector")}</dt>
          <dd>
            {sectorName(ctx, product)}{" "}
            <span class="muted">
              ({t(`sectorSetBy_${product.sectorSetBy}` as MessageKey, { rule: product.sectorRule ?? "" })})
            </span>
          </dd>
          <dt>{t("hsHeadings")}</dt>
          <dd>{hs.length === 0 ? t("hsNone") : hs.map((h) => h.code).join(", ")}</dd>
        </dl>
        <h2>{t("giTitle")}</h2>
        {gi.length === 0 ? (
          <p class="muted">{t("giNone")}</p>
        ) : (
          <ul>
            {gi.map((g) => (
              <li>
                <span lang="en">{g.name}</span> ({t("giSerial", { n: g.listSerialNo })}, {g.goodsCategory}) —{" "}
                <strong>{t(`giStatus_${g.status}` as MessageKey)}</strong>
              </li>
            ))}
          </ul>
        )}
        <h2>{t("provenance")}</h2>
        <p>
          {nameIn(lang, rev.titleEn, rev.titleHi)} ·{" "}
          {t("provenanceRow", { file: product.sourceFile, line: product.sourceRow })}
        </p>
        <p class="muted">
          {t("publishedAs", {
            district: product.districtAsPublished,
            state: product.stateAsPublished,
            method: product.districtMatch,
          })}
        </p>
        <p class="muted">{t("photoOff")}</p>
      </Layout>,
    );
  });

  return app;
}

export function sectorName(ctx: PageContext, p: Pick<ProductView, "sectorNameEn" | "sectorNameHi">): string {
  if (!p.sectorNameEn) return ctx.t("sectorUnassigned");
  return nameIn(ctx.lang, p.sectorNameEn, p.sectorNameHi);
}

function groupBy<T, K>(items: T[], key: (t: T) => K): Map<K, T[]> {
  const m = new Map<K, T[]>();
  for (const i of items) m.set(key(i), [...(m.get(key(i)) ?? []), i]);
  return m;
}
