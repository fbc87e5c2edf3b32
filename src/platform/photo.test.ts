import zlib from "node:zlib";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { maxPhotoPixels, processPhoto } from "./photo";

const widths = { thumb: 320, large: 1600 };

/** A PNG whose header claims `width`×`height` pixels over a few bytes of data: what a decompression bomb looks like. */
function claimedPng(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", zlib.deflateSync(Buffer.alloc(1024))),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

describe("processPhoto", () => {
  it("keeps no EXIF or GPS, turns the photo upright and makes each size as WebP", async () => {
    // 1200×800 as stored, with orientation 6 (shot with the phone turned): upright it is 800×1200.
    const input = await sharp({ create: { width: 1200, height: 800, channels: 3, background: "#a33" } })
      .jpeg()
      .withMetadata({ orientation: 6 })
      .withExifMerge({
        IFD0: { Make: "TestCam" },
        IFD3: {
          GPSLatitudeRef: "N",
          GPSLatitude: "25/1 19/1 0/1",
          GPSLongitudeRef: "E",
          GPSLongitude: "83/1 0/1 0/1",
        },
      })
      .toBuffer();
    // The input carries a GPS IFD (its pointer, tag 0x8825, in either byte order).
    const exif = (await sharp(input).metadata()).exif as Buffer;
    expect(exif.includes(Buffer.from([0x88, 0x25])) || exif.includes(Buffer.from([0x25, 0x88]))).toBe(true);
    expect(input.includes(Buffer.from("TestCam"))).toBe(true);

    const out = await processPhoto(input, widths);
    for (const size of Object.values(out)) {
      expect(size.bytes.subarray(8, 12).toString("latin1")).toBe("WEBP");
      const meta = await sharp(size.bytes).metadata();
      expect(meta.exif).toBeUndefined();
      expect(meta.xmp).toBeUndefined();
      expect(size.bytes.includes(Buffer.from("Exif"))).toBe(false);
      expect(size.bytes.includes(Buffer.from("TestCam"))).toBe(false);
      expect(size.bytes.includes(Buffer.from("GPS"))).toBe(false);
      expect([meta.width, meta.height]).toEqual([size.width, size.height]);
    }
    expect([out.thumb.width, out.thumb.height]).toEqual([320, 480]);
    // Never enlarged: 800 wide upright stays 800 wide.
    expect([out.large.width, out.large.height]).toEqual([800, 1200]);
  });

  it("refuses a decompression bomb from its header, before decoding it", async () => {
    const bomb = claimedPng(30_000, 30_000);
    expect(bomb.length).toBeLessThan(2_000);
    await expect(processPhoto(bomb, widths)).rejects.toMatchObject({ reason: "tooManyPixels" });
    const justOver = claimedPng(10_000, Math.floor(maxPhotoPixels / 10_000) + 1);
    await expect(processPhoto(justOver, widths)).rejects.toMatchObject({ reason: "tooManyPixels" });
  });

  it("refuses what is not a JPEG, PNG or WebP photo, whatever it is called", async () => {
    await expect(processPhoto(Buffer.from("%PDF-1.7\n%âãÏÓ\n1 0 obj"), widths)).rejects.toMatchObject({
      reason: "notPhoto",
    });
    const gif = await sharp({ create: { width: 10, height: 10, channels: 3, background: "#000" } })
      .gif()
      .toBuffer();
    await expect(processPhoto(gif, widths)).rejects.toMatchObject({ reason: "notPhoto" });
    const truncated = (
      await sharp({ create: { width: 400, height: 400, channels: 3, background: "#0a0" } })
        .jpeg()
        .toBuffer()
    ).subarray(0, 300);
    await expect(processPhoto(truncated, widths)).rejects.toMatchObject({ reason: "notPhoto" });
  });

  it("refuses a file over 10 MB before reading it", async () => {
    await expect(processPhoto(Buffer.alloc(10 * 1024 * 1024 + 1), widths)).rejects.toMatchObject({
      reason: "tooLarge",
    });
  });
});
