import { AppError } from "../../../platform/errors";
import type { FileStore } from "../../../platform/file-store";
import { formatNumber, type Lang } from "../../../web/i18n";
import { hrefIn, nameIn, type PageContext } from "../../../web/layout";
import type { PhotoSize } from "../kinds";
import { type TradeText, tradeText } from "../messages";
import { publicPhotoUrl } from "../presenters";
import type { BazaarCard, Listing, ListingNames } from "../queries";
import { listingTitle } from "../search-entry";

export { ownPhotoUrl, publicPhotoUrl } from "../presenters";

const amount = (n: number) => formatNumber(n, 2);

/** "₹1,200–1,800 per piece" (or one price when the band is one). */
export function priceText(t: TradeText, l: Listing): string {
  const unit = t(`unit_${l.unit}`);
  return l.priceMinInr === l.priceMaxInr
    ? t("priceOne", { min: amount(l.priceMinInr), unit })
    : t("priceRange", { min: amount(l.priceMinInr), max: amount(l.priceMaxInr), unit });
}

/** "500 piece" — a quantity in the listing's unit. */
export const quantityText = (t: TradeText, l: Listing, n: number) => `${amount(n)} ${t(`unit_${l.unit}`)}`;

/** The certifications a listing claims, in words. */
export function certificationTexts(t: TradeText, l: Listing): string[] {
  return [
    l.giAuthorisedUser ? t("giUser", { no: l.giAuthorisedUser }) : null,
    l.organic ? t("organic") : null,
    l.bis ? t("bis") : null,
    l.otherCertifications,
  ].filter((x): x is string => !!x);
}

/** What it is and where: "Banarasi silk saree · Varanasi, Uttar Pradesh". */
export function placeLine(ctx: { lang: Lang }, names: ListingNames, l: Listing): string {
  const d = names.district(l.districtLgdCode);
  const s = names.state(l.stateLgdCode);
  return [d ? nameIn(ctx.lang, d.nameEn, d.nameHi) : "", s ? nameIn(ctx.lang, s.nameEn, s.nameHi) : ""]
    .filter(Boolean)
    .join(", ");
}

/**
 * A listing as a card of the bazaar: its cover photo (sized, lazy unless it is among the first on the page), title,
 * the line under it (producer, product, place), price band and minimum order.
 */
export function ListingCard(props: { ctx: PageContext; card: BazaarCard; eager: boolean }) {
  const { ctx } = props;
  const { listing: l, cover, byline } = props.card;
  const t = tradeText(ctx.lang);
  const title = listingTitle(l, ctx.lang);
  return (
    <li class="listing-card">
      {cover ? (
        <img
          src={publicPhotoUrl(cover.id, "thumb")}
          width={cover.variants.thumb.width}
          height={cover.variants.thumb.height}
          alt={t("photoOf", { title, n: 1 })}
          loading={props.eager ? undefined : "lazy"}
          decoding="async"
        />
      ) : (
        <div class="no-photo" aria-hidden="true" />
      )}
      <h2>
        <a href={hrefIn(`/bazaar/listings/${l.id}`, ctx.lang)}>{title}</a>
        {l.isDemo && <span class="badge">{t("demo")}</span>}
      </h2>
      <p>{byline[ctx.lang]}</p>
      <p>
        <strong>{priceText(t, l)}</strong>
      </p>
      <p>
        {t("minOrder")}: {quantityText(t, l, l.minOrder)}
      </p>
    </li>
  );
}

/** The last part of a photo's address: its size, as a WebP file. */
export const photoFile = ":file{(?:thumb|medium|large)\\.webp}";
export const photoSizeOf = (file: string) => file.replace(/\.webp$/, "") as PhotoSize;

/** A stored photo as a WebP response: public ones cached for a year, private ones never. */
export async function servePhoto(store: FileStore, key: string, cache: "public" | "private") {
  const bytes = await store.get(key);
  if (!bytes) throw new AppError("not_found", "The photo is gone from the store");
  return new Response(new Uint8Array(bytes), {
    headers: {
      "Content-Type": "image/webp",
      "Content-Length": String(bytes.length),
      "Cache-Control": cache === "public" ? "public, max-age=31536000, immutable" : "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
