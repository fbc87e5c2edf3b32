import sharp from "sharp";
import type { Db } from "../../platform/db";
import type { FileStore } from "../../platform/file-store";
import { indiaDateTime } from "../../platform/india-time";
import { actorOf } from "../accounts";
import { productsByIds } from "../catalog";
import { demoDomain, producersOwnedBy, registerProducer, reviewProducer } from "../producers";
import {
  addInterest,
  addPhoto,
  createListing,
  respond,
  saveBuyer,
  sendRfq,
  stepListing,
  stepOrder,
} from "./commands";
import { myListings, rfqForBuyer } from "./queries";

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
  people: { producerUserId: number; buyerUserId: number; districtOfficerUserId: number },
  mail: { origin: string },
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
  const listingIds: number[] = [];
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
    listingIds.push(id);
  }
  await seedDemoRfqs(db, { ...people, producer, product: product ?? null }, mail);
}

/**
 * A second demo producer of the district, verified; then two demo RFQs of the demo buyer: one with two quotes
 * waiting for the buyer, one whose accepted quote became an order that has shipped.
 */
async function seedDemoRfqs(
  db: Db,
  p: {
    producerUserId: number;
    buyerUserId: number;
    districtOfficerUserId: number;
    producer: { id: number; districtLgdCode: number };
    product: { id: number; name: string } | null;
  },
  mail: { origin: string },
) {
  if (!p.product) return;
  const meta = { requestId: "seed-demo", ip: null };
  const producerActor = await actorOf(db, p.producerUserId, meta);
  const buyer = await actorOf(db, p.buyerUserId, meta);
  const second = await registerProducer(
    db,
    producerActor,
    {
      name: "Demo silk house, Varanasi (demo)",
      kind: "msme",
      districtLgdCode: p.producer.districtLgdCode,
      odopProductId: p.product.id,
      description: "A second generated demo profile, so that an RFQ has two quotes. Not a real enterprise.",
      phone: "+91 00000 00001",
      email: `producer@${demoDomain}`,
    },
    { isDemo: true },
  );
  await reviewProducer(db, await actorOf(db, p.districtOfficerUserId, meta), second, 1, {
    decision: "verified",
  });
  const day = (n: number) => indiaDateTime(new Date(Date.now() + n * 86_400_000)).date;
  const ask = (subject: string) =>
    sendRfq(
      db,
      buyer,
      {
        odopProductId: p.product?.id,
        subject,
        details: "Demo request: generated for trying the platform.",
        quantity: 300,
        unit: "piece",
        targetPriceInr: 2500,
        destinationCountry: "AE",
        incoterm: "FOB",
        neededBy: day(75),
        openDays: 14,
      },
      mail,
    );
  const quoteAll = async (rfqId: number) => {
    const { responses } = await rfqForBuyer(db, buyer as NonNullable<typeof buyer>, rfqId);
    for (const [i, r] of responses.entries())
      await respond(
        db,
        producerActor,
        r.id,
        {
          transition: "quote",
          quote: {
            priceInr: 2400 + i * 150,
            quantity: 300,
            leadTimeDays: 35 + i * 10,
            validUntil: day(20),
            incoterm: "FOB",
            notes: "Demo quote",
            version: r.version,
          },
        },
        mail,
      );
    return (await rfqForBuyer(db, buyer as NonNullable<typeof buyer>, rfqId)).responses;
  };
  await addInterest(db, buyer, { odopProductId: p.product.id });
  await quoteAll(await ask(`${p.product.name}: stoles for a Dubai store (demo)`));
  const [won] = await quoteAll(await ask(`${p.product.name}: sarees for a wedding season (demo)`));
  if (!won) return;
  const { orderId } = await respond(db, buyer, won.id, { transition: "accept", version: won.version }, mail);
  if (!orderId) return;
  const steps = [
    [producerActor, "sample"],
    [buyer, "confirm"],
    [producerActor, "produce"],
    [producerActor, "ship"],
  ] as const;
  for (const [i, [who, transition]] of steps.entries())
    await stepOrder(
      db,
      who,
      orderId,
      transition,
      { happenedOn: day(0), note: "Demo milestone", version: i + 1 },
      mail,
    );
}
