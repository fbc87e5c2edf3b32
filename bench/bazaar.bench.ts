/**
 * The bazaar's budgets (issue 12), in one run:
 *  1. search latency of the bazaar (`bazaar()`: the site search narrowed to listings, then the 24 listings, their
 *     cover photos and names — all a page needs from the database) on 1,000,000 generated listings, on PGlite
 *     (BENCH_LISTINGS_DIR) and on PostgreSQL (BENCH_LISTINGS_URL); the plain site search on the same data is the
 *     baseline, measured in the same run;
 *  2. bytes transferred for /bazaar (gzip HTML + CSS + JS, and the cover photos it loads at once), 24 listings with
 *     photos made like a phone's (textured, 4:3);
 *  3. the time to process a 12-megapixel photo into its three sizes, against decoding it alone (the baseline).
 * Run: see bench/README.md ("The bazaar").
 */

import fs from "node:fs";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { serve } from "@hono/node-server";
import sharp from "sharp";
import { createApp } from "../src/app";
import { actorOf, createDemoUser } from "../src/modules/accounts";
import { importSeed, searchUncached as search } from "../src/modules/catalog";
import { registerProducer, reviewProducer } from "../src/modules/producers";
import { createListing, stepListing } from "../src/modules/trade";
import { addPhoto } from "../src/modules/trade/commands/photos";
import { photoWidths } from "../src/modules/trade/kinds";
import { bazaar } from "../src/modules/trade/queries";
import { defaultSeedDir } from "../src/platform/config";
import { openDatabase } from "../src/platform/db";
import { DirectoryFileStore } from "../src/platform/file-store";
import { createLogger } from "../src/platform/logger";
import { processPhoto } from "../src/platform/photo";
import { launchChromium } from "../test/e2e/browser";
import { percentile, repoRoot } from "./support";

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const ms = (n: number) => `${n.toFixed(1)} ms`;
const median = (xs: number[]) => percentile(xs, 50);

const queries = [
  "silk",
  "rice",
  "brass",
  "darjling tea",
  "mango",
  "handloom",
  "turmeric",
  "carpet",
  "cashew",
  "chikenkari",
  "pashmina",
  "toys",
  "leather",
  "honey",
  "coffee",
];

/** p50/p95 of the bazaar's search and of the plain site search, alternating, 5 timed rounds after a warm-up. */
async function searchLatencies(target: { dir?: string; url?: string }) {
  const database = await openDatabase(target.url ? { url: target.url } : { dir: target.dir as string });
  const bz: number[] = [];
  const plain: number[] = [];
  for (let round = 0; round < 6; round++)
    for (const q of queries) {
      let t0 = performance.now();
      await search(database.db, q, { kind: "listing" }, { limit: 24, offset: 0 });
      const tPlain = performance.now() - t0;
      t0 = performance.now();
      await bazaar(database.db, { q, page: 1 });
      const tBz = performance.now() - t0;
      if (round > 0) {
        plain.push(tPlain);
        bz.push(tBz);
      }
    }
  const browse: number[] = [];
  for (let i = 0; i < 30; i++) {
    const t0 = performance.now();
    await bazaar(database.db, { page: 1 + (i % 5), state: i % 2 ? 9 : undefined });
    if (i >= 5) browse.push(performance.now() - t0);
  }
  await database.close();
  return { bz, plain, browse };
}

/** Pseudo-random bytes from a seed (the bench makes the same photos every run). */
function noise(length: number, seed: number, low: number, span: number): Buffer {
  const out = Buffer.alloc(length);
  let x = seed * 2654435761;
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    out[i] = low + ((x >> 16) % span);
  }
  return out;
}

/**
 * A photo like a phone's of a textile: patches of colour at several scales (coarse noise enlarged) with fine grain
 * on top, so that its sizes compress as photos do — flat colour or pure noise would flatter or punish WebP.
 */
async function phoneLikePhoto(width: number, height: number, seed: number): Promise<Buffer> {
  const layer = (div: number, s: number) =>
    sharp(noise(Math.ceil(width / div) * Math.ceil(height / div) * 3, s, 30, 200), {
      raw: { width: Math.ceil(width / div), height: Math.ceil(height / div), channels: 3 },
    })
      .resize(width, height, { kernel: "cubic" })
      .png()
      .toBuffer();
  const [coarse, mid] = await Promise.all([layer(64, seed), layer(24, seed + 1)]);
  const grain = await sharp(noise(width * height * 3, seed + 2, 100, 56), {
    raw: { width, height, channels: 3 },
  })
    .png()
    .toBuffer();
  return sharp(coarse)
    .composite([
      { input: mid, blend: "overlay" },
      { input: grain, blend: "soft-light" },
    ])
    .jpeg({ quality: 88 })
    .toBuffer();
}

async function bazaarPageBytes() {
  const database = await openDatabase({ dir: null });
  await database.migrate();
  await importSeed(database.db, defaultSeedDir(repoRoot));
  const store = new DirectoryFileStore(fs.mkdtempSync(path.join(os.tmpdir(), "odop-bench-files-")));
  const meta = { requestId: null, ip: null };
  const owner = await createDemoUser(database.db, {
    email: "bench.owner@example.org",
    name: "Bench",
    password: "bench-password",
    role: "producer",
    place: { stateLgdCode: null, districtLgdCode: null },
  });
  const officer = await createDemoUser(database.db, {
    email: "bench.officer@example.org",
    name: "Officer",
    password: "bench-password",
    role: "district_officer",
    place: { stateLgdCode: 9, districtLgdCode: 187 },
  });
  const actor = (await actorOf(database.db, owner.userId, meta)) as NonNullable<
    Awaited<ReturnType<typeof actorOf>>
  >;
  const producerId = await registerProducer(database.db, actor, {
    name: "Bench weavers",
    kind: "shg",
    districtLgdCode: 187,
    otherProducts: "Silk",
    phone: "+91 90000 00000",
    email: "bench@example.org",
  });
  await reviewProducer(database.db, await actorOf(database.db, officer.userId, meta), producerId, 1, {
    decision: "verified",
  });
  for (let i = 0; i < 24; i++) {
    const id = await createListing(database.db, actor, producerId, {
      titleEn: `Katan silk stole, design ${i + 1}`,
      descriptionEn: "Handwoven on a pit loom, zari border",
      otherProduct: "Silk stole",
      unit: "piece",
      minOrder: 20,
      monthlyCapacity: 500,
      leadTimeDays: 21,
      priceMinInr: 1800,
      priceMaxInr: 2400,
      organic: false,
      bis: false,
      samplesAvailable: true,
    });
    await addPhoto(database.db, store, actor, id, await phoneLikePhoto(1600, 1200, i + 1));
    await stepListing(database.db, actor, id, { transition: "publish", version: 1 });
  }
  const app = createApp({ database, logger: createLogger("silent"), fileStore: store });
  const get = async (p: string) =>
    (await (await app.request(p, { headers: { "Accept-Encoding": "gzip" } })).arrayBuffer()).byteLength;
  const assets = (await get("/static/app.css")) + (await get("/static/app.js"));
  const htmlBytes = await get("/bazaar");
  const hi = (await get("/bazaar?lang=hi")) + assets;
  // What a phone's browser really fetches on opening the page: Chromium at 390 × 844 decides which lazy photos are
  // near enough to load; their bytes are what is transferred (WebP is not compressed again).
  const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" });
  await new Promise((r) => server.once("listening", r));
  const browser = await launchChromium();
  const page = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
  const images: number[] = [];
  page.on("response", async (res) => {
    if (res.url().includes("/bazaar/photos/")) images.push((await res.body()).length);
  });
  await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/bazaar`, {
    waitUntil: "networkidle",
  });
  await browser.close();
  await new Promise((r) => server.close(r));
  const photos = images.reduce((a, b) => a + b, 0);
  await database.close();
  return { htmlBytes, assets, photos, loaded: images.length, total: htmlBytes + assets + photos, hi };
}

async function photoTimes() {
  const twelve = await phoneLikePhoto(4000, 3000, 7);
  const decode: number[] = [];
  const full: number[] = [];
  for (let i = 0; i < 6; i++) {
    let t0 = performance.now();
    await sharp(twelve).raw().toBuffer();
    const d = performance.now() - t0;
    t0 = performance.now();
    await processPhoto(twelve, photoWidths);
    if (i > 0) {
      decode.push(d);
      full.push(performance.now() - t0);
    }
  }
  return { bytes: twelve.length, decode: median(decode), full: median(full) };
}

const photo = await photoTimes();
console.log(
  `12-megapixel photo (${kb(photo.bytes)} JPEG) into 3 WebP sizes: median ${ms(photo.full)}; decoding it alone ${ms(photo.decode)} (ratio ${(photo.full / photo.decode).toFixed(2)}×)   budget < 1000 ms`,
);

const page = await bazaarPageBytes();
console.log(
  `/bazaar at 390 px, 24 listings with photos: HTML ${kb(page.htmlBytes)} + CSS/JS ${kb(page.assets)} (gzip) + the ${page.loaded} cover photos Chromium loads on opening it ${kb(page.photos)} = ${kb(page.total)} (the other ${24 - page.loaded} when scrolled to; Hindi page + assets ${kb(page.hi)})   budget 100 KB`,
);

for (const [name, target] of [
  [
    "PGlite",
    process.env.BENCH_LISTINGS_DIR ? { dir: path.join(process.env.BENCH_LISTINGS_DIR, "pglite") } : null,
  ],
  ["PostgreSQL", process.env.BENCH_LISTINGS_URL ? { url: process.env.BENCH_LISTINGS_URL } : null],
] as const) {
  if (!target) {
    console.log(
      `${name}: set ${name === "PGlite" ? "BENCH_LISTINGS_DIR" : "BENCH_LISTINGS_URL"} (see bench/README.md)`,
    );
    continue;
  }
  const r = await searchLatencies(target);
  console.log(
    `${name}, 1,000,000 listings, ${r.bz.length} searches: bazaar p50 ${ms(median(r.bz))} p95 ${ms(percentile(r.bz, 95))}; site search alone p50 ${ms(median(r.plain))} p95 ${ms(percentile(r.plain, 95))} (ratio of p95 ${(percentile(r.bz, 95) / percentile(r.plain, 95)).toFixed(2)}×); browsing p50 ${ms(median(r.browse))} p95 ${ms(percentile(r.browse, 95))}   budget p95 15 ms`,
  );
}
