import type { Hono } from "hono";
import type { Db } from "../../../platform/db";
import { normalizeName } from "../../../platform/text";
import { Highlight } from "../../../web/highlight";
import { formatNumber } from "../../../web/i18n";
import { contextOf, hrefIn, Layout, nameIn, type PageContext } from "../../../web/layout";
import { Pager } from "../../../web/pager";
import { suggestAttributes } from "../../../web/search-form";
import * as geo from "../../geo";
import { searchHitPath } from "../presenters";
import { type SearchKind, search } from "../queries";
import { sectorTaxonomy } from "../sectors";
import { positiveInt } from "./shared";

const pageSize = 20;
const kinds: SearchKind[] = ["product", "district", "state", "gi", "listing"];

/** The search page: one box over products, districts, States and GI goods, with filters in a shareable URL. */
export function searchPage(app: Hono, db: Db): void {
  // Suggestions while typing (app.js): the registry's best matches for what is typed so far, as JSON. Answers come
  // from the search cache, so the same letters typed again cost nothing until the data changes.
  app.get("/search/suggest", async (c) => {
    const { t, lang } = contextOf(c);
    const q = (c.req.query("q") ?? "").trim().slice(0, 100);
    const result =
      normalizeName(q).length >= 2
        ? await search(db, q, { registryOnly: true }, { limit: 8, offset: 0 })
        : { hits: [] };
    c.header("Cache-Control", "public, max-age=60");
    return c.json({
      q,
      items: result.hits.map((h) => ({
        kind: h.kind,
        // A product without a Hindi name is named in English on a Hindi page, and says so.
        kindLabel:
          lang === "hi" && h.kind === "product" && !h.titleHi
            ? `${kindLabel({ t }, h.kind)} (${t("inEnglish")})`
            : kindLabel({ t }, h.kind),
        label: lang === "hi" && h.titleHi ? h.titleHi : h.titleEn,
        lang: lang === "hi" && h.titleHi ? "hi" : "en",
        context: lang === "hi" && h.contextHi ? h.contextHi : h.contextEn,
        href: hrefIn(searchHitPath(h.kind, h.ref), lang),
      })),
    });
  });

  app.get("/search", async (c) => {
    const ctx = contextOf(c);
    const { t, lang } = ctx;
    const q = (c.req.query("q") ?? "").trim().slice(0, 200);
    const states = await geo.listStates(db);
    const state = states.find((s) => String(s.lgdCode) === c.req.query("state"))?.lgdCode;
    const sector = sectorTaxonomy.find((s) => s.code === c.req.query("sector"))?.code;
    const kind = kinds.find((k) => k === c.req.query("kind"));
    const gi = c.req.query("gi") === "1";
    const pageNo = Math.min(positiveInt(c.req.query("page") ?? "1") ?? 1, 500);
    const result = q
      ? await search(db, q, { state, sector, gi, kind }, { limit: pageSize, offset: (pageNo - 1) * pageSize })
      : { total: 0, capped: false, hits: [] };
    const words = normalizeName(q).split(" ").filter(Boolean);
    const params = (page: number) => {
      const u = new URLSearchParams();
      u.set("q", q);
      if (state) u.set("state", String(state));
      if (sector) u.set("sector", sector);
      if (kind) u.set("kind", kind);
      if (gi) u.set("gi", "1");
      if (page > 1) u.set("page", String(page));
      if (lang === "hi") u.set("lang", "hi");
      return `/search?${u}`;
    };
    const title = q ? t("searchResultsFor", { q }) : t("searchButton");
    return c.html(
      <Layout
        ctx={ctx}
        title={title}
        description={t("searchLabel")}
        crumbs={[{ href: "/", label: t("home") }]}
      >
        <h1>{title}</h1>
        <search>
          <form class="search-page" action="/search" method="get">
            {lang === "hi" && <input type="hidden" name="lang" value="hi" />}
            <div class="search big">
              <label for="q">{t("searchLabel")}</label>
              <div class="row">
                <input
                  id="q"
                  type="search"
                  name="q"
                  value={q}
                  autocomplete="off"
                  {...suggestAttributes(ctx)}
                />
                <button type="submit">{t("searchButton")}</button>
              </div>
            </div>
            <div class="filters">
              <label>
                {t("state")}
                <select name="state">
                  <option value="">{t("any")}</option>
                  {states.map((s) => (
                    <option value={String(s.lgdCode)} selected={s.lgdCode === state}>
                      {nameIn(lang, s.nameEn, s.nameHi)}
                    </option>
                  ))}
                </select>
              </label>
              <label>
                {t("sector")}
                <select name="sector">
                  <option value="">{t("any")}</option>
                  {sectorTaxonomy.map((s) => (
                    <option value={s.code} selected={s.code === sector}>
                      {nameIn(lang, s.nameEn, s.nameHi)}
                    </option>
                  ))}
                </select>
              </label>
              <label>
                {t("searchKind")}
                <select name="kind">
                  <option value="">{t("any")}</option>
                  {kinds.map((k) => (
                    <option value={k} selected={k === kind}>
                      {kindLabel(ctx, k)}
                    </option>
                  ))}
                </select>
              </label>
              <label class="check">
                <input type="checkbox" name="gi" value="1" checked={gi} /> {t("withGiOnly")}
              </label>
              <button type="submit">{t("applyFilters")}</button>
            </div>
          </form>
        </search>
        {q && (
          <p role="status">
            {result.total === 0
              ? t("searchNone", { q })
              : result.total === 1
                ? t("searchCountOne")
                : t("searchCount", { n: formatNumber(result.total) })}
          </p>
        )}
        {q && result.total === 0 && (
          <div class="note">
            <p>{t("searchTips")}</p>
            <p>
              <a href={hrefIn("/districts", lang)}>{t("allDistricts")}</a> ·{" "}
              <a href={hrefIn("/sectors", lang)}>{t("sectors")}</a> ·{" "}
              <a href={hrefIn("/gi", lang)}>{t("giRegister")}</a>
            </p>
          </div>
        )}
        <ol class="results">
          {result.hits.map((h) => (
            <li>
              <span class="kind">{kindLabel(ctx, h.kind)}</span>
              <div>
                <a
                  href={hrefIn(searchHitPath(h.kind, h.ref), lang)}
                  lang={lang === "hi" && h.titleHi ? "hi" : "en"}
                >
                  <Highlight text={lang === "hi" && h.titleHi ? h.titleHi : h.titleEn} words={words} />
                </a>
                {lang === "hi" && h.kind === "product" && !h.titleHi && (
                  <span class="lang-mark"> ({t("inEnglish")})</span>
                )}
                {h.isDemo && <span class="badge">{t("demoBadge")}</span>}
              </div>
              <div class="muted small">{lang === "hi" && h.contextHi ? h.contextHi : h.contextEn}</div>
            </li>
          ))}
        </ol>
        <Pager t={t} page={pageNo} pages={Math.ceil(result.total / pageSize)} href={params} />
      </Layout>,
    );
  });
}

function kindLabel(ctx: Pick<PageContext, "t">, kind: string): string {
  const labels: Record<string, string> = {
    product: ctx.t("product"),
    district: ctx.t("district"),
    state: ctx.t("stateOrUt"),
    gi: ctx.t("giShort"),
    listing: ctx.t("listingShort"),
  };
  return labels[kind] ?? kind;
}
