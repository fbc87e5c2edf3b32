import type { Hono } from "hono";
import type { Db } from "../../../platform/db";
import { formatNumber, type Lang } from "../../../web/i18n";
import { contextOf, hrefIn, Layout, nameIn, ProductLink } from "../../../web/layout";
import { serveRenderedPdf } from "../../../web/rendered-pdf";
import { sectorArt, sectorTaxonomy } from "../../catalog";
import { publicPhotoUrl } from "../../trade";
import { catalogueDocument } from "../commands/catalogues";
import { promotionText } from "../messages";
import { type CatalogueItem, itemsOf, publishedCatalogue, publishedCatalogues } from "../queries/catalogues";

const sectorName = (code: string | null, lang: Lang) => {
  const s = sectorTaxonomy.find((x) => x.code === code);
  return s ? (lang === "hi" ? s.nameHi : s.nameEn) : "";
};

/** Where an item is from: "Varanasi, Uttar Pradesh". */
export const itemPlace = (i: CatalogueItem, lang: Lang) =>
  [
    i.district && nameIn(lang, i.district.nameEn, i.district.nameHi),
    i.state && nameIn(lang, i.state.nameEn, i.state.nameHi),
  ]
    .filter(Boolean)
    .join(", ");

/** A product's picture: a producer's photo when a listing has one, else its sector's illustration. */
function ItemPicture(props: { i: CatalogueItem; lang: Lang }) {
  const t = promotionText(props.lang);
  const { i } = props;
  if (i.picture)
    return (
      <img
        src={publicPhotoUrl(i.picture.id, "medium")}
        width={i.picture.variants.medium.width}
        height={i.picture.variants.medium.height}
        loading="lazy"
        alt={t("photoOf", { product: nameIn(props.lang, i.product.name, i.product.nameHi) })}
      />
    );
  return (
    <img
      src={`/catalogues/sector-art/${i.product.sectorCode ?? "none"}.svg`}
      width={400}
      height={300}
      loading="lazy"
      alt={t("illustration", { sector: sectorName(i.product.sectorCode, props.lang) })}
    />
  );
}

/** `/catalogues`, each catalogue's page, its printable PDF (made by a job) and the sectors' illustrations. Public. */
export function cataloguePublicPages(app: Hono, db: Db): void {
  app.get("/catalogues/sector-art/:file{[a-z_]+\\.svg}", (c) =>
    c.body(sectorArt(c.req.param("file").replace(/\.svg$/, "")), 200, {
      "Content-Type": "image/svg+xml",
      "Cache-Control": "public, max-age=86400",
    }),
  );

  app.get("/catalogues", async (c) => {
    const ctx = contextOf(c);
    const t = promotionText(ctx.lang);
    const rows = await publishedCatalogues(db);
    return c.html(
      <Layout
        ctx={ctx}
        title={t("cataloguesTitle")}
        description={t("cataloguesIntro")}
        crumbs={[{ href: "/", label: ctx.t("home") }]}
      >
        <h1>{t("cataloguesTitle")}</h1>
        <p>{t("cataloguesIntro")}</p>
        {rows.length === 0 ? (
          <p>{t("cataloguesNone")}</p>
        ) : (
          <ul class="cards">
            {rows.map((k) => (
              <li class="card">
                <h2>
                  <a href={hrefIn(`/catalogues/${k.slug}`, ctx.lang)}>
                    {nameIn(ctx.lang, k.titleEn, k.titleHi)}
                  </a>
                </h2>
                {k.isDemo && <span class="badge">{t("demo")}</span>}
                <p>{nameIn(ctx.lang, k.introEn, k.introHi).slice(0, 200)}</p>
              </li>
            ))}
          </ul>
        )}
      </Layout>,
    );
  });

  app.get("/catalogues/:slug{[a-z0-9-]+}/catalogue.pdf", async (c) => {
    const k = await publishedCatalogue(db, c.req.param("slug"));
    return serveRenderedPdf(c, db, { ...catalogueDocument(k), fileName: k.slug });
  });

  app.get("/catalogues/:slug{[a-z0-9-]+}", async (c) => {
    const ctx = contextOf(c);
    const t = promotionText(ctx.lang);
    const k = await publishedCatalogue(db, c.req.param("slug"));
    const items = await itemsOf(db, k.id);
    const title = nameIn(ctx.lang, k.titleEn, k.titleHi);
    const intro = nameIn(ctx.lang, k.introEn, k.introHi);
    return c.html(
      <Layout
        ctx={ctx}
        title={title}
        description={intro.slice(0, 160)}
        crumbs={[
          { href: "/", label: ctx.t("home") },
          { href: "/catalogues", label: t("cataloguesTitle") },
        ]}
      >
        <h1>{title}</h1>
        {k.isDemo && <p class="badge">{t("demoCatalogue")}</p>}
        {intro.split(/\n{2,}/).map((para) => (
          <p>{para}</p>
        ))}
        <p>
          {t("catalogueProducts", { n: formatNumber(items.length) })} ·{" "}
          <a href={hrefIn(`/catalogues/${k.slug}/catalogue.pdf`, ctx.lang)}>{t("printable")}</a>
        </p>
        <ul class="cards catalogue">
          {items.map((i) => (
            <li class="card">
              <ItemPicture i={i} lang={ctx.lang} />
              <h2>
                {i.label && <span class="label">{i.label} · </span>}
                <ProductLink ctx={ctx} product={i.product} />
              </h2>
              <p>
                {itemPlace(i, ctx.lang)} · {sectorName(i.product.sectorCode, ctx.lang)}
              </p>
              {(i.noteEn || i.noteHi) && <p>{nameIn(ctx.lang, i.noteEn ?? i.noteHi ?? "", i.noteHi)}</p>}
              <p>
                <a href={hrefIn(`/bazaar?product=${i.product.id}`, ctx.lang)}>
                  {t("seeOffers")}
                  <span class="sr-only"> · {nameIn(ctx.lang, i.product.name, i.product.nameHi)}</span>
                </a>
              </p>
            </li>
          ))}
        </ul>
      </Layout>,
    );
  });
}
