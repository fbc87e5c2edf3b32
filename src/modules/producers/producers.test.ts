import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inLucknow, inPatna, inVaranasi, UP } from "../../../test/support/actors";
import { freshDatabase, type TestDatabase } from "../../../test/support/database";
import { person, signedIn } from "../../../test/support/people";
import { Visitor } from "../../../test/support/visitor";
import { createApp } from "../../app";
import { createLogger } from "../../platform/logger";
import { actorOf } from "../accounts";
import { registerProducer, reviewProducer } from "./commands";
import { seedDemo } from "./demo";

type Row = Record<string, unknown>;
const rows = async (db: TestDatabase["db"], q: ReturnType<typeof sql>) =>
  ((await db.execute(q)) as unknown as { rows: Row[] }).rows;

const form = {
  name: "Kashi Silk Weavers Group",
  kind: "shg",
  districtLgdCode: String(inVaranasi.districtLgdCode),
  otherProducts: "Silk stoles",
  description: "Twelve weavers of Lohta",
  phone: "+91 98390 00000",
  email: "kashi.silk@example.org",
  gstin: "27AAPFU0939F1ZV",
};

describe("producers over HTTP", () => {
  /** A producer of Patna that its district has verified: made here, so that a test needs no other test's rows. */
  const verifiedProducer = async () => {
    const owner = await person(t.db);
    const ownerActor = await actorOf(t.db, owner.userId, { requestId: null, ip: null });
    const id = await registerProducer(t.db, ownerActor, {
      name: "Patna Sikki Grass Collective",
      kind: "artisan",
      districtLgdCode: inPatna.districtLgdCode,
      otherProducts: "Sikki grass baskets",
      phone: "+91 94310 00001",
      email: "sikki@example.org",
    });
    const officer = await person(t.db, "district_officer", inPatna);
    const officerActor = await actorOf(t.db, officer.userId, { requestId: null, ip: null });
    await reviewProducer(t.db, officerActor, id, 1, { decision: "verified" });
    return id;
  };
  let t: TestDatabase;
  let app: ReturnType<typeof createApp>;
  beforeAll(async () => {
    t = await freshDatabase({ seeded: true });
    app = createApp({ database: t, logger: createLogger("silent") });
  });
  afterAll(() => t.dispose());

  /** Its own owner, signed in, and a Varanasi producer it registered through the form, waiting for review. */
  const pendingProducer = async (name: string) => {
    const owner = await person(t.db);
    const browser = await signedIn(app, owner.email);
    const page = await browser.get(`/producers/new?district=${inVaranasi.districtLgdCode}`);
    const silk = /<option value="(\d+)"[^>]*>Silk Products<\/option>/.exec(await page.text())?.[1] as string;
    const res = await browser.post("/producers/new", { ...form, name, odopProductId: silk });
    expect(res.status).toBe(303);
    const [row] = await rows(t.db, sql`select id from producers where owner_user_id = ${owner.userId}`);
    return { id: Number(row?.id), owner, browser };
  };
  /** The version a form carries: read from the page, as a browser sends it back, never assumed. */
  const versionOn = (html: string) => /name="version" value="(\d+)"/.exec(html)?.[1] as string;
  const versionOf = async (id: number) =>
    String((await rows(t.db, sql`select version from producers where id = ${id}`))[0]?.version);

  it("names each wrong field, keeps what was typed, and writes nothing", async () => {
    const owner = await person(t.db);
    const ownerBrowser = await signedIn(app, owner.email);
    const from = `/producers/new?district=${inVaranasi.districtLgdCode}`;
    const res = await ownerBrowser.post(
      "/producers/new",
      {
        ...form,
        gstin: "27AAPFU0939F1ZW",
        pan: "12345",
        udyam: "UDYAM-UP-1",
        phone: "12",
        otherProducts: "",
      },
      { from },
    );
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain("This GSTIN&#39;s check character is wrong");
    expect(html).toContain("A PAN looks like ABCPE1234F");
    expect(html).toContain("A Udyam number looks like UDYAM-UP-76-0012345");
    expect(html).toContain("Enter a phone number of 10 to 13 digits");
    expect(html).toContain("Choose the ODOP product or describe other products");
    expect(html).toContain('value="Kashi Silk Weavers Group"');
    expect(html).toContain('value="27AAPFU0939F1ZW"');
    const theirs = sql`select id from producers where owner_user_id = ${owner.userId}`;
    expect(await rows(t.db, theirs)).toHaveLength(0);
    // Another district's product (Lucknow's, offered with Varanasi) is refused by name, and nothing is written.
    const lucknow = await (
      await ownerBrowser.get(`/producers/new?district=${inLucknow.districtLgdCode}`)
    ).text();
    const chikan = /<option value="(\d+)"[^>]*>Lucknow Chikan/.exec(lucknow)?.[1] as string;
    const wrong = await ownerBrowser.post("/producers/new", { ...form, odopProductId: chikan }, { from });
    expect(wrong.status).toBe(400);
    expect(await wrong.text()).toContain("Choose one of this district&#39;s ODOP products from the list");
    expect(await rows(t.db, theirs)).toHaveLength(0);
  });

  it("registers a producer that waits for its district, out of the directory", async () => {
    const owner = await person(t.db);
    const ownerBrowser = await signedIn(app, owner.email);
    const products = await ownerBrowser.get(`/producers/new?district=${inVaranasi.districtLgdCode}`);
    const silk = /<option value="(\d+)"[^>]*>Silk Products<\/option>/.exec(await products.text())?.[1];
    expect(silk).toBeTruthy();
    const name = "Lohta Pending Weavers";
    const res = await ownerBrowser.post("/producers/new", { ...form, name, odopProductId: silk as string });
    expect(res.status).toBe(303);
    const [row] = await rows(
      t.db,
      sql`select id, status, state_lgd_code, gstin from producers where owner_user_id = ${owner.userId}`,
    );
    expect(row).toMatchObject({ status: "pending", state_lgd_code: UP, gstin: "27AAPFU0939F1ZV" });
    const mine = await (await ownerBrowser.get("/producers/mine")).text();
    expect(mine).toContain("Waiting for the district officer");
    expect(await (await app.request("/producers")).text()).not.toContain(name);
    expect((await app.request(`/producers/${row?.id}`)).status).toBe(404);
  });

  it("refuses officers of another district or State (403) and changes nothing", async () => {
    const { id: producerId } = await pendingProducer("Refused Elsewhere Weavers");
    const version = await versionOf(producerId);
    const lucknow = await signedIn(app, (await person(t.db, "district_officer", inLucknow)).email);
    const bihar = await signedIn(
      app,
      (await person(t.db, "state_officer", { stateLgdCode: inPatna.stateLgdCode, districtLgdCode: null }))
        .email,
    );
    const audit = (await rows(t.db, sql`select count(*)::int as n from audit_log`))[0]?.n;
    for (const officer of [lucknow, bihar]) {
      expect((await officer.get(`/officer/producers/${producerId}`)).status).toBe(403);
      await officer.get("/account"); // a page with a form, for the token
      const res = await officer.post(`/officer/producers/${producerId}`, { decision: "verified", version });
      expect(res.status).toBe(403);
      expect(await (await officer.get("/officer/producers")).text()).not.toContain(
        "Refused Elsewhere Weavers",
      );
    }
    expect((await rows(t.db, sql`select status from producers where id = ${producerId}`))[0]?.status).toBe(
      "pending",
    );
    expect((await rows(t.db, sql`select count(*)::int as n from audit_log`))[0]?.n).toBe(audit);
  });

  it("lets the district officer reject with a reason the producer sees, then verify into the directory", async () => {
    const name = "Lohta Reviewed Weavers";
    const { id: producerId, owner, browser: ownerBrowser } = await pendingProducer(name);
    const officer = await signedIn(app, (await person(t.db, "district_officer", inVaranasi)).email);
    const queue = await (await officer.get("/officer/producers")).text();
    expect(queue).toContain(name);
    const version = versionOn(await (await officer.get(`/officer/producers/${producerId}`)).text());
    const noReason = await officer.post(`/officer/producers/${producerId}`, {
      decision: "rejected",
      version,
    });
    expect(noReason.status).toBe(400);
    expect(await noReason.text()).toContain("Give the reason for rejecting");
    const rejected = await officer.post(`/officer/producers/${producerId}`, {
      decision: "rejected",
      reason: "Udyam certificate <b>missing</b>",
      version: versionOn(officer.lastHtml),
    });
    expect(rejected.status).toBe(303);
    const mine = await (await ownerBrowser.get("/producers/mine")).text();
    expect(mine).toContain("Not verified");
    const told = await rows(
      t.db,
      sql`select subject, body from outbox where to_address = ${owner.email} order by id desc limit 1`,
    );
    expect(told[0]?.subject).toBe(`ODOP Hub: ${name} was not verified`);
    expect(told[0]?.body).toContain("Reason: Udyam certificate <b>missing</b>"); // plain text mail: no markup runs
    expect(mine).toContain("Udyam certificate &lt;b&gt;missing&lt;/b&gt;");

    const again = await officer.get(`/officer/producers/${producerId}`);
    const verified = await officer.post(`/officer/producers/${producerId}`, {
      decision: "verified",
      version: versionOn(await again.text()),
    });
    expect(verified.status).toBe(303);
    const directory = await (await app.request(`/producers?state=${UP}`)).text();
    expect(directory).toContain(name);
    const audit = await rows(
      t.db,
      sql`select action, role, district_lgd_code from audit_log where entity_type = 'producer' and entity_id = ${String(producerId)} order by id`,
    );
    expect(audit.map((r) => r.action)).toEqual(["producer.register", "producer.reject", "producer.verify"]);
    expect(audit[2]).toMatchObject({
      role: "district_officer",
      district_lgd_code: inVaranasi.districtLgdCode,
    });
  });

  it("lets the officer return a profile for more information; the producer adds it and it waits again", async () => {
    const { id, owner, browser } = await pendingProducer("Lohta Returned Weavers");
    const officer = await signedIn(app, (await person(t.db, "district_officer", inVaranasi)).email);
    const review = await (await officer.get(`/officer/producers/${id}`)).text();
    expect(review).toContain(`Submitted by`);
    expect(review).toContain(`${owner.email}&gt; · address confirmed · account since`); // who sent it
    expect(review).toContain("Reason (required to reject or return)");
    expect(review).not.toContain("(optional)");
    const returned = await officer.post(`/officer/producers/${id}`, {
      decision: "returned",
      reason: "Add the Udyam number of the group",
      version: versionOn(review),
    });
    expect(returned.status).toBe(303);
    const mine = await (await browser.get("/producers/mine")).text();
    expect(mine).toContain("More information asked for");
    expect(mine).toContain("Add the Udyam number of the group");
    expect(mine).toMatch(/>\s*Edit <span class="sr-only">Lohta Returned Weavers<\/span>/);
    const told = await rows(
      t.db,
      sql`select subject from outbox where to_address = ${owner.email} order by id desc limit 1`,
    );
    expect(told[0]?.subject).toBe("ODOP Hub: Lohta Returned Weavers — more information needed");
    const logged = await rows(
      t.db,
      sql`select action from audit_log where entity_type = 'producer' and entity_id = ${String(id)} order by id`,
    );
    expect(logged.map((r) => r.action)).toEqual(["producer.register", "producer.return"]);
    const edit = await (await browser.get(`/producers/${id}/edit`)).text();
    const silk =
      /<option value="(\d+)" selected="">Silk Products/.exec(edit)?.[1] ??
      (/<option value="(\d+)"[^>]*>Silk Products/.exec(edit)?.[1] as string);
    const sent = await browser.post(`/producers/${id}/edit`, {
      ...form,
      name: "Lohta Returned Weavers",
      odopProductId: silk,
      udyam: "UDYAM-UP-76-0012345",
      version: versionOn(edit),
    });
    expect(sent.status).toBe(303);
    expect((await rows(t.db, sql`select status from producers where id = ${id}`))[0]?.status).toBe("pending");
  });

  it("never shows phone or email on its page: contacts are exchanged when a buyer accepts a quote", async () => {
    const producerId = await verifiedProducer();
    const contact = { phone: "+91 94310 00001", email: "sikki@example.org" };
    const buyer = await signedIn(app, (await person(t.db, "buyer")).email);
    for (const html of [
      await (await app.request(`/producers/${producerId}`)).text(),
      await (await buyer.get(`/producers/${producerId}`)).text(),
    ]) {
      expect(html).not.toContain(contact.phone);
      expect(html).not.toContain(contact.email);
      expect(html).toContain(`href="/bazaar?producer=${producerId}"`);
    }
    // The old reveal is gone: no route shows the contact on request.
    expect((await buyer.post(`/producers/${producerId}/contact`, {}, { from: "/buyers/me" })).status).toBe(
      404,
    );
  });

  it("asks for a confirmed email address before registering a producer", async () => {
    const unconfirmed = await person(t.db, "buyer", undefined, { verified: false });
    const v = await signedIn(app, unconfirmed.email);
    const ask = await v.get("/producers/new");
    expect(ask.status).toBe(303);
    expect(ask.headers.get("Location")).toBe("/account?done=verifyFirst");
    expect(await (await v.get("/account?done=verifyFirst")).text()).toContain(
      "Confirm your email address first",
    );
    const before = await rows(t.db, sql`select count(*)::int as n from producers`);
    const post = await v.post("/producers/new", form, { from: "/account" });
    expect(post.status).toBe(303);
    expect(await rows(t.db, sql`select count(*)::int as n from producers`)).toEqual(before);
  });

  it("turns a stale edit into a conflict that keeps both versions, not a silent overwrite", async () => {
    const { id: producerId, browser: ownerBrowser } = await pendingProducer(form.name);
    const tab1 = await ownerBrowser.get(`/producers/${producerId}/edit`);
    const version = /name="version" value="(\d+)"/.exec(await tab1.text())?.[1] as string;
    const token = ownerBrowser.csrf();
    const first = await ownerBrowser.post(`/producers/${producerId}/edit`, {
      ...form,
      otherProducts: "Silk stoles and dupattas",
      version,
    });
    expect(first.status).toBe(303);
    const stale = await ownerBrowser.post(
      `/producers/${producerId}/edit`,
      { ...form, description: "Written in a second tab", version },
      { csrf: token },
    );
    expect(stale.status).toBe(409);
    const html = await stale.text();
    expect(html).toContain("Someone changed this profile after you opened it");
    expect(html).toContain("Silk stoles and dupattas"); // the current profile
    expect(html).toContain("Written in a second tab"); // and what this person typed
    const [row] = await rows(t.db, sql`select description, status from producers where id = ${producerId}`);
    expect(row).toMatchObject({ description: form.description, status: "pending" }); // an edit goes back for review
  });

  it("does not let anyone but the owner edit, officers included", async () => {
    const { id: producerId } = await pendingProducer(form.name);
    const officer = await signedIn(app, (await person(t.db, "district_officer", inVaranasi)).email);
    expect((await officer.get(`/producers/${producerId}/edit`)).status).toBe(403);
    await officer.get("/account");
    const res = await officer.post(`/producers/${producerId}/edit`, {
      ...form,
      name: "Taken over",
      version: await versionOf(producerId),
    });
    expect(res.status).toBe(403);
    expect((await rows(t.db, sql`select name from producers where id = ${producerId}`))[0]?.name).toBe(
      form.name,
    );
  });

  it("escapes a script payload in every text field, on the form shown again and on every page that shows it", async () => {
    const xss = `<img src=x onerror=alert(1)>"'`;
    const escaped = "&lt;img src=x onerror=alert(1)&gt;&quot;&#39;";
    const p = await person(t.db);
    const v = await signedIn(app, p.email);
    const from = `/producers/new?district=${inVaranasi.districtLgdCode}`;
    const textFields = [
      "name",
      "otherProducts",
      "description",
      "phone",
      "email",
      "udyam",
      "gstin",
      "iec",
      "pan",
    ];
    const invalid = await v.post(
      "/producers/new",
      { ...form, ...Object.fromEntries(textFields.map((f) => [f, `${f} ${xss}`])) },
      { from },
    );
    expect(invalid.status).toBe(400);
    const again = await invalid.text();
    expect(again).not.toContain("<img src=x");
    for (const f of textFields) expect(again).toContain(`${f} ${escaped}`);

    const ok = await v.post(
      "/producers/new",
      { ...form, name: `name ${xss}`, otherProducts: `other ${xss}`, description: `about ${xss}` },
      { from },
    );
    expect(ok.status).toBe(303);
    const [row] = await rows(t.db, sql`select id from producers where owner_user_id = ${p.userId}`);
    const officer = await signedIn(app, (await person(t.db, "district_officer", inVaranasi)).email);
    const pages = [
      await (await v.get("/producers/mine")).text(),
      await (await v.get(`/producers/${row?.id}/edit`)).text(),
      await (await officer.get("/officer/producers")).text(),
      await (await officer.get(`/officer/producers/${row?.id}`)).text(),
    ];
    await officer.post(`/officer/producers/${row?.id}`, {
      decision: "verified",
      version: versionOn(pages[3] as string),
    });
    pages.push(await (await app.request("/producers?q=name")).text());
    pages.push(await (await app.request(`/producers/${row?.id}`)).text());
    for (const html of pages) {
      expect(html).not.toContain("<img src=x");
      expect(html).toContain(escaped);
    }
    const b = await signedIn(app, (await person(t.db)).email);
    const buyer = await b.post(
      "/buyers/me",
      { organisation: `org ${xss}`, country: "IN", interests: `wants ${xss}` },
      { from: "/buyers/me" },
    );
    expect(buyer.status).toBe(303);
    const buyerPage = await (await b.get("/buyers/me")).text();
    expect(buyerPage).not.toContain("<img src=x");
    expect(buyerPage).toContain(`org ${escaped}`);
    expect(buyerPage).toContain(`wants ${escaped}`);
  });

  it("offers buyers the countries by name in their language, and accepts only real ones", async () => {
    const b = await signedIn(app, (await person(t.db)).email);
    const form = await (await b.get("/buyers/me?lang=hi")).text();
    expect(form).toMatch(/<option value="">देश चुनें<\/option><option value="IN">भारत<\/option>/);
    expect(form).toContain('<option value="AE">संयुक्त अरब अमीरात</option>');
    expect(form).not.toContain('value="EU"');
    for (const country of ["XX", "ZZ", "India"]) {
      const res = await b.post(
        "/buyers/me",
        { organisation: "A", country, interests: "B" },
        { from: "/buyers/me" },
      );
      expect(res.status).toBe(400);
      expect(await res.text()).toContain("Choose the country from the list");
    }
  });

  it("lists producers by district and by ODOP product, reached from the product's page", async () => {
    const { id: producerId, browser: ownerBrowser } = await pendingProducer(form.name);
    // A product nobody has registered for invites the first producer to register, in its district.
    const none = await (await app.request("/products/darjeeling-tea-darjeeling")).text();
    expect(none).toContain("No verified producer of Darjeeling Tea has registered yet.");
    expect(none).toMatch(/href="\/producers\/new\?district=\d+">Register as a producer/);
    const [silk] = await rows(
      t.db,
      sql`select p.id from products p join list_revisions r on r.id = p.revision_id where p.slug = 'silk-products-varanasi' and r.is_live`,
    );
    const productId = String(silk?.id);
    const directoryOfProduct = `/producers?product=${productId}`;
    const [current] = await rows(t.db, sql`select version from producers where id = ${producerId}`);
    await ownerBrowser.get(`/producers/${producerId}/edit`);
    const edited = await ownerBrowser.post(`/producers/${producerId}/edit`, {
      ...form,
      odopProductId: productId,
      version: String(current?.version),
    });
    expect(edited.status).toBe(303);
    const officer = await signedIn(app, (await person(t.db, "district_officer", inVaranasi)).email);
    await officer.get(`/officer/producers/${producerId}`);
    const verified = await officer.post(`/officer/producers/${producerId}`, {
      decision: "verified",
      version: String(Number(current?.version) + 1),
    });
    expect(verified.status).toBe(303);
    const after = await (
      await createApp({ database: t, logger: createLogger("silent") }).request(
        "/products/silk-products-varanasi",
      )
    ).text();
    expect(after).toMatch(/\d+ verified producers? makes? it: see/);
    expect(after).toContain(`href="${directoryOfProduct}"`);
    const byProduct = await (await app.request(directoryOfProduct)).text();
    expect(byProduct).toContain("Producers of the ODOP product <strong>Silk Products</strong>");
    expect(byProduct).toContain(form.name);
    const other = await (
      await app.request(`/producers?state=${UP}&district=${inLucknow.districtLgdCode}`)
    ).text();
    expect(other).not.toContain(form.name);
    expect(other).toContain("No verified producer matches these filters yet.");
    // By kind of producer and by the sector of its ODOP product (silk: textiles and handloom).
    const [sector] = await rows(t.db, sql`select sector_code from products where id = ${Number(productId)}`);
    expect(await (await app.request(`/producers?sector=${sector?.sector_code}&kind=shg`)).text()).toContain(
      form.name,
    );
    expect(await (await app.request("/producers?sector=spices")).text()).not.toContain(form.name);
    expect(await (await app.request("/producers?kind=fpo")).text()).not.toContain(form.name);
  });

  it("pages a long review queue, fifty at a time", async () => {
    const owner = await person(t.db);
    const ownerActor = await actorOf(t.db, owner.userId, { requestId: null, ip: null });
    for (let i = 0; i < 55; i++)
      await registerProducer(t.db, ownerActor, {
        name: `Patna Brass Unit ${String(i).padStart(2, "0")}`,
        kind: "artisan",
        districtLgdCode: inPatna.districtLgdCode,
        otherProducts: "Brass",
        phone: "+91 94310 00000",
        email: "unit@example.org",
      });
    const bihar = await signedIn(
      app,
      (await person(t.db, "state_officer", { stateLgdCode: inPatna.stateLgdCode, districtLgdCode: null }))
        .email,
    );
    // The account page says what waits, before the officer opens the queue.
    const account = await (await bihar.get("/account")).text();
    expect(account).toContain("Waiting for you");
    expect(account).toMatch(/Producers to verify<\/a>: 55 producers to verify; the oldest waiting since \d/);
    const first = await (await bihar.get("/officer/producers")).text();
    expect(first.match(/<td>Patna Brass Unit/g)).toHaveLength(50);
    expect(first).toContain("Page 1 of 2");
    const second = await (await bihar.get("/officer/producers?status=pending&page=2")).text();
    expect(second.match(/<td>Patna Brass Unit/g)).toHaveLength(5);
    expect(second).toContain("Patna Brass Unit 54");
  });

  it("seeds demo accounts once, marked demo, and shows the demo producer as demo", async () => {
    const first = await seedDemo(t.db, "demo-password-2026");
    const second = await seedDemo(t.db, "demo-password-2026");
    expect(first.map((a) => a.created)).toEqual([true, true, true, true, true]);
    expect(second.map((a) => a.created)).toEqual([false, false, false, false, false]);
    const demo = await rows(t.db, sql`select count(*)::int as n from users where is_demo`);
    expect(demo[0]?.n).toBe(5);
    const directory = await (await app.request(`/producers?q=Demo`)).text();
    expect(directory).toContain("Demo weavers&#39; group, Varanasi (demo)");
    expect(directory).toMatch(/class="badge">Demo</);
    // The open API lists verified producers without contact details, and never demo ones.
    await verifiedProducer(); // a real one beside the demo one
    const api = (await (await app.request("/api/v1/producers?limit=1000")).json()) as {
      total: number;
      items: Record<string, unknown>[];
    };
    expect(api.items.map((p) => p.name)).toContain("Patna Sikki Grass Collective");
    expect(api.items.map((p) => p.name)).not.toContain("Demo weavers' group, Varanasi (demo)");
    expect(JSON.stringify(api)).not.toContain("+91 94310 00001");
    expect(JSON.stringify(api)).not.toContain("sikki@example.org");
    const v = new Visitor(app);
    const res = await v.post(
      "/sign-in",
      { email: "district.officer@demo.odophub.invalid", password: "demo-password-2026" },
      { from: "/sign-in" },
    );
    expect(res.status).toBe(303);
    const account = await (await v.get("/account")).text();
    expect(account).toContain("District officer (DEPC) · Varanasi, Uttar Pradesh");
    expect(account).toContain("This is a demo account");
  });
});
