/// <reference lib="dom" />
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import type { Browser, Page } from "playwright-core";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Actor, actorOf } from "../../src/modules/accounts";
import { registerProducer, reviewProducer } from "../../src/modules/producers";
import { saveBuyer } from "../../src/modules/trade";
import { addPhoto, createListing, respond, sendRfq, stepListing } from "../../src/modules/trade/commands";
import { DirectoryFileStore } from "../../src/platform/file-store";
import { indiaDateTime } from "../../src/platform/india-time";
import { inLucknow, inVaranasi } from "../support/actors";
import type { TestDatabase } from "../support/database";
import { person } from "../support/people";
import { auditPage } from "./axe";
import { haveBrowser, signedInPage, startPortal } from "./browser";

const withLang = (p: string, lang: "en" | "hi") =>
  lang === "hi" ? `${p}${p.includes("?") ? "&" : "?"}lang=hi` : p;
const meta = { requestId: null, ip: null };

describe.runIf(haveBrowser)("the bazaar and trade in a real browser", () => {
  let portal: Awaited<ReturnType<typeof startPortal>>;
  let t: TestDatabase;
  let base: string;
  let browser: Browser;
  const emails = { producerA: "", producerB: "", buyer: "", officer: "" };
  const ids = {
    producerA: 0,
    producerB: 0,
    listing: 0,
    rfq: 0,
    responseA: 0,
    responseB: 0,
    order: 0,
  };
  /** What the accessibility checks visit, made in beforeAll by the commands, so that they need no other test. */
  const seen = {
    producer: "",
    buyer: "",
    officer: "",
    producerId: 0,
    listing: 0,
    photo: 0,
    rfq: 0,
    response: 0,
    order: 0,
  };
  let photoFile: string;
  const rows = async (q: ReturnType<typeof sql>) =>
    ((await t.db.execute(q)) as unknown as { rows: Record<string, unknown>[] }).rows;
  const signIn = (email: string) => signedInPage(browser, base, email);
  // The next page's load, not the current one's (waitForLoadState would resolve at once on the page already loaded).
  const submit = (page: Page, form: string) =>
    Promise.all([page.waitForEvent("load"), page.click(`${form} button[type=submit]`)]);

  /** A producer of Varanasi's Silk Products, verified by the district's officer. */
  const verifiedProducer = async (
    name: string,
    officer: Actor,
    odopProductId?: number,
    place: typeof inVaranasi = inVaranasi,
  ) => {
    const owner = await person(t.db);
    const id = await registerProducer(t.db, (await actorOf(t.db, owner.userId, meta)) as Actor, {
      name,
      kind: "weaver",
      districtLgdCode: place.districtLgdCode,
      odopProductId,
      otherProducts: odopProductId ? undefined : "Silk",
      phone: "+91 90000 11111",
      email: `${owner.userId}@example.org`,
    });
    await reviewProducer(t.db, officer, id, 1, { decision: "verified" });
    return { id, email: owner.email };
  };

  beforeAll(async () => {
    portal = await startPortal();
    ({ base, browser, database: t } = portal);
    const o = await person(t.db, "district_officer", inVaranasi);
    emails.officer = o.email;
    const officer = (await actorOf(t.db, o.userId, meta)) as Actor;
    const a = await verifiedProducer("Lohta Silk Collective", officer);
    // The second makes the ODOP product by its profile, with no listing: an RFQ for the product reaches it too.
    const [silk] = await rows(
      sql`select p.id from products p join list_revisions r on r.id = p.revision_id where p.slug = 'silk-products-varanasi' and r.is_live`,
    );
    const b = await verifiedProducer("Sarnath Handloom House", officer, Number(silk?.id));
    Object.assign(ids, { producerA: a.id, producerB: b.id });
    Object.assign(emails, { producerA: a.email, producerB: b.email, buyer: (await person(t.db)).email });
    // The accessibility fixture: a listing with a photo, an enquiry about it, a quote accepted into an order.
    // In Lucknow, with its own officer: the Varanasi pipeline the flow checks stays the flow's alone.
    const lk = await person(t.db, "district_officer", inLucknow);
    seen.officer = lk.email;
    const c = await verifiedProducer(
      "Chowk Chikan House",
      (await actorOf(t.db, lk.userId, meta)) as Actor,
      undefined,
      inLucknow,
    );
    const sellerId = (await rows(sql`select owner_user_id from producers where id = ${c.id}`))[0]
      ?.owner_user_id;
    const seller = (await actorOf(t.db, sellerId as number, meta)) as Actor;
    const store = new DirectoryFileStore(path.join(os.tmpdir(), `odop-files-${process.pid}`)); // the portal's own
    seen.listing = await createListing(t.db, seller, c.id, {
      titleEn: "Chikankari dupatta",
      otherProduct: "Chikankari",
      unit: "piece",
      minOrder: 10,
      monthlyCapacity: 300,
      leadTimeDays: 20,
      priceMinInr: 900,
      priceMaxInr: 1200,
      organic: false,
      bis: false,
      samplesAvailable: true,
    });
    const picture = await sharp({ create: { width: 800, height: 600, channels: 3, background: "#335" } })
      .jpeg()
      .toBuffer();
    seen.photo = await addPhoto(t.db, store, seller, seen.listing, picture);
    await stepListing(t.db, seller, seen.listing, { transition: "publish", version: 1 });
    const d = await person(t.db);
    await saveBuyer(
      t.db,
      await actorOf(t.db, d.userId, meta),
      { organisation: "Nordic Textiles AB", country: "SE", interests: "Silk" },
      null,
    );
    const buyerActor = (await actorOf(t.db, d.userId, meta)) as Actor;
    const mail = { origin: "http://localhost" };
    const inDays = (n: number) => indiaDateTime(new Date(Date.now() + n * 86_400_000)).date;
    seen.rfq = await sendRfq(
      t.db,
      buyerActor,
      {
        listingId: seen.listing,
        subject: "Dupattas for Stockholm",
        quantity: 200,
        unit: "piece",
        destinationCountry: "SE",
        incoterm: "CIF",
        neededBy: inDays(40),
        openDays: 10,
      },
      mail,
    );
    seen.response = Number((await rows(sql`select id from rfq_responses where rfq_id = ${seen.rfq}`))[0]?.id);
    const quote = {
      priceInr: 1000,
      quantity: 200,
      leadTimeDays: 25,
      validUntil: inDays(10),
      incoterm: "CIF" as const,
      version: 1,
    };
    await respond(t.db, seller, seen.response, { transition: "quote", quote }, mail);
    const accepted = await respond(
      t.db,
      buyerActor,
      seen.response,
      { transition: "accept", version: 2 },
      mail,
    );
    seen.order = accepted.orderId as number;
    seen.producer = (await rows(sql`select email from users where id = ${seller.userId}`))[0]
      ?.email as string;
    seen.buyer = d.email;
    seen.producerId = c.id;

    photoFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "odop-photo-")), "stole.jpg");
    await sharp({ create: { width: 2400, height: 1800, channels: 3, background: "#8a1c3c" } })
      .jpeg()
      .withExifMerge({ IFD3: { GPSLatitudeRef: "N", GPSLatitude: "25/1 19/1 0/1" } })
      .toFile(photoFile);
  }, 60_000);
  afterAll(() => portal?.close());

  it("a producer lists with a photo; a buyer finds it by search and sends an RFQ; two producers quote; the buyer accepts one; the order is delivered and rated; the officer's pipeline shows it", async () => {
    // The producer writes a listing, adds a photo and publishes it.
    const producer = await signIn(emails.producerA);
    await producer.goto(`${base}/listings/new`);
    await producer.selectOption("#f-odopProductId", { label: "Silk Products" });
    await producer.fill("#f-titleEn", "Katan silk stole with zari border");
    await producer.fill("#f-titleHi", "ज़री बॉर्डर वाला कतान रेशमी स्टोल");
    await producer.fill("#f-hsCode", "5007");
    await producer.fill("#f-minOrder", "20");
    await producer.fill("#f-monthlyCapacity", "600");
    await producer.fill("#f-leadTimeDays", "21");
    await producer.fill("#f-priceMinInr", "1800");
    await producer.fill("#f-priceMaxInr", "2400");
    await producer.check("#f-samplesAvailable");
    await submit(producer, "form.form");
    expect(producer.url()).toMatch(/\/listings\/\d+\/edit\?done=created/);
    ids.listing = Number(/\/listings\/(\d+)/.exec(producer.url())?.[1]);
    await producer.setInputFiles("#f-file", photoFile);
    await submit(producer, `form[action*="/photos"]`);
    await producer.waitForSelector("text=The photo is added.");
    await submit(producer, `form[action$="/publish"]`);
    await producer.waitForSelector("text=The listing is published.");
    // Its photo was kept in three sizes.
    expect(
      await rows(sql`select count(*)::int as n from listing_photos where listing_id = ${ids.listing}`),
    ).toEqual([{ n: 1 }]);

    // The buyer, with a profile, finds it by search and asks every producer of the product.
    const buyer = await signIn(emails.buyer);
    await buyer.goto(`${base}/buyers/me`);
    await buyer.fill("#f-organisation", "Gulf Looms LLC");
    await buyer.selectOption("#f-country", "AE");
    await buyer.fill("#f-interests", "Silk stoles");
    await submit(buyer, "form.form");
    await buyer.goto(`${base}/bazaar`);
    await buyer.fill('input[name="q"]', "katan stole");
    await Promise.all([buyer.waitForEvent("load"), buyer.click(".filters button[type=submit]")]);
    await Promise.all([
      buyer.waitForURL(/\/bazaar\/listings\/\d+/),
      buyer.click("text=Katan silk stole with zari border"),
    ]);
    // The photo arrives and decodes: the check waits for it rather than racing it.
    await buyer.waitForFunction(() => {
      const i = document.querySelector(".listing-photo img") as HTMLImageElement | null;
      return !!i && i.complete && i.naturalWidth > 0;
    });
    expect(await buyer.getAttribute(".listing-photo img", "width")).toBe("800");
    await Promise.all([buyer.waitForEvent("load"), buyer.click("text=Ask every producer of Silk Products")]);
    await buyer.fill("#f-subject", "Katan silk stoles for a Dubai store");
    await buyer.fill("#f-quantity", "400");
    await buyer.selectOption("#f-destinationCountry", "AE");
    await buyer.fill("#f-neededBy", indiaDateTime(new Date(Date.now() + 60 * 86_400_000)).date);
    await submit(buyer, "form.form");
    await buyer.waitForSelector("text=Your request is sent.");
    ids.rfq = Number(/\/rfqs\/(\d+)/.exec(buyer.url())?.[1]);
    const responses = await rows(
      sql`select id, producer_id from rfq_responses where rfq_id = ${ids.rfq} order by id`,
    );
    expect(responses.map((r) => r.producer_id).sort()).toEqual([ids.producerA, ids.producerB].sort());
    ids.responseA = Number(responses.find((r) => r.producer_id === ids.producerA)?.id);
    ids.responseB = Number(responses.find((r) => r.producer_id === ids.producerB)?.id);

    // Both producers quote from their inbox.
    for (const [email, responseId, price] of [
      [emails.producerA, ids.responseA, "1750"],
      [emails.producerB, ids.responseB, "1900"],
    ] as const) {
      const p = email === emails.producerA ? producer : await signIn(email);
      await p.goto(`${base}/rfqs/inbox`);
      await Promise.all([p.waitForEvent("load"), p.click(`a[href="/rfqs/responses/${responseId}"]`)]);
      await p.fill("#f-priceInr", price);
      await p.fill("#f-leadTimeDays", "30");
      await submit(p, `form[action$="/quote"]`);
      await p.waitForSelector("text=waiting for the buyer");
    }

    // The buyer compares and accepts the first producer's quote.
    await buyer.goto(`${base}/rfqs/${ids.rfq}`);
    expect(await buyer.textContent("main")).toContain("₹1,750");
    await buyer.goto(`${base}/rfqs/responses/${ids.responseA}`);
    await Promise.all([buyer.waitForEvent("load"), buyer.click("text=Accept this quote")]);
    await submit(buyer, "form.form");
    expect(buyer.url()).toMatch(/\/orders\/\d+$/);
    ids.order = Number(/\/orders\/(\d+)/.exec(buyer.url())?.[1]);

    // Milestones to delivery, each by its side; then both rate.
    const milestone = async (p: Page, label: string) => {
      await p.goto(`${base}/orders/${ids.order}`);
      await p.selectOption("#f-transition", { label });
      await submit(p, `form[action$="/step"]`);
    };
    await milestone(producer, "Sample sent");
    await milestone(buyer, "Confirm the order");
    await milestone(producer, "Produced");
    await milestone(producer, "Shipped");
    await milestone(buyer, "Delivered");
    await buyer.goto(`${base}/orders/${ids.order}`);
    await buyer.selectOption("#f-stars", "5");
    await submit(buyer, `form[action$="/rate"]`);
    await producer.goto(`${base}/orders/${ids.order}`);
    await submit(producer, `form[action$="/rate"]`);
    expect(await rows(sql`select state from orders where id = ${ids.order}`)).toEqual([
      { state: "delivered" },
    ]);
    expect(
      (await rows(sql`select count(*)::int as n from order_ratings where order_id = ${ids.order}`))[0]?.n,
    ).toBe(2);
    // The buyer's stars show on the producer's listing, for the next buyer (in Hindi: a page not seen, so not cached).
    await buyer.goto(`${base}/bazaar/listings/${ids.listing}?lang=hi`);
    expect(await buyer.textContent("main")).toContain("क्रेताओं की रेटिंग: 5 में से 5 (1 पहुँचा ऑर्डर)");
    await buyer.goto(`${base}/producers/${ids.producerA}?lang=hi`);
    expect(await buyer.textContent("main")).toContain("क्रेताओं की रेटिंग: 5 में से 5 (1 पहुँचा ऑर्डर)");

    const officer = await signIn(emails.officer);
    await officer.goto(`${base}/officer/trade`);
    const row = await officer.textContent("table tbody tr");
    expect(row).toContain("Varanasi");
    expect(row?.replace(/\s+/g, " ")).toMatch(/Varanasi\s*1\s*2\s*1\s*1\s*7,00,000/);
    await Promise.all([producer.context().close(), buyer.context().close(), officer.context().close()]);
  }, 180_000);

  it.each(["en", "hi"] as const)(
    "keeps the trade pages accessible at phone and desktop width (%s)",
    async (lang) => {
      const found: Record<string, string[]> = {};
      const pages: [string, string[]][] = [
        [
          seen.producer,
          [
            "/listings/mine",
            "/listings/new",
            `/listings/${seen.listing}/edit`,
            `/listings/${seen.listing}/photos/${seen.photo}/remove`,
            "/rfqs/inbox",
            `/rfqs/responses/${seen.response}`,
            `/producers/${seen.producerId}/gem`,
            `/orders/${seen.order}`,
          ],
        ],
        [
          seen.buyer,
          [
            "/buyers/me",
            "/buyers/interests",
            `/rfqs/new?listing=${seen.listing}`,
            "/rfqs",
            `/rfqs/${seen.rfq}`,
            `/rfqs/responses/${seen.response}`,
            "/orders",
            `/orders/${seen.order}`,
          ],
        ],
        [
          seen.officer,
          ["/officer/listings", `/listings/${seen.listing}/hide`, "/officer/rfqs", "/officer/trade"],
        ],
      ];
      for (const [email, paths] of pages) {
        const page = await signIn(email);
        for (const p of paths) found[p] = await auditPage(page, base + withLang(p, lang));
        await page.context().close();
      }
      const anonymous = await (await browser.newContext()).newPage();
      for (const p of [
        "/bazaar",
        "/bazaar?q=silk",
        `/bazaar/listings/${seen.listing}`,
        "/search?q=chikankari",
      ])
        found[p] = await auditPage(anonymous, base + withLang(p, lang));
      await anonymous.context().close();
      expect(Object.entries(found).filter(([, v]) => v.length > 0)).toEqual([]);
    },
    180_000,
  );
});
