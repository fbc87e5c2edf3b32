import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inLucknow, inVaranasi } from "../../../test/support/actors";
import { freshDatabase, type TestDatabase } from "../../../test/support/database";
import { person, signedIn } from "../../../test/support/people";
import type { Visitor } from "../../../test/support/visitor";
import { createApp } from "../../app";
import { DirectoryFileStore } from "../../platform/file-store";
import { createLogger } from "../../platform/logger";
import { actorOf } from "../accounts";
import { registerProducer, reviewProducer } from "../producers";

type Row = Record<string, unknown>;
const rows = async (db: TestDatabase["db"], q: ReturnType<typeof sql>) =>
  ((await db.execute(q)) as unknown as { rows: Row[] }).rows;
const meta = { requestId: null, ip: null };

/** A photo as a phone takes it: a JPEG with the camera's make and the place it was taken (GPS) in its EXIF. */
const phonePhoto = (hue = 20) =>
  sharp({ create: { width: 1600, height: 1200, channels: 3, background: `hsl(${hue}, 60%, 40%)` } })
    .jpeg()
    .withExifMerge({
      IFD0: { Make: "PhoneCam" },
      IFD3: {
        GPSLatitudeRef: "N",
        GPSLatitude: "25/1 19/1 0/1",
        GPSLongitudeRef: "E",
        GPSLongitude: "83/1 0/1 0/1",
      },
    })
    .toBuffer();

const listingForm = (overrides: Record<string, string> = {}) => ({
  titleEn: "Handwoven silk stole",
  titleHi: "हाथ से बुना रेशमी स्टोल",
  descriptionEn: "Katan silk, zari border, 2 m by 70 cm",
  odopProductId: "",
  otherProduct: "",
  hsCode: "5007",
  unit: "piece",
  minOrder: "20",
  monthlyCapacity: "600",
  leadTimeDays: "21",
  priceMinInr: "1,800",
  priceMaxInr: "2400.50",
  fobUsd: "32",
  giAuthorisedUser: "GI-AU-0001",
  organic: "",
  bis: "",
  packaging: "Tissue paper, boxed in tens",
  samplesAvailable: "on",
  ...overrides,
});

describe("the bazaar's listings over HTTP", () => {
  let t: TestDatabase;
  let app: ReturnType<typeof createApp>;
  const files = fs.mkdtempSync(path.join(os.tmpdir(), "odop-listing-files-"));
  beforeAll(async () => {
    t = await freshDatabase({ seeded: true });
    app = createApp({
      database: t,
      logger: createLogger("silent"),
      fileStore: new DirectoryFileStore(files),
    });
  });
  afterAll(async () => {
    await t.dispose();
    fs.rmSync(files, { recursive: true, force: true });
  });

  /** A producer of Varanasi, verified (or not) by its district's officer, with its owner signed in. */
  const producer = async (opts: { verified?: boolean; place?: typeof inVaranasi } = {}) => {
    const place = opts.place ?? inVaranasi;
    const owner = await person(t.db);
    const id = await registerProducer(t.db, await actorOf(t.db, owner.userId, meta), {
      name: `Weavers ${owner.userId}`,
      kind: "shg",
      districtLgdCode: place.districtLgdCode,
      otherProducts: "Silk",
      phone: "+91 98390 00000",
      email: `w${owner.userId}@example.org`,
    });
    if (opts.verified ?? true) {
      const officer = await person(t.db, "district_officer", place);
      await reviewProducer(t.db, await actorOf(t.db, officer.userId, meta), id, 1, { decision: "verified" });
    }
    return { id, owner, browser: await signedIn(app, owner.email) };
  };
  /** The ODOP product Silk Products of Varanasi, as the form offers it. */
  const silkOn = (html: string) =>
    /<option value="(\d+)"[^>]*>Silk Products<\/option>/.exec(html)?.[1] as string;
  const versionOn = (html: string) => /name="version" value="(\d+)"/.exec(html)?.[1] as string;
  /** Writes a listing through the form; returns its id. */
  const write = async (b: Visitor, overrides: Record<string, string> = {}) => {
    const form = await (await b.get("/listings/new")).text();
    const res = await b.post("/listings/new", {
      producerId: /name="producerId" value="(\d+)"/.exec(form)?.[1] ?? "",
      ...listingForm({ odopProductId: silkOn(form), ...overrides }),
    });
    expect(res.status, await res.clone().text()).toBe(303);
    return Number(/\/listings\/(\d+)\/edit/.exec(res.headers.get("Location") ?? "")?.[1]);
  };
  const step = async (b: Visitor, id: number, transition: string) => {
    const page = await (await b.get(`/listings/${id}/edit`)).text();
    return b.post(`/listings/${id}/${transition}`, { version: versionOn(page) });
  };
  const count = async () => Number((await rows(t.db, sql`select count(*)::int as n from listings`))[0]?.n);

  it("a verified producer lists with a photo; buyers find it once published, its photo without EXIF or GPS", async () => {
    const { browser } = await producer();
    const word = `kadhua${Date.now().toString(36)}`;
    const id = await write(browser, { titleEn: `Handwoven ${word} stole` });
    expect(await (await browser.get(`/listings/${id}/edit?done=created`)).text()).toContain(
      "The listing is saved as a draft",
    );
    const up = await browser.upload(
      `/listings/${id}/photos`,
      {},
      { name: "IMG_0001.jpg", bytes: await phonePhoto() },
      { from: `/listings/${id}/edit` },
    );
    expect(up.status).toBe(303);
    const [photo] = await rows(t.db, sql`select id, variants from listing_photos where listing_id = ${id}`);
    const photoId = Number(photo?.id);
    // A draft's photo is its owner's only.
    expect((await app.request(`/bazaar/photos/${photoId}/thumb.webp`)).status).toBe(404);
    expect((await browser.get(`/listings/${id}/photos/${photoId}/thumb.webp`)).status).toBe(200);
    expect((await app.request(`/bazaar/listings/${id}`)).status).toBe(404);
    expect(await (await app.request(`/bazaar?q=${word}`)).text()).toContain(
      "No listing matches these filters yet.",
    );

    expect((await step(browser, id, "publish")).status).toBe(303);
    const bazaar = await (await app.request(`/bazaar?q=${word}`)).text();
    expect(bazaar).toContain(`Handwoven ${word} stole`);
    expect(bazaar).toContain("₹1,800–2,400.5 per piece");
    expect(bazaar).toMatch(
      new RegExp(`<img src="/bazaar/photos/${photoId}/thumb.webp" width="320" height="240"`),
    );
    const search = await (await app.request(`/search?q=${word}`)).text();
    expect(search).toContain(`href="/bazaar/listings/${id}"`);
    const hindi = await (await app.request(`/bazaar/listings/${id}?lang=hi`)).text();
    expect(hindi).toContain("हाथ से बुना रेशमी स्टोल");
    expect(hindi).toContain("जीआई अधिकृत उपयोगकर्ता सं. GI-AU-0001");

    for (const size of ["thumb", "medium", "large"]) {
      const res = await app.request(`/bazaar/photos/${photoId}/${size}.webp`);
      expect(res.status).toBe(200);
      expect(res.headers.get("Cache-Control")).toBe("public, max-age=31536000, immutable");
      expect(res.headers.get("Content-Type")).toBe("image/webp");
      const bytes = Buffer.from(await res.arrayBuffer());
      const m = await sharp(bytes).metadata();
      expect(m.format).toBe("webp");
      expect(m.exif).toBeUndefined();
      expect(bytes.includes(Buffer.from("PhoneCam"))).toBe(false);
      expect(bytes.includes(Buffer.from("Exif"))).toBe(false);
    }

    expect((await step(browser, id, "withdraw")).status).toBe(303);
    expect((await app.request(`/bazaar/listings/${id}`)).status).toBe(404);
    expect((await app.request(`/bazaar/photos/${photoId}/thumb.webp`)).status).toBe(404);
    expect(await (await app.request(`/search?q=${word}`)).text()).not.toContain(`/bazaar/listings/${id}"`);
    const audit = await rows(
      t.db,
      sql`select action from audit_log where entity_type = 'listing' and entity_id = ${id} order by id`,
    );
    expect(audit.map((a) => a.action)).toEqual([
      "listing.create",
      "listing.photo_add",
      "listing.publish",
      "listing.withdraw",
    ]);
  });

  it("names each wrong field in the reader's language, keeps what was typed, and writes nothing", async () => {
    const { browser } = await producer();
    const form = await (await browser.get("/listings/new?lang=hi")).text();
    const before = await count();
    const res = await browser.post("/listings/new?lang=hi", {
      producerId: /name="producerId" value="(\d+)"/.exec(form)?.[1] ?? "",
      ...listingForm({
        titleEn: "",
        titleHi: "",
        descriptionEn: "kept as typed",
        minOrder: "-4",
        priceMinInr: "900",
        priceMaxInr: "500",
        hsCode: "50",
        leadTimeDays: "x",
      }),
    });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain("अंग्रेज़ी या हिंदी में शीर्षक दें");
    expect(html).toContain("0 से बड़ी संख्या लिखें");
    expect(html).toContain("अधिकतम मूल्य कम से कम न्यूनतम मूल्य जितना हो");
    expect(html).toContain("एचएस शीर्ष चार अंकों का होता है");
    expect(html).toContain("kept as typed");
    expect(html).toContain('value="-4"');
    expect(await count()).toBe(before);

    const unknownHs = await browser.post("/listings/new", {
      producerId: /name="producerId" value="(\d+)"/.exec(form)?.[1] ?? "",
      ...listingForm({ otherProduct: "Silk stole", hsCode: "0000" }),
    });
    expect(unknownHs.status).toBe(400);
    expect(await unknownHs.text()).toContain("No HS heading 0000 in the HS 2022 list");
    const notOurs = await browser.post("/listings/new", {
      producerId: /name="producerId" value="(\d+)"/.exec(form)?.[1] ?? "",
      ...listingForm({ odopProductId: "1" }),
    });
    expect(notOurs.status).toBe(400);
    expect(await notOurs.text()).toContain("Choose one of your district&#39;s ODOP products from the list");
    expect(await count()).toBe(before);
  });

  it("an unverified producer cannot list, and nobody lists for someone else's producer", async () => {
    const pending = await producer({ verified: false });
    const mine = await (await pending.browser.get("/listings/new")).headers.get("Location");
    expect(mine).toBe("/listings/mine");
    expect(await (await pending.browser.get("/listings/mine")).text()).toContain("is not verified yet");
    const before = await count();
    const direct = await pending.browser.post(
      "/listings/new",
      { producerId: String(pending.id), ...listingForm({ otherProduct: "Silk" }) },
      { from: "/listings/mine" },
    );
    expect(direct.status).toBe(403);
    const other = await producer();
    const hijack = await other.browser.post(
      "/listings/new",
      { producerId: String(pending.id), ...listingForm({ otherProduct: "Silk" }) },
      { from: "/listings/mine" },
    );
    expect(hijack.status).toBe(403);
    expect(await count()).toBe(before);
  });

  it("only its owner edits a listing; a stale edit is a 409 and changes nothing", async () => {
    const { browser } = await producer();
    const id = await write(browser, { otherProduct: "Silk stole", odopProductId: "" });
    const stranger = await signedIn(app, (await person(t.db)).email);
    expect((await stranger.get(`/listings/${id}/edit`)).status).toBe(404);
    const page = await (await browser.get(`/listings/${id}/edit`)).text();
    const v = versionOn(page);
    expect(
      (
        await stranger.post(
          `/listings/${id}/edit`,
          { version: v, ...listingForm({ otherProduct: "x" }) },
          { from: "/buyers/me" },
        )
      ).status,
    ).toBe(404);
    expect(
      (
        await browser.post(`/listings/${id}/edit`, {
          version: v,
          ...listingForm({ otherProduct: "Silk", titleEn: "First edit" }),
        })
      ).status,
    ).toBe(303);
    const stale = await browser.post(
      `/listings/${id}/edit`,
      { version: v, ...listingForm({ otherProduct: "Silk", titleEn: "Lost edit" }) },
      { from: `/listings/${id}/edit` },
    );
    expect(stale.status).toBe(409);
    const staleHtml = await stale.text();
    expect(staleHtml).toContain("Someone changed this meanwhile");
    expect(staleHtml).toContain("Lost edit"); // what was typed is still there to save again
    const [row] = await rows(t.db, sql`select title_en, version from listings where id = ${id}`);
    expect(row).toEqual({ title_en: "First edit", version: 2 });
  });

  it("an officer of its district hides a listing with a reason, told to the producer in Hindi; another district's cannot", async () => {
    const { browser, owner } = await producer();
    await t.db.execute(sql`update users set lang = 'hi' where id = ${owner.userId}`);
    const id = await write(browser);
    await step(browser, id, "publish");
    const lucknow = await signedIn(app, (await person(t.db, "district_officer", inLucknow)).email);
    expect((await lucknow.get(`/listings/${id}/hide`)).status).toBe(404);
    expect(await (await lucknow.get("/officer/listings")).text()).not.toContain(`/listings/${id}/hide`);
    const officer = await signedIn(app, (await person(t.db, "district_officer", inVaranasi)).email);
    expect(await (await officer.get("/officer/listings")).text()).toContain(`/listings/${id}/hide`);
    const page = await (await officer.get(`/listings/${id}/hide`)).text();
    const noReason = await officer.post(`/listings/${id}/hide`, { version: versionOn(page), reason: "" });
    expect(noReason.status).toBe(400);
    expect(await noReason.text()).toContain("Give the reason");
    const hide = await officer.post(
      `/listings/${id}/hide`,
      { version: versionOn(page), reason: "The photos show another district's product" },
      { from: `/listings/${id}/hide` },
    );
    expect(hide.status).toBe(303);
    expect((await app.request(`/bazaar/listings/${id}`)).status).toBe(404);
    const [mail] = await rows(
      t.db,
      sql`select subject, body from outbox where to_address = ${owner.email} order by id desc limit 1`,
    );
    expect(mail?.subject).toContain("छिपाई गई");
    expect(mail?.body).toContain("The photos show another district's product");
    expect(await (await browser.get(`/listings/${id}/edit`)).text()).toContain(
      "The photos show another district&#39;s product",
    );
    // The producer cannot publish it again itself; an officer restores it.
    expect((await step(browser, id, "publish")).status).toBe(409);
    const list = await (await officer.get("/officer/listings?state=hidden")).text();
    const restore = await officer.post(`/listings/${id}/restore`, { version: versionOn(list) });
    expect(restore.status).toBe(303);
    expect((await app.request(`/bazaar/listings/${id}`)).status).toBe(200);
  });

  it("refuses a decompression bomb, a renamed PDF and a ninth photo, storing nothing of them", async () => {
    const { browser } = await producer();
    const id = await write(browser);
    const from = `/listings/${id}/edit`;
    const bomb = await sharp({ create: { width: 12_000, height: 5_000, channels: 3, background: "#000" } })
      .png({ compressionLevel: 9 })
      .toBuffer();
    const refused = await browser.upload(
      `/listings/${id}/photos`,
      {},
      { name: "bomb.png", bytes: bomb },
      { from },
    );
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain("more than 50 megapixels");
    const pdf = await browser.upload(
      `/listings/${id}/photos`,
      {},
      { name: "photo.jpg", bytes: "%PDF-1.7\n1 0 obj" },
      { from },
    );
    expect(pdf.status).toBe(400);
    expect(await pdf.text()).toContain("choose a photo saved as JPEG, PNG or WebP");
    const small = await sharp({ create: { width: 400, height: 300, channels: 3, background: "#246" } })
      .jpeg()
      .toBuffer();
    for (let i = 0; i < 8; i++)
      expect(
        (await browser.upload(`/listings/${id}/photos`, {}, { name: `p${i}.jpg`, bytes: small }, { from }))
          .status,
      ).toBe(303);
    const ninth = await browser.upload(
      `/listings/${id}/photos`,
      {},
      { name: "p9.jpg", bytes: small },
      { from },
    );
    expect(ninth.status).toBe(409);
    expect(await ninth.text()).toContain("This listing has 8 photos already.");
    const photos = await rows(
      t.db,
      sql`select count(*)::int as n from listing_photos where listing_id = ${id}`,
    );
    expect(photos[0]?.n).toBe(8);
  });

  it("removes a photo after asking, and shows another first", async () => {
    const { browser } = await producer();
    const id = await write(browser);
    const from = `/listings/${id}/edit`;
    for (const hue of [10, 200])
      await browser.upload(
        `/listings/${id}/photos`,
        {},
        { name: "p.jpg", bytes: await phonePhoto(hue) },
        { from },
      );
    const [first, second] = await rows(
      t.db,
      sql`select id, variants from listing_photos where listing_id = ${id} order by position`,
    );
    const keysOf = (p: Row | undefined) =>
      Object.values(p?.variants as Record<string, { key: string }>).map((v) => v.key);
    for (const key of keysOf(first)) expect(fs.existsSync(path.join(files, key))).toBe(true);
    await browser.get(from);
    expect((await browser.post(`/listings/${id}/photos/${second?.id}/first`, {})).status).toBe(303);
    const order = await rows(
      t.db,
      sql`select id from listing_photos where listing_id = ${id} order by position`,
    );
    expect(order.map((r) => r.id)).toEqual([second?.id, first?.id]);
    const ask = await (await browser.get(`/listings/${id}/photos/${first?.id}/remove`)).text();
    expect(ask).toContain("Remove this photo?");
    expect((await browser.post(`/listings/${id}/photos/${first?.id}/remove`, {})).status).toBe(303);
    expect(
      (await rows(t.db, sql`select id from listing_photos where listing_id = ${id}`)).map((r) => r.id),
    ).toEqual([second?.id]);
    // Its files are gone from the store; the other photo's stay.
    for (const key of keysOf(first)) expect(fs.existsSync(path.join(files, key))).toBe(false);
    for (const key of keysOf(second)) expect(fs.existsSync(path.join(files, key))).toBe(true);
  });

  it("filters the bazaar by district, ODOP product and certification, and pages it", async () => {
    const varanasi = await producer();
    const lucknow = await producer({ place: inLucknow });
    const tag = `zari${Date.now().toString(36)}`;
    const a = await write(varanasi.browser, { titleEn: `${tag} one`, organic: "on" });
    const b = await write(lucknow.browser, {
      titleEn: `${tag} two`,
      odopProductId: "",
      otherProduct: "Chikankari",
    });
    await step(varanasi.browser, a, "publish");
    await step(lucknow.browser, b, "publish");
    const page = async (q: string) => (await app.request(`/bazaar?q=${tag}&${q}`)).text();
    expect(await page("")).toContain("2 listings");
    const inV = await page(`state=${inVaranasi.stateLgdCode}&district=${inVaranasi.districtLgdCode}`);
    expect(inV).toContain(`${tag} one`);
    expect(inV).not.toContain(`${tag} two`);
    const organic = await page("cert=organic");
    expect(organic).toContain(`${tag} one`);
    expect(organic).not.toContain(`${tag} two`);
    const [silk] = await rows(t.db, sql`select odop_product_id from listings where id = ${a}`);
    const ofProduct = await (await app.request(`/bazaar?product=${silk?.odop_product_id}`)).text();
    expect(ofProduct).toContain(`${tag} one`);
    expect(ofProduct).not.toContain(`${tag} two`);
    expect((await app.request("/bazaar?cert=fake")).status).toBe(400);
    expect((await app.request("/bazaar?page=2")).status).toBe(200);
  });
});
