import type { Hono } from "hono";
import type { Db } from "../../../platform/db";
import { AppError } from "../../../platform/errors";
import { normalizeName } from "../../../platform/text";
import type { MessageKey } from "../../../web/i18n";
import { contextOf, hrefIn, Layout, nameIn, ProductName } from "../../../web/layout";
import * as geo from "../../geo";
import { proposalText } from "../proposals/messages";
import { giLinksOfProduct, hsHeadingsOfProduct, listedSince, liveRevision, productBySlug } from "../queries";
import { GiList, rankText, ruleText, sectorColor, sectorName } from "./shared";

export function productPage(
  app: Hono,
  db: Db,
  opts: { externalImages: boolean; verifiedProducersOf?: (productId: number) => Promise<number> },
): void {
  app.get("/products/:slug", async (c) => {
    const ctx = contextOf(c);
    const rev = await liveRevision(db);
    const product = rev ? await productBySlug(db, rev.id, c.req.param("slug")) : null;
    if (!rev || !product) throw new AppError("not_found", "No such product");
    const district = await geo.getDistrict(db, product.districtLgdCode);
    const state = await geo.getState(db, product.stateLgdCode);
    const gi = await giLinksOfProduct(db, product.id);
    const hs = await hsHeadingsOfProduct(db, product.id);
    const producers = (await opts.verifiedProducersOf?.(product.id)) ?? 0;
    const since = await listedSince(db, product.districtLgdCode, product.slug, normalizeName(product.name));
    const { t, lang } = ctx;
    const districtName = district ? nameIn(lang, district.nameEn, district.nameHi) : "";
    const stateName = state ? nameIn(lang, state.nameEn, state.nameHi) : "";
    const sector = sectorName(ctx, product);
    return c.html(
      <Layout
        ctx={ctx}
        title={nameIn(lang, product.name, product.nameHi)}
        description={t("productDescription", {
          product: nameIn(lang, product.name, product.nameHi),
          district: districtName,
          state: stateName,
          sector,
        })}
        crumbs={[
          { href: "/", label: t("home") },
          { href: `/states/${product.stateLgdCode}`, label: stateName },
          { href: `/districts/${product.districtLgdCode}`, label: districtName },
        ]}
      >
        <div class="product-head">
          <div>
            <h1>
              <ProductName ctx={ctx} en={product.name} hi={product.nameHi} />
            </h1>
            <p>
              {t("productOf", { district: districtName, state: stateName })} ·{" "}
              <span class="tag">{rankText(ctx, product.rank)}</span>
            </p>
          </div>
          {opts.externalImages && product.photoUrl ? (
            <img
              class="photo"
              src={product.photoUrl}
              alt={t("officialPhotoOf", { product: product.name })}
              width={320}
              height={240}
              loading="lazy"
            />
          ) : (
            <svg class="illustration" viewBox="0 0 320 120" aria-hidden="true" focusable="false">
              <rect width="320" height="120" rx="8" fill={sectorColor(product.sectorCode)} />
              <circle cx="60" cy="60" r="34" fill="#fff" fill-opacity="0.25" />
              <circle cx="260" cy="30" r="50" fill="#fff" fill-opacity="0.12" />
            </svg>
          )}
        </div>
        <dl class="facts">
          <dt>{t("district")}</dt>
          <dd>
            <a href={hrefIn(`/districts/${product.districtLgdCode}`, lang)}>{districtName}</a>,{" "}
            <a href={hrefIn(`/states/${product.stateLgdCode}`, lang)}>{stateName}</a>
          </dd>
          <dt>{t("rank")}</dt>
          <dd>{rankText(ctx, product.rank)}</dd>
          <dt>{t("sector")}</dt>
          <dd>
            {product.sectorCode ? (
              <a href={hrefIn(`/sectors/${product.sectorCode}`, lang)}>{sector}</a>
            ) : (
              sector
            )}
          </dd>
          <dt>{t("hsHeadings")}</dt>
          <dd>{hs.length === 0 ? t("hsNone") : hs.map((h) => h.code).join(", ")}</dd>
          {product.description && (
            <>
              <dt>{t("description")}</dt>
              <dd lang="en">{product.description}</dd>
            </>
          )}
        </dl>
        <h2>{t("giTitle")}</h2>
        <GiList ctx={ctx} gi={gi} empty={t("giNone")} />
        <h2>{t("producersOfProduct")}</h2>
        {producers > 0 ? (
          <>
            <p>
              <a href={hrefIn("/producers", lang, { product: String(product.id) })}>
                {t(producers === 1 ? "productProducersOne" : "productProducersMany", { n: producers })}
              </a>
            </p>
            <p>
              <a href={hrefIn("/bazaar", lang, { product: String(product.id) })}>{t("productInBazaar")}</a> ·{" "}
              <a href={hrefIn("/rfqs/new", lang, { product: String(product.id) })}>
                {t("productRequestQuotes")}
              </a>
            </p>
          </>
        ) : (
          <>
            <p>{t("productNoProducers", { product: product.name })}</p>
            <p>
              {t("productRegisterInvite")}{" "}
              <a href={hrefIn("/producers/new", lang, { district: String(product.districtLgdCode) })}>
                {t("registerAsProducer")}
              </a>
            </p>
          </>
        )}
        <p>
          <a href={hrefIn("/events", lang, { product: String(product.id) })}>{t("productEvents")}</a>
        </p>
        <h2>{t("provenance")}</h2>
        <ul class="provenance muted">
          {since && (
            <li>
              <a href={hrefIn(`/revisions/${since.id}`, lang)}>
                {proposalText(lang)("since", {
                  revision: nameIn(lang, since.titleEn, since.titleHi),
                  date: since.effectiveAt,
                })}
              </a>
            </li>
          )}
          <li>
            {nameIn(lang, rev.titleEn, rev.titleHi)} ·{" "}
            {t("provenanceRow", { file: product.sourceFile, line: product.sourceRow })}
          </li>
          <li>
            {t("publishedAs", {
              district: product.districtAsPublished,
              state: product.stateAsPublished,
              method: t(`districtMatch_${product.districtMatch}` as MessageKey),
            })}
          </li>
          <li>
            {t("sectorHow", {
              how: t(`sectorSetBy_${product.sectorSetBy}` as MessageKey, {
                rule: ruleText(ctx, product.sectorRule),
              }),
            })}
          </li>
        </ul>
        {!opts.externalImages && product.photoUrl && <p class="muted small">{t("photoOff")}</p>}
      </Layout>,
    );
  });
}
