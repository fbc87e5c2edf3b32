import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase, type TestDatabase } from "../../../test/support/database";
import { testJobs } from "../../../test/support/jobs";
import { person, signedIn } from "../../../test/support/people";
import type { Visitor } from "../../../test/support/visitor";
import { createApp } from "../../app";
import { buildAllOpenData } from "../../open-data-sources";
import { DirectoryFileStore } from "../../platform/file-store";
import { createLogger } from "../../platform/logger";
import { actorOf } from "../accounts";
import { registerProducer, reviewProducer } from "../producers";
import { addPhoto, createListing, stepListing } from "../trade";
import { addItem, createCatalogue, stepCatalogue } from "./commands/catalogues";
import { seedDemoCatalogue } from "./demo";

const versionOn = (html: string) => /name="version" value="(\d+)"/.exec(html)?.[1] as string;
const havePdftotext = (() => {
  try {
    execFileSync("pdftotext", ["-v"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
})();

describe("gift catalogues: curated by the administrator, public with pictures, printable in the reader's language", () => {
  let t: TestDatabase;
  let app: ReturnType<typeof createApp>;
  let admin: Visitor;
  let adminId: number;
  const rows = async (q: ReturnType<typeof sql>) =>
    ((await t.db.execute(q)) as unknown as { rows: Record<string, unknown>[] }).rows;
  const productId = async (slug: string) =>
    Number(
      (
        await rows(
          sql`select p.id from products p join list_revisions r on r.id = p.revision_id where p.slug = ${slug} and r.is_live`,
        )
      )[0]?.id,
    );
  beforeAll(async () => {
    t = await freshDatabase({ seeded: true });
    app = createApp({ database: t, logger: createLogger("silent") });
    const a = await person(t.db, "national_admin");
    adminId = a.userId;
    admin = await signedIn(app, a.email);
  });
  afterAll(() => t.dispose());

  it("only the administrator curates; a district officer is refused", async () => {
    const officer = await signedIn(
      app,
      (await person(t.db, "district_officer", { stateLgdCode: 9, districtLgdCode: 187 })).email,
    );
    expect((await officer.get("/catalogues/manage")).status).toBe(403);
    expect((await officer.get("/catalogues/new")).status).toBe(403);
  });

  it("writes, fills, orders and publishes a catalogue; the public page links each product to the bazaar; the PDF is made by a job in both languages", async () => {
    const bad = await admin.post(
      "/catalogues/new",
      { slug: "G20 gifts!", titleEn: "G20 gifts", introEn: "" },
      { from: "/catalogues/new" },
    );
    expect(bad.status).toBe(400);
    const badHtml = await bad.text();
    expect(badHtml).toContain("Use small letters, digits and single hyphens");
    expect(badHtml).toContain('value="G20 gifts"');
    const made = await admin.post("/catalogues/new", {
      slug: "g20-gifts",
      titleEn: "Gifts for G20 delegates",
      titleHi: "जी20 प्रतिनिधियों के लिए उपहार",
      introEn: "Crafts of India's districts.",
      introHi: "भारत के ज़िलों के शिल्प।",
    });
    expect(made.status).toBe(303);
    const id = Number(/\/catalogues\/(\d+)\/edit/.exec(made.headers.get("Location") ?? "")?.[1]);
    // The address is the catalogue's alone.
    const twice = await admin.post(
      "/catalogues/new",
      { slug: "g20-gifts", titleEn: "Again", introEn: "x" },
      { from: "/catalogues/new" },
    );
    expect(twice.status).toBe(400);
    expect(await twice.text()).toContain("Another catalogue has this address");
    // Empty: not published.
    let page = await (await admin.get(`/catalogues/${id}/edit`)).text();
    const empty = await admin.post(`/catalogues/${id}/publish`, { version: versionOn(page) });
    expect(empty.status).toBe(409);
    expect(await empty.text()).toContain("Add at least one product before publishing.");
    // Found by words and added; the same product twice is refused.
    page = await (await admin.get(`/catalogues/${id}/edit?q=darjeeling%20tea`)).text();
    expect(page).toContain("Darjeeling Tea");
    const tea = await productId("darjeeling-tea-darjeeling");
    const silk = await productId("silk-products-varanasi");
    expect(
      (await admin.post(`/catalogues/${id}/items`, { productId: String(tea), version: versionOn(page) }))
        .status,
    ).toBe(303);
    page = await (await admin.get(`/catalogues/${id}/edit`)).text();
    expect(
      (await admin.post(`/catalogues/${id}/items`, { productId: String(silk), version: versionOn(page) }))
        .status,
    ).toBe(303);
    page = await (await admin.get(`/catalogues/${id}/edit`)).text();
    const again = await admin.post(`/catalogues/${id}/items`, {
      productId: String(tea),
      version: versionOn(page),
    });
    expect(again.status).toBe(409);
    expect(await again.text()).toContain("already in the catalogue");
    // A stale page changes nothing.
    const stale = await admin.post(`/catalogues/${id}/items/${silk}/up`, { version: "1" });
    expect(stale.status).toBe(409);
    page = await (await admin.get(`/catalogues/${id}/edit`)).text();
    expect(
      (await admin.post(`/catalogues/${id}/items/${silk}/up`, { version: versionOn(page) })).status,
    ).toBe(303);
    page = await (await admin.get(`/catalogues/${id}/edit`)).text();
    expect(
      (
        await admin.post(`/catalogues/${id}/items/${silk}`, {
          label: "S",
          noteEn: "Katan silk",
          noteHi: "कतान रेशम",
          version: versionOn(page),
        })
      ).status,
    ).toBe(303);
    expect(
      (
        await rows(sql`select product_id from catalogue_items where catalogue_id = ${id} order by position`)
      ).map((r) => Number(r.product_id)),
    ).toEqual([silk, tea]);
    page = await (await admin.get(`/catalogues/${id}/publish`)).text();
    expect((await admin.post(`/catalogues/${id}/publish`, { version: versionOn(page) })).status).toBe(303);

    const publicPage = await (await app.request("/catalogues/g20-gifts?lang=hi")).text();
    expect(publicPage).toContain("जी20 प्रतिनिधियों के लिए उपहार");
    expect(publicPage).toContain(`/bazaar?product=${silk}`);
    expect(publicPage).toContain("कतान रेशम");
    expect(publicPage).toMatch(/src="\/catalogues\/sector-art\/textiles_handloom\.svg"/);
    expect(
      (await app.request("/catalogues/sector-art/textiles_handloom.svg")).headers.get("Content-Type"),
    ).toBe("image/svg+xml");

    // The PDF: first a "being prepared" page, then, once the job has run, the file in the reader's language.
    expect((await app.request("/catalogues/g20-gifts/catalogue.pdf")).status).toBe(202);
    await testJobs(t.db).runDue(new Date());
    const pdf = await app.request("/catalogues/g20-gifts/catalogue.pdf?lang=hi");
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get("Content-Type")).toBe("application/pdf");
    if (havePdftotext) {
      const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "odop-catalogue-")), "c.pdf");
      fs.writeFileSync(file, Buffer.from(await pdf.arrayBuffer()));
      const text = execFileSync("pdftotext", [file, "-"], { encoding: "utf8" });
      expect(text).toContain("S · Silk Products");
      expect(text).toContain(`bazaar?product=${silk}`);
      expect(
        execFileSync("pdfimages", ["-list", file], { encoding: "utf8" }).split("\n").length,
      ).toBeGreaterThan(3);
    }

    // Withdrawn: gone from the public, kept for the administrator.
    page = await (await admin.get(`/catalogues/${id}/withdraw`)).text();
    expect((await admin.post(`/catalogues/${id}/withdraw`, { version: versionOn(page) })).status).toBe(303);
    expect((await app.request("/catalogues/g20-gifts")).status).toBe(404);
    const audit = await rows(
      sql`select action from audit_log where entity_type = 'catalogue' and entity_id = ${id} order by id`,
    );
    expect(audit.map((r) => r.action)).toEqual([
      "catalogue.create",
      "catalogue.add",
      "catalogue.add",
      "catalogue.move",
      "catalogue.item",
      "catalogue.publish",
      "catalogue.withdraw",
    ]);
  });

  it("shows a producer's photo from a published real listing of the product, on the page and in the PDF", async () => {
    const a = await actorOf(t.db, adminId, { requestId: null, ip: null });
    const owner = await person(t.db);
    const seller = await actorOf(t.db, owner.userId, { requestId: null, ip: null });
    const carpets = await productId("silk-products-varanasi");
    const district = Number(
      (await rows(sql`select district_lgd_code from products where id = ${carpets}`))[0]?.district_lgd_code,
    );
    const producer = await registerProducer(t.db, seller, {
      name: "Bhadohi Looms",
      kind: "weaver",
      districtLgdCode: district,
      odopProductId: carpets,
      phone: "+91 90000 33333",
      email: "looms@example.org",
    });
    const officer = await person(t.db, "district_officer", { stateLgdCode: 9, districtLgdCode: district });
    await reviewProducer(
      t.db,
      await actorOf(t.db, officer.userId, { requestId: null, ip: null }),
      producer,
      1,
      {
        decision: "verified",
      },
    );
    const listing = await createListing(t.db, seller, producer, {
      titleEn: "Hand-knotted carpet",
      odopProductId: carpets,
      unit: "piece",
      minOrder: 2,
      monthlyCapacity: 40,
      leadTimeDays: 60,
      priceMinInr: 20000,
      priceMaxInr: 90000,
      organic: false,
      bis: false,
      samplesAvailable: false,
    } as Parameters<typeof createListing>[3]);
    const store = new DirectoryFileStore(path.join(os.tmpdir(), `odop-files-${process.pid}`)); // the app's own
    const picture = await sharp({ create: { width: 1200, height: 900, channels: 3, background: "#7a2e2e" } })
      .jpeg()
      .toBuffer();
    const photo = await addPhoto(t.db, store, seller, listing, picture);
    await stepListing(t.db, seller, listing, { transition: "publish", version: 1 });
    const id = await createCatalogue(t.db, a, {
      slug: "carpets",
      titleEn: "Carpets",
      introEn: "Carpets of India.",
    });
    await addItem(t.db, a, id, { productId: carpets, version: 1 });
    await stepCatalogue(t.db, a, id, "publish", { version: 2 });
    const page = await (await app.request("/catalogues/carpets")).text();
    expect(page).toContain(`src="/bazaar/photos/${photo}/medium.webp"`);
    expect(page).toContain("Photo of Silk Products");
    await testJobs(t.db).runDue(new Date());
    const pdf = await app.request("/catalogues/carpets/catalogue.pdf");
    expect(pdf.status).toBe(200);
    if (havePdftotext) {
      const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "odop-catalogue-")), "c.pdf");
      fs.writeFileSync(file, Buffer.from(await pdf.arrayBuffer()));
      expect(execFileSync("pdfimages", ["-list", file], { encoding: "utf8" })).toMatch(/ jpeg /);
    }
  });

  it("the demo catalogue is marked demo on its page and kept out of the open data", async () => {
    await seedDemoCatalogue(
      t.db,
      (await actorOf(t.db, adminId, { requestId: null, ip: null }))?.userId as number,
    );
    const page = await (await app.request("/catalogues/a-to-z-of-india-demo")).text();
    expect(page).toContain("Demo catalogue");
    expect(page).toMatch(/<span class="label">A · <\/span>/);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "odop-open-"));
    await buildAllOpenData(t.db, dir);
    const csv = fs
      .readdirSync(dir, { recursive: true })
      .map(String)
      .find((f) => f.includes("gift-catalogues") && f.endsWith(".csv"));
    const content = csv ? fs.readFileSync(path.join(dir, csv), "utf8") : "";
    expect(content).not.toContain("a-to-z-of-india-demo");
  });
});
