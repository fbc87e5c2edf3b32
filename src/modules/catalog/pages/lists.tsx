import type { Hono } from "hono";
import type { Db } from "../../../platform/db";
import { AppError } from "../../../platform/errors";
import { TableScroll } from "../../../web/data-table";
import { formatNumber } from "../../../web/i18n";
import { contextOf, hrefIn, Layout, Name, nameIn, ProductLink } from "../../../web/layout";
import { Swatch } from "../../../web/map-svg";
import * as geo from "../../geo";
import {
  giById,
  giFacets,
  listGi,
  liveRevision,
  productsOfGi,
  productsOfRevision,
  productsOfSector,
  sectorCounts,
} from "../queries";
import { sectorTaxonomy } from "../sectors";
import { giStatusText, groupBy, positiveInt, ruleText, sectorColor, sectorName } from "./shared";

async function live(db: Db) {
  const rev = await liveRevision(db);
  if (!rev) throw new AppError("not_found", "No live revision");
  return rev;
}

/** Every district with its products, by State: the text alternative of the national map. */
export function districtsPage(app: Hono, db: Db): void {
  app.get("/districts", async (c) => {
    const ctx = contextOf(c);
    const { t, lang } = ctx;
    const rev = await live(db);
    const states = await geo.listStates(db);
    const districts = groupBy(await geo.listDistricts(db), (d) => d.stateLgdCode);
    const products = groupBy(await productsOfRevision(db, rev.id), (p) => p.districtLgdCode);
    const undrawn = [...districts.values()].flat().filter((d) => !d.hasBoundary);
    return c.html(
      <Layout
        ctx={ctx}
        title={t("allDistricts")}
        description={t("allDistrictsIntro")}
        crumbs={[{ href: "/", label: t("home") }]}
      >
        <h1>{t("allDistricts")}</h1>
        <p>{t("allDistrictsIntro")}</p>
        <p>
          <a href="#not-drawn">{t("notDrawnTitle")}</a> ({formatNumber(undrawn.length)})
        </p>
        {states.map((s) => (
          <section>
            <h2 id={`s${s.lgdCode}`}>
              <a href={hrefIn(`/states/${s.lgdCode}`, lang)}>
                <Name ctx={ctx} en={s.nameEn} hi={s.nameHi} />
              </a>
            </h2>
            <ul class="cols">
              {(districts.get(s.lgdCode) ?? []).map((d) => (
                <li>
                  <a href={hrefIn(`/districts/${d.lgdCode}`, lang)}>
                    <Name ctx={ctx} en={d.nameEn} hi={d.nameHi} />
                  </a>
                  {": "}
                  <span lang="en">
                    {(products.get(d.lgdCode) ?? []).map((p) => p.name).join(", ") || "—"}
                  </span>
                </li>
              ))}
            </ul>
          </section>
        ))}
        <h2 id="not-drawn">{t("notDrawnTitle")}</h2>
        <p>{t("notDrawnIntro")}</p>
        <ul class="cols">
          {undrawn.map((d) => (
            <li>
              <a href={hrefIn(`/districts/${d.lgdCode}`, lang)}>
                <Name ctx={ctx} en={d.nameEn} hi={d.nameHi} />
              </a>
            </li>
          ))}
        </ul>
      </Layout>,
    );
  });
}

export function sectorPages(app: Hono, db: Db): void {
  app.get("/sectors", async (c) => {
    const ctx = contextOf(c);
    const { t, lang } = ctx;
    const rev = await live(db);
    const counts = new Map((await sectorCounts(db, rev.id)).map((r) => [r.sectorCode, r.n]));
    return c.html(
      <Layout
        ctx={ctx}
        title={t("sectors")}
        description={t("sectorsIntro")}
        crumbs={[{ href: "/", label: t("home") }]}
      >
        <h1>{t("sectors")}</h1>
        <p>{t("sectorsIntro")}</p>
        <TableScroll label={t("sectors")}>
          <table>
            <caption class="sr-only">{t("sectors")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("sector")}</th>
                <th scope="col" class="num">
                  {t("products")}
                </th>
              </tr>
            </thead>
            <tbody>
              {sectorTaxonomy.map((s) => (
                <tr>
                  <th scope="row">
                    <Swatch color={s.color} />{" "}
                    <a href={hrefIn(`/sectors/${s.code}`, lang)}>{nameIn(lang, s.nameEn, s.nameHi)}</a>
                  </th>
                  <td class="num">{formatNumber(counts.get(s.code) ?? 0)}</td>
                </tr>
              ))}
              <tr>
                <th scope="row">
                  <a href={hrefIn("/sectors/unassigned", lang)}>{t("sectorUnassigned")}</a>
                </th>
                <td class="num">{formatNumber(counts.get(null) ?? 0)}</td>
              </tr>
            </tbody>
          </table>
        </TableScroll>
        <p class="muted small">{t("sectorRuleNote")}</p>
      </Layout>,
    );
  });

  app.get("/sectors/:code", async (c) => {
    const ctx = contextOf(c);
    const { t, lang } = ctx;
    const code = c.req.param("code");
    const sector = sectorTaxonomy.find((s) => s.code === code);
    if (!sector && code !== "unassigned") throw new AppError("not_found", "No such sector");
    const rev = await live(db);
    const products = await productsOfSector(db, rev.id, sector?.code ?? null);
    const districts = new Map(
      (
        await geo.getDistricts(
          db,
          products.map((p) => p.districtLgdCode),
        )
      ).map((d) => [d.lgdCode, d]),
    );
    const title = sector ? nameIn(lang, sector.nameEn, sector.nameHi) : t("sectorUnassigned");
    return c.html(
      <Layout
        ctx={ctx}
        title={title}
        description={t("sectorDescription", { sector: title, n: products.length })}
        crumbs={[
          { href: "/", label: t("home") },
          { href: "/sectors", label: t("sectors") },
        ]}
      >
        <h1>
          <Swatch big color={sectorColor(sector?.code ?? null)} /> {title}
        </h1>
        <p>{t("sectorDescription", { sector: title, n: products.length })}</p>
        <TableScroll label={title}>
          <table>
            <caption class="sr-only">{title}</caption>
            <thead>
              <tr>
                <th scope="col">{t("product")}</th>
                <th scope="col">{t("district")}</th>
                <th scope="col">{t("howSet")}</th>
              </tr>
            </thead>
            <tbody>
              {products.map((p) => {
                const d = districts.get(p.districtLgdCode);
                return (
                  <tr>
                    <th scope="row">
                      <ProductLink ctx={ctx} product={p} />
                    </th>
                    <td>
                      <a href={hrefIn(`/districts/${p.districtLgdCode}`, lang)}>
                        {d ? <Name ctx={ctx} en={d.nameEn} hi={d.nameHi} /> : p.districtAsPublished}
                      </a>
                    </td>
                    <td class="small">{p.sectorRule ? ruleText(ctx, p.sectorRule) : sectorName(ctx, p)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableScroll>
      </Layout>,
    );
  });
}

export function giPages(app: Hono, db: Db): void {
  app.get("/gi", async (c) => {
    const ctx = contextOf(c);
    const { t, lang } = ctx;
    const rev = await live(db);
    const facets = await giFacets(db);
    const goodsCategory = facets.classes.find((x) => x === c.req.query("class"));
    const state = facets.states.find((x) => x === c.req.query("state"));
    const rows = await listGi(db, rev.id, { goodsCategory, state });
    return c.html(
      <Layout
        ctx={ctx}
        title={t("giRegister")}
        description={t("giIntro")}
        crumbs={[{ href: "/", label: t("home") }]}
      >
        <h1>{t("giRegister")}</h1>
        <p>{t("giIntro")}</p>
        <form class="filters" method="get" action="/gi">
          {lang === "hi" && <input type="hidden" name="lang" value="hi" />}
          <label>
            {t("giClass")}
            <select name="class">
              <option value="">{t("any")}</option>
              {facets.classes.map((x) => (
                <option value={x} selected={x === goodsCategory}>
                  {x}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t("stateOrCountry")}
            <select name="state">
              <option value="">{t("any")}</option>
              {facets.states.map((x) => (
                <option value={x} selected={x === state}>
                  {x}
                </option>
              ))}
            </select>
          </label>
          <button type="submit">{t("applyFilters")}</button>
        </form>
        <p role="status">{t("giCount", { n: formatNumber(rows.length) })}</p>
        {rows.length === 0 ? (
          <p class="note">{t("giEmpty")}</p>
        ) : (
          <TableScroll label={t("giRegister")}>
            <table>
              <caption class="sr-only">{t("giRegister")}</caption>
              <thead>
                <tr>
                  <th scope="col" class="num">
                    {t("giSerialShort")}
                  </th>
                  <th scope="col">{t("giName")}</th>
                  <th scope="col">{t("giClass")}</th>
                  <th scope="col">{t("stateOrCountry")}</th>
                  <th scope="col" class="num">
                    {t("linkedProducts")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((g) => (
                  <tr>
                    <td class="num">{g.listSerialNo}</td>
                    <th scope="row" lang="en">
                      <a href={hrefIn(`/gi/${g.id}`, lang)}>{g.name}</a>
                    </th>
                    <td>{g.goodsCategory}</td>
                    <td lang="en">{g.states.join(", ")}</td>
                    <td class="num">{g.linkedProducts}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
        <p class="muted small">{t("giSourceNote")}</p>
      </Layout>,
    );
  });

  app.get("/gi/:id", async (c) => {
    const ctx = contextOf(c);
    const { t } = ctx;
    const id = positiveInt(c.req.param("id"));
    const gi = id === null ? null : await giById(db, id);
    if (!gi) throw new AppError("not_found", "No such GI registration");
    const rev = await live(db);
    const products = await productsOfGi(db, rev.id, gi.id);
    return c.html(
      <Layout
        ctx={ctx}
        title={gi.name}
        description={`${gi.name} — ${t("giSerial", { n: gi.listSerialNo })}, ${gi.goodsCategory}, ${gi.states.join(", ")}`}
        crumbs={[
          { href: "/", label: t("home") },
          { href: "/gi", label: t("giRegister") },
        ]}
      >
        <h1 lang="en">{gi.name}</h1>
        <dl class="facts">
          <dt>{t("giSerialShort")}</dt>
          <dd>{gi.listSerialNo}</dd>
          <dt>{t("giClass")}</dt>
          <dd>{gi.goodsCategory}</dd>
          <dt>{t("stateOrCountry")}</dt>
          <dd lang="en">{gi.states.join(", ")}</dd>
          {gi.duplicateOfSerial !== null && (
            <>
              <dt>{t("giDuplicateOf")}</dt>
              <dd>{gi.duplicateOfSerial}</dd>
            </>
          )}
        </dl>
        <h2>{t("linkedProducts")}</h2>
        {products.length === 0 ? (
          <p class="muted">{t("giNoProducts")}</p>
        ) : (
          <ul>
            {products.map((p) => (
              <li>
                <ProductLink ctx={ctx} product={p} /> — {giStatusText(ctx, p.linkStatus)}
              </li>
            ))}
          </ul>
        )}
        <p class="muted small">{t("giSourceNote")}</p>
      </Layout>,
    );
  });
}
