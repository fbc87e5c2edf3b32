import sharp from "sharp";
import type { Db } from "../../../platform/db";
import type { FileStore } from "../../../platform/file-store";
import { saveDocument } from "../../../platform/rendered-documents";
import type { Lang } from "../../../web/i18n";
import { nameIn } from "../../../web/layout";
import { type PdfBlock, renderPdf } from "../../../web/pdf";
import { sectorArt, sectorTaxonomy } from "../../catalog";
import { catalogueDocument } from "../commands/catalogues";
import { promotionText } from "../messages";
import { type CatalogueItem, catalogueById, itemsOf } from "../queries/catalogues";
import { itemPlace } from "./catalogues-public";

/** An item's picture for print: the producer's photo (WebP in the store) as JPEG, or the sector's illustration as PNG. */
async function printablePicture(store: FileStore, i: CatalogueItem): Promise<Buffer> {
  const stored = i.picture ? await store.get(i.picture.variants.medium.key) : null;
  if (stored) return sharp(stored).jpeg({ quality: 82 }).toBuffer();
  return sharp(Buffer.from(sectorArt(i.product.sectorCode)))
    .png()
    .toBuffer();
}

/** The printable catalogue in one language: its title and introduction, then each product with its picture. */
async function cataloguePdf(
  store: FileStore,
  k: Awaited<ReturnType<typeof catalogueById>>,
  items: CatalogueItem[],
  lang: Lang,
  origin: string,
): Promise<Buffer> {
  const t = promotionText(lang);
  const title = nameIn(lang, k.titleEn, k.titleHi);
  const blocks: PdfBlock[] = [
    { kind: "title", text: title },
    ...nameIn(lang, k.introEn, k.introHi)
      .split(/\n{2,}/)
      .map((text) => ({ kind: "paragraph" as const, text })),
    ...(k.isDemo ? [{ kind: "small" as const, text: t("demoCatalogue") }] : []),
  ];
  for (const i of items) {
    const sector = sectorTaxonomy.find((s) => s.code === i.product.sectorCode);
    blocks.push({
      kind: "item",
      image: await printablePicture(store, i),
      title: `${i.label ? `${i.label} · ` : ""}${nameIn(lang, i.product.name, i.product.nameHi)}`,
      lines: [
        [itemPlace(i, lang), sector ? (lang === "hi" ? sector.nameHi : sector.nameEn) : ""]
          .filter(Boolean)
          .join(" · "),
        ...(i.noteEn || i.noteHi ? [nameIn(lang, i.noteEn ?? i.noteHi ?? "", i.noteHi)] : []),
        `${t("seeOffers")}: ${origin}/bazaar?product=${i.product.id}`,
      ],
    });
  }
  return renderPdf({ title, lang, blocks, footer: `${title} · ODOP Hub · ${origin}/catalogues/${k.slug}` });
}

/** The job: renders a catalogue's PDF in both languages and keeps them, stamped with the catalogue's version. */
export async function renderCataloguePdfs(
  db: Db,
  payload: unknown,
  deps: { store: FileStore; origin: string },
): Promise<void> {
  const id = Number((payload as { catalogueId?: unknown })?.catalogueId);
  const k = await catalogueById(db, id).catch(() => null);
  if (!k) return; // nothing to render: the job is done
  const items = await itemsOf(db, k.id);
  const { key, stamp } = catalogueDocument(k);
  for (const lang of ["en", "hi"] as const)
    await saveDocument(db, key, lang, stamp, await cataloguePdf(deps.store, k, items, lang, deps.origin));
}
