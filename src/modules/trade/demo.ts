import sharp from "sharp";
import type { Db } from "../../platform/db";
import type { FileStore } from "../../platform/file-store";
import { actorOf } from "../accounts";
import { productsByIds } from "../catalog";
import { producersOwnedBy } from "../producers";
import { addPhoto, createListing, saveBuyer, stepListing } from "./commands";
import { myListings } from "./queries";

/**
 * A generated picture for a demo listing: bands of colour and the words "demo photo", never a real product's photo
 * (a JPEG, so that it goes through the same upload path as a producer's).
 */
async function demoPicture(hue: number, label: string): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="900">
    <rect width="1200" height="900" fill="hsl(${hue},45%,35%)"/>
    ${[0, 1, 2, 3, 4, 5].map((i) => `<rect y="${i * 150}" width="1200" height="70" fill="hsl(${(hue + i * 25) % 360},55%,${45 + i * 4}%)"/>`).join("")}
    <circle cx="600" cy="450" r="220" fill="none" stroke="hsl(${hue},70%,85%)" stroke-width="24"/>
    <text x="600" y="470" font-family="sans-serif" font-size="64" text-anchor="middle" fill="#fff">${label}</text>
  </svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 85 }).toBuffer();
}

/**
 * The demo buyer's profile, and three published demo listings of the demo producer, each with generated photos.
 * Everything is marked demo (shown with a badge, never in open data). Running it again changes nothing.
 */
export async function seedDemoTrade(
  db: Db,
  store: FileStore,
  people: { producerUserId: number; buyerUserId: number },
): Promise<void> {
  const meta = { requestId: "seed-demo", ip: null };
  await saveBuyer(
    db,
    await actorOf(db, people.buyerUserId, meta),
    { organisation: "Demo importer (demo)", country: "AE", interests: "Handloom silk, brassware" },
    null,
    { isDemo: true },
  ).catch(() => undefined); // saved on an earlier run: keep it as it is
  const producerActor = await actorOf(db, people.producerUserId, meta);
  if (!producerActor || (await myListings(db, producerActor)).rows.length > 0) return;
  const [producer] = (await producersOwnedBy(db, people.producerUserId)).filter(
    (p) => p.status === "verified",
  );
  if (!producer) return;
  const [product] = producer.odopProductId ? await productsByIds(db, [producer.odopProductId]) : [];
  const name = product?.name ?? "Handloom";
  const offers = [
    {
      n: 1,
      unit: "piece" as const,
      minOrder: 10,
      capacity: 400,
      days: 30,
      low: 4500,
      high: 18000,
      usd: 120,
      hue: 340,
    },
    {
      n: 2,
      unit: "metre" as const,
      minOrder: 50,
      capacity: 2000,
      days: 21,
      low: 900,
      high: 2400,
      usd: 22,
      hue: 30,
    },
    {
      n: 3,
      unit: "piece" as const,
      minOrder: 25,
      capacity: 800,
      days: 14,
      low: 1200,
      high: 3500,
      usd: 35,
      hue: 200,
    },
  ];
  for (const o of offers) {
    const id = await createListing(db, producerActor, producer.id, {
      titleEn: `${name} (demo listing ${o.n})`,
      titleHi: `${name} (डेमो लिस्टिंग ${o.n})`,
      descriptionEn: "A generated demo listing for trying the bazaar. Not a real offer.",
      descriptionHi: "बाज़ार आज़माने के लिए बनाई गई डेमो लिस्टिंग। असली प्रस्ताव नहीं।",
      odopProductId: product?.id,
      otherProduct: product ? undefined : name,
      unit: o.unit,
      minOrder: o.minOrder,
      monthlyCapacity: o.capacity,
      leadTimeDays: o.days,
      priceMinInr: o.low,
      priceMaxInr: o.high,
      fobUsd: o.usd,
      organic: false,
      bis: false,
      samplesAvailable: o.n !== 2,
      packaging: "Demo: each piece wrapped in muslin, boxed in tens",
    });
    for (const k of [0, 1])
      await addPhoto(
        db,
        store,
        producerActor,
        id,
        await demoPicture(o.hue + k * 40, `Demo photo ${o.n}.${k + 1}`),
      );
    await stepListing(db, producerActor, id, { transition: "publish", version: 1 });
  }
}
