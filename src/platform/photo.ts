import sharp from "sharp";
import { UploadRefused, uploadLimits } from "./upload-check";

/** The largest photo taken, in pixels: a 48-megapixel phone camera's full size passes, a decompression bomb does not. */
export const maxPhotoPixels = 50_000_000;
const takenFormats = new Set(["jpeg", "png", "webp"]);

export type ProcessedPhoto = { bytes: Buffer; width: number; height: number };

/**
 * Turns an uploaded photo into the sizes pages use: each `widths[name]` pixels wide at most (never enlarged), turned
 * upright by its EXIF orientation, in sRGB, as WebP, with all metadata (EXIF, GPS, XMP, ICC) left behind. The content
 * is checked, not the name: only JPEG, PNG and WebP are taken, and an image whose header claims more than
 * `maxPhotoPixels` is refused before any pixel is decoded. Runs on libvips' own threads, not the event loop.
 */
export async function processPhoto<K extends string>(
  bytes: Buffer,
  widths: Record<K, number>,
): Promise<Record<K, ProcessedPhoto>> {
  if (bytes.length > uploadLimits.maxBytes)
    throw new UploadRefused("tooLarge", `larger than ${uploadLimits.maxBytes / 1024 / 1024} MB`);
  const open = () => sharp(bytes, { limitInputPixels: maxPhotoPixels, failOn: "error" });
  // The header only: read without the pixel limit, so that a bomb is named as one, not as an unreadable file.
  const meta = await sharp(bytes, { limitInputPixels: false })
    .metadata()
    .catch(() => {
      throw new UploadRefused("notPhoto", "not an image");
    });
  if (!meta.format || !takenFormats.has(meta.format))
    throw new UploadRefused("notPhoto", `a ${meta.format ?? "unknown"} image, not JPEG, PNG or WebP`);
  if ((meta.width ?? 0) * (meta.height ?? 0) > maxPhotoPixels || (meta.pages ?? 1) > 1_000)
    throw new UploadRefused("tooManyPixels", `${meta.width}×${meta.height} pixels`);
  const names = Object.keys(widths) as K[];
  try {
    const outputs = await Promise.all(
      names.map((name) =>
        open()
          .rotate()
          .resize({ width: widths[name], withoutEnlargement: true })
          .webp({ quality: 78, effort: 3 })
          .toBuffer({ resolveWithObject: true }),
      ),
    );
    return Object.fromEntries(
      outputs.map((o, i) => [names[i], { bytes: o.data, width: o.info.width, height: o.info.height }]),
    ) as Record<K, ProcessedPhoto>;
  } catch (err) {
    if (err instanceof Error && /pixel limit/i.test(err.message))
      throw new UploadRefused("tooManyPixels", err.message);
    throw new UploadRefused("notPhoto", err instanceof Error ? err.message : "unreadable image");
  }
}
