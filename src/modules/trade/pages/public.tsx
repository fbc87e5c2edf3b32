import type { Hono } from "hono";
import type { Db } from "../../../platform/db";
import { AppError } from "../../../platform/errors";
import type { FileStore } from "../../../platform/file-store";
import { Fact } from "../../../web/fact";
import { FilterSelect } from "../../../web/filter-select";
import { formatNumber } from "../../../web/i18n";
import { routeId } from "../../../web/input-guard";
import { contextOf, hrefIn, Layout, nameIn } from "../../../web/layout";
import { Pager, pageHref } from "../../../web/pager";
import { productById, sectorTaxonomy } from "../../catalog";
import { listDistricts, listStates } from "../../geo";
import { certifications, photoWidths } from "../kinds";
import { tradeText } from "../messages";
import { bazaar, producerRating, publicListing, publicPhoto } from "../queries";
import { rfqText } from "../rfq-messages";
import { bazaarFilters, bazaarPageSize } from "../schemas";
import { listingTitle } from "../search-entry";
import {
  certificationTexts,
  ListingCard,
  photoFile,
  photoSizeOf,
  placeLine,
  priceText,
  publicPhotoUrl,
  quantityText,
  servePhoto,
} from "./shared";

/** Cards above the fold on a phone and a desktop: their photos load at once, the rest when scrolled to. */
const eagerCards = 4;

/** The bazaar, a listing's public page, and its photos (public, cached; only published listings exist here). */
export function bazaarPublicPages(app: Hono, db: Db, deps: { store: FileStore }): void {
  app.get("/bazaar", async (c) => {
    const ctx = contextOf(c);
    const t = tradeText(ctx.lang);
    const parsed = bazaarFilters.safeParse(
      Object.fromEntries(Object.entries(c.req.query()).filter(([, v]) => v !== "")),
    );
    if (!parsed.success) throw new AppError("bad_request", "Invalid filter");
    const f = parsed.data;
    const [result, states, stateDistricts, product] = await Promise.all([
      bazaar(db, f),
      listStates(db),
      f.state ? listDistricts(db, { stateLgdCode: f.state }) : Promise.resolve([]),
      f.product ? productById(db, f.product) : Promise.resolve(null),
    ]);
    const pages = Math.max(1, Math.ceil(result.total / bazaarPageSize));
    const filtered = Object.keys(c.req.query()).some((k) => k !== "lang" && k !== "page");
    return c.html(
      <Layout
        ctx={ctx}
        title={t("bazaarTitle")}
        description={t("bazaarIntro")}
        crumbs={[{ href: "/", label: ctx.t("home") }]}
      >
        <h1>{t("bazaarTitle")}</h1>
        <p>{t("bazaarIntro")}</p>
        <form method="get" action="/bazaar" class="filters">
          {ctx.lang === "hi" && <input type="hidden" name="lang" value="hi" />}
          <label>
            {t("bazaarSearch")}
            <input
              name="q"
              type="search"
              value={f.q ?? ""}
              maxlength={100}
              aria-describedby="bazaar-q-hint"
            />
          </label>
          <FilterSelect
            label={t("state")}
            name="state"
            all={t("all")}
            value={f.state}
            options={states.map((s) => ({
              value: String(s.lgdCode),
              label: nameIn(ctx.lang, s.nameEn, s.nameHi),
            }))}
          />
          {stateDistricts.length > 0 && (
            <FilterSelect
              label={t("district")}
              name="district"
              all={t("all")}
              value={f.district}
              options={stateDistricts.map((d) => ({
                value: String(d.lgdCode),
                label: nameIn(ctx.lang, d.nameEn, d.nameHi),
              }))}
            />
          )}
          <FilterSelect
            label={t("sector")}
            name="sector"
            all={t("all")}
            value={f.sector}
            options={sectorTaxonomy.map((s) => ({
              value: s.code,
              label: ctx.lang === "hi" ? s.nameHi : s.nameEn,
            }))}
          />
          <FilterSelect
            label={t("certification")}
            name="cert"
            all={t("all")}
            value={f.cert}
            options={certifications.map((k) => ({ value: k, label: t(`cert_${k}`) }))}
          />
          {product && <input type="hidden" name="product" value={String(product.id)} />}
          {f.producer !== undefined && <input type="hidden" name="producer" value={String(f.producer)} />}
          <button type="submit">{t("filter")}</button>
        </form>
        <p class="hint" id="bazaar-q-hint">
          {t("bazaarSearchHint")}
          {!f.state && ` · ${t("districtAfterState")}`}
        </p>
        {product && (
          <p>
            {t("odopProduct")}: <strong>{product.name}</strong>
          </p>
        )}
        <p>
          {result.capped
            ? t("bazaarCapped", { n: formatNumber(result.total) })
            : result.total === 1
              ? t("bazaarCountOne")
              : t("bazaarCount", { n: formatNumber(result.total) })}
          {filtered && (
            <>
              {" · "}
              <a href={hrefIn("/bazaar", ctx.lang)}>{t("clearFilters")}</a>
            </>
          )}
        </p>
        {result.cards.length === 0 ? (
          <p>{t("bazaarEmpty")}</p>
        ) : (
          <ul class="cards listing-cards">
            {result.cards.map((card, i) => (
              <ListingCard ctx={ctx} card={card} eager={i < eagerCards} />
            ))}
          </ul>
        )}
        <Pager t={ctx.t} page={f.page} pages={pages} href={pageHref("/bazaar", c.req.query())} />
      </Layout>,
    );
  });

  app.get("/bazaar/listings/:id{[0-9]+}", async (c) => {
    const ctx = contextOf(c);
    const t = tradeText(ctx.lang);
    const found = await publicListing(db, routeId(c));
    if (!found) throw new AppError("not_found", "No such listing");
    const { listing: l, photos, names } = found;
    const title = listingTitle(l, ctx.lang);
    const product = names.product(l.odopProductId);
    const district = names.district(l.districtLgdCode);
    const description =
      ctx.lang === "hi" ? (l.descriptionHi ?? l.descriptionEn) : (l.descriptionEn ?? l.descriptionHi);
    const certs = certificationTexts(t, l);
    const [first, ...rest] = photos;
    const rating = await producerRating(db, l.producerId);
    return c.html(
      <Layout
        ctx={ctx}
        title={title}
        description={description?.slice(0, 160) ?? t("bazaarIntro")}
        crumbs={[
          { href: "/", label: ctx.t("home") },
          { href: "/bazaar", label: t("bazaarTitle") },
        ]}
      >
        <h1>
          {title}
          {l.isDemo && <span class="badge">{t("demo")}</span>}
        </h1>
        {l.isDemo && <p class="notice info">{t("demoListing")}</p>}
        <p>
          {t("offeredBy")}{" "}
          <a href={hrefIn(`/producers/${l.producerId}`, ctx.lang)}>{names.producer(l.producerId)}</a>
          {" · "}
          {district ? (
            <a href={hrefIn(`/districts/${district.lgdCode}`, ctx.lang)}>{placeLine(ctx, names, l)}</a>
          ) : (
            placeLine(ctx, names, l)
          )}
        </p>
        {rating.n > 0 && rating.mean !== null && (
          <p>
            {t(rating.n === 1 ? "ratedOne" : "ratedMany", {
              mean: formatNumber(rating.mean, 1),
              n: rating.n,
            })}
          </p>
        )}
        <p class="button-row">
          <a class="button-link" href={hrefIn("/rfqs/new", ctx.lang, { listing: String(l.id) })}>
            {rfqText(ctx.lang)("requestQuote")}
          </a>
          {product && (
            <a class="button-link" href={hrefIn("/rfqs/new", ctx.lang, { product: String(product.id) })}>
              {rfqText(ctx.lang)("askAllProducers", { product: product.name })}
            </a>
          )}
          {product && (
            <a
              class="button-link"
              href={hrefIn("/buyers/interests/new", ctx.lang, { product: String(product.id) })}
            >
              {rfqText(ctx.lang)("addInterest")}: {product.name}
            </a>
          )}
        </p>
        {first && (
          <figure class="listing-photo">
            <img
              src={publicPhotoUrl(first.id, "medium")}
              srcset={`${publicPhotoUrl(first.id, "medium")} ${first.variants.medium.width}w, ${publicPhotoUrl(first.id, "large")} ${first.variants.large.width}w`}
              sizes={`(max-width: ${photoWidths.medium}px) 100vw, ${photoWidths.medium}px`}
              width={first.variants.medium.width}
              height={first.variants.medium.height}
              alt={t("photoOf", { title, n: 1 })}
              decoding="async"
            />
          </figure>
        )}
        {rest.length > 0 && (
          <ul class="photo-strip">
            {rest.map((p, i) => (
              <li>
                <a href={publicPhotoUrl(p.id, "large")}>
                  <img
                    src={publicPhotoUrl(p.id, "thumb")}
                    width={p.variants.thumb.width}
                    height={p.variants.thumb.height}
                    alt={t("photoOf", { title, n: i + 2 })}
                    loading="lazy"
                    decoding="async"
                  />
                </a>
              </li>
            ))}
          </ul>
        )}
        {description && <p class="prose">{description}</p>}
        <dl class="facts">
          <dt>{t("priceBand")}</dt>
          <dd>{priceText(t, l)}</dd>
          {l.fobUsd !== null && (
            <Fact term={t("fob")}>
              {t("fobValue", { usd: formatNumber(l.fobUsd, 2), unit: t(`unit_${l.unit}`) })}
            </Fact>
          )}
          <dt>{t("minOrder")}</dt>
          <dd>{quantityText(t, l, l.minOrder)}</dd>
          <dt>{t("monthlyCapacity")}</dt>
          <dd>{quantityText(t, l, l.monthlyCapacity)}</dd>
          <dt>{t("leadTime")}</dt>
          <dd>{t("leadDays", { n: l.leadTimeDays })}</dd>
          <dt>{t("product")}</dt>
          <dd>
            {product ? (
              <a href={hrefIn(`/products/${product.slug}`, ctx.lang)}>{product.name}</a>
            ) : (
              (l.otherProduct ?? "")
            )}
          </dd>
          {l.hsCode && <Fact term={t("hsCode")}>{l.hsCode}</Fact>}
          {certs.length > 0 && <Fact term={t("certifications")}>{certs.join(" · ")}</Fact>}
          {l.packaging && <Fact term={t("packaging")}>{l.packaging}</Fact>}
          <dt>{t("samples")}</dt>
          <dd>{l.samplesAvailable ? t("samplesYes") : t("samplesNo")}</dd>
        </dl>
      </Layout>,
    );
  });

  // A photo's bytes never change (a new photo gets a new id), so browsers and proxies keep it for a year.
  app.get(`/bazaar/photos/:id{[0-9]+}/${photoFile}`, async (c) => {
    const photo = await publicPhoto(db, routeId(c));
    if (!photo) throw new AppError("not_found", "No such photo");
    return servePhoto(deps.store, photo.variants[photoSizeOf(c.req.param("file") ?? "")].key, "public");
  });
}
