import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inLucknow, inVaranasi } from "../../../test/support/actors";
import { freshDatabase, type TestDatabase } from "../../../test/support/database";
import { testJobs } from "../../../test/support/jobs";
import { person, signedIn } from "../../../test/support/people";
import type { Visitor } from "../../../test/support/visitor";
import { createApp } from "../../app";
import { indiaDateTime } from "../../platform/india-time";
import { createLogger } from "../../platform/logger";
import { actorOf } from "../accounts";
import { registerProducer, reviewProducer } from "../producers";
import { rfqsPerAddressPerDay, rfqsPerDay, sendRfq } from "./commands";

type Row = Record<string, unknown>;
const rows = async (db: TestDatabase["db"], q: ReturnType<typeof sql>) =>
  ((await db.execute(q)) as unknown as { rows: Row[] }).rows;
const meta = { requestId: null, ip: null };
const today = () => indiaDateTime(new Date()).date;
const inDays = (n: number) => indiaDateTime(new Date(Date.now() + n * 86_400_000)).date;
const versionOn = (html: string) => /name="version" value="(\d+)"/.exec(html)?.[1] as string;

describe("requests for quotes to delivered orders, over HTTP", () => {
  let t: TestDatabase;
  let app: ReturnType<typeof createApp>;
  let silkId: number;
  beforeAll(async () => {
    t = await freshDatabase({ seeded: true });
    app = createApp({ database: t, logger: createLogger("silent") });
    const [silk] = await rows(
      t.db,
      sql`select p.id from products p join list_revisions r on r.id = p.revision_id where p.slug = 'silk-products-varanasi' and r.is_live`,
    );
    silkId = Number(silk?.id);
  });
  afterAll(() => t.dispose());

  /** A verified producer of Silk Products in Varanasi (or another place), its owner signed in. */
  const producer = async (place = inVaranasi, product: number | undefined = silkId) => {
    const owner = await person(t.db);
    const id = await registerProducer(t.db, await actorOf(t.db, owner.userId, meta), {
      name: `Silk house ${owner.userId}`,
      kind: "weaver",
      districtLgdCode: place.districtLgdCode,
      odopProductId: place === inVaranasi ? product : undefined,
      otherProducts: place === inVaranasi ? undefined : "Chikankari",
      phone: `+91 90000 ${String(owner.userId).padStart(5, "0")}`,
      email: `silk${owner.userId}@example.org`,
    });
    const officer = await person(t.db, "district_officer", place);
    await reviewProducer(t.db, await actorOf(t.db, officer.userId, meta), id, 1, { decision: "verified" });
    return { id, owner, browser: await signedIn(app, owner.email) };
  };
  /** A buyer with a profile, signed in. */
  const buyer = async () => {
    const who = await person(t.db);
    const b = await signedIn(app, who.email);
    const saved = await b.post(
      "/buyers/me",
      { organisation: "Gulf Looms LLC", country: "AE", interests: "Silk" },
      { from: "/buyers/me" },
    );
    expect(saved.status).toBe(303);
    return { who, browser: b };
  };
  const rfqForm = (over: Record<string, string> = {}) => ({
    odopProductId: String(silkId),
    subject: "Katan silk stoles, 2 m",
    details: "Zari border, 40 colours",
    quantity: "500",
    unit: "piece",
    targetPriceInr: "1500",
    destinationCountry: "AE",
    incoterm: "FOB",
    neededBy: inDays(60),
    openDays: "14",
    ...over,
  });
  const sendThrough = async (b: Visitor, over: Record<string, string> = {}) => {
    await b.get(`/rfqs/new?product=${silkId}`);
    const res = await b.post("/rfqs/new", rfqForm(over));
    expect(res.status, await res.clone().text()).toBe(303);
    return Number(/\/rfqs\/(\d+)/.exec(res.headers.get("Location") ?? "")?.[1]);
  };
  const responseOf = async (rfqId: number, producerId: number) =>
    Number(
      (
        await rows(
          t.db,
          sql`select id from rfq_responses where rfq_id = ${rfqId} and producer_id = ${producerId}`,
        )
      )[0]?.id,
    );
  const quote = async (p: Visitor, responseId: number, over: Record<string, string> = {}) => {
    const page = await (await p.get(`/rfqs/responses/${responseId}`)).text();
    return p.post(`/rfqs/responses/${responseId}/quote`, {
      version: versionOn(page),
      priceInr: "1450",
      quantity: "500",
      leadTimeDays: "30",
      validUntil: inDays(20),
      incoterm: "FOB",
      notes: "Samples in a week",
      ...over,
    });
  };
  const mailTo = async (email: string) =>
    rows(t.db, sql`select subject, body from outbox where to_address = ${email} order by id desc`);

  it("an RFQ reaches the matching producers; two quote, one revises once; the buyer accepts one; the order goes to delivery and both rate; the officer's pipeline counts it", async () => {
    const a = await producer();
    const b = await producer();
    const outsider = await producer(inLucknow);
    const { who, browser } = await buyer();
    const rfqId = await sendThrough(browser);
    expect(await (await browser.get(`/rfqs/${rfqId}?done=sent`)).text()).toContain("Your request is sent.");
    const [ra, rb] = [await responseOf(rfqId, a.id), await responseOf(rfqId, b.id)];
    expect(ra).toBeGreaterThan(0);
    expect(await responseOf(rfqId, outsider.id)).toBeNaN();
    expect((await mailTo(a.owner.email))[0]?.subject).toContain("New request for quotes: Katan silk stoles");

    // A producer it was not sent to cannot see or quote on it.
    expect((await outsider.browser.get(`/rfqs/responses/${ra}`)).status).toBe(404);
    expect(
      (
        await outsider.browser.post(
          `/rfqs/responses/${ra}/quote`,
          {
            version: "1",
            priceInr: "1",
            quantity: "1",
            leadTimeDays: "1",
            validUntil: inDays(3),
            incoterm: "FOB",
          },
          { from: "/buyers/me" },
        )
      ).status,
    ).toBe(404);
    // Until it accepts a quote, producers see the buyer's organisation and country, never its address.
    const invited = await (await a.browser.get(`/rfqs/responses/${ra}`)).text();
    expect(invited).toContain("From Gulf Looms LLC, United Arab Emirates");
    expect(invited).not.toContain(who.email);
    expect(invited).toContain("waiting for the producer");

    expect((await quote(a.browser, ra)).status).toBe(303);
    expect((await quote(b.browser, rb, { priceInr: "1380" })).status).toBe(303);
    expect((await mailTo(who.email))[0]?.subject).toContain("A quote on Katan silk stoles");
    expect((await quote(b.browser, rb, { priceInr: "1350" })).status).toBe(303); // the one revision
    const again = await quote(b.browser, rb, { priceInr: "1300" });
    expect(again.status).toBe(409);
    expect(await again.text()).toContain("Revised once: it cannot be revised again.");
    const [revised] = await rows(
      t.db,
      sql`select price_inr::float8, revisions, state from rfq_responses where id = ${rb}`,
    );
    expect(revised).toEqual({ price_inr: 1350, revisions: 1, state: "quoted" });

    // A message in the thread reaches the other side.
    await browser.get(`/rfqs/responses/${rb}`);
    expect(
      (await browser.post(`/rfqs/responses/${rb}/messages`, { body: "Can you pack in tens?" })).status,
    ).toBe(303);
    expect((await mailTo(b.owner.email))[0]?.body).toContain("Can you pack in tens?");
    expect(await (await b.browser.get(`/rfqs/responses/${rb}`)).text()).toContain("Can you pack in tens?");

    const rfqPage = await (await browser.get(`/rfqs/${rfqId}`)).text();
    expect(rfqPage).toContain("waiting for the buyer");
    const confirm = await (await browser.get(`/rfqs/responses/${rb}/accept`)).text();
    expect(confirm).toContain("Accept this quote?");
    const accepted = await browser.post(`/rfqs/responses/${rb}/accept`, { version: versionOn(confirm) });
    expect(accepted.status).toBe(303);
    const orderId = Number(/\/orders\/(\d+)/.exec(accepted.headers.get("Location") ?? "")?.[1]);
    const states = await rows(
      t.db,
      sql`select producer_id, state from rfq_responses where rfq_id = ${rfqId} order by id`,
    );
    expect(states).toEqual([
      { producer_id: a.id, state: "declined_by_buyer" },
      { producer_id: b.id, state: "accepted" },
    ]);
    expect((await mailTo(a.owner.email))[0]?.subject).toContain(
      "The request Katan silk stoles, 2 m is closed",
    );
    expect((await mailTo(b.owner.email))[0]?.subject).toContain(
      "Your quote on Katan silk stoles, 2 m is accepted",
    );

    // Contacts are exchanged on the order, and only there.
    const buyerView = await (await browser.get(`/orders/${orderId}`)).text();
    expect(buyerView).toContain(`silk${b.owner.userId}@example.org`);
    const sellerView = await (await b.browser.get(`/orders/${orderId}`)).text();
    expect(sellerView).toContain(who.email);
    expect((await a.browser.get(`/orders/${orderId}`)).status).toBe(404);

    const step = async (v: Visitor, transition: string, happenedOn = today()) => {
      const page = await (await v.get(`/orders/${orderId}`)).text();
      return v.post(`/orders/${orderId}/step`, { transition, happenedOn, version: versionOn(page) });
    };
    // The producer cannot record the buyer's steps, nor a day in the future.
    expect((await step(b.browser, "confirm")).status).toBe(403);
    expect((await step(b.browser, "sample", inDays(2))).status).toBe(400);
    for (const [v, tr] of [
      [b.browser, "sample"],
      [browser, "confirm"],
      [b.browser, "produce"],
      [b.browser, "ship"],
      [browser, "deliver"],
    ] as const)
      expect((await step(v, tr)).status, tr).toBe(303);
    const events = await rows(
      t.db,
      sql`select state from order_events where order_id = ${orderId} order by id`,
    );
    expect(events.map((e) => e.state)).toEqual([
      "placed",
      "sample_sent",
      "confirmed",
      "produced",
      "shipped",
      "delivered",
    ]);
    expect((await mailTo(who.email))[0]?.subject).toContain("shipped");

    await browser.get(`/orders/${orderId}`);
    expect((await browser.post(`/orders/${orderId}/rate`, { stars: "5", comment: "On time" })).status).toBe(
      303,
    );
    await b.browser.get(`/orders/${orderId}`);
    expect((await b.browser.post(`/orders/${orderId}/rate`, { stars: "4" })).status).toBe(303);
    const twice = await browser.post(
      `/orders/${orderId}/rate?lang=hi`,
      { stars: "1" },
      { from: "/buyers/me" },
    );
    expect(twice.status).toBe(409);
    expect(await twice.text()).toContain("आप इस ऑर्डर को पहले ही रेटिंग दे चुके हैं।");
    expect(
      await rows(t.db, sql`select side, stars from order_ratings where order_id = ${orderId} order by side`),
    ).toEqual([
      { side: "buyer", stars: 5 },
      { side: "producer", stars: 4 },
    ]);

    const officer = await signedIn(app, (await person(t.db, "district_officer", inVaranasi)).email);
    const pipelinePage = await (await officer.get("/officer/trade")).text();
    expect(pipelinePage).toContain("Varanasi");
    expect(pipelinePage).not.toContain(who.email);
    expect(pipelinePage).not.toContain(`silk${b.owner.userId}@example.org`);
    const [counts] = await rows(
      t.db,
      sql`select count(*)::int as n from orders where district_lgd_code = ${inVaranasi.districtLgdCode} and state = 'delivered'`,
    );
    expect(Number(counts?.n)).toBeGreaterThanOrEqual(1);
    const audit = await rows(
      t.db,
      sql`select action from audit_log where entity_type in ('rfq', 'order') and entity_id = ${rfqId} or (entity_type = 'order' and entity_id = ${orderId}) order by id`,
    );
    expect(audit.map((x) => x.action)).toContain("rfq.accept");
    expect(audit.map((x) => x.action)).toContain("order.deliver");
    // The audit log says each step in words.
    const admin = await signedIn(app, (await person(t.db, "national_admin")).email);
    const log = await (await admin.get("/audit")).text();
    for (const words of [
      "Accepted a quote: an order placed",
      "Recorded an order&#39;s delivery",
      "Rated an order",
    ])
      expect(log).toContain(words);
  });

  it("treats an id beyond the database's integers in the address as naming nothing, never as an error", async () => {
    const { browser } = await buyer();
    const form = await browser.get("/rfqs/new?product=2147483648&listing=99999999999");
    expect(form.status).toBe(200);
    expect(await form.text()).not.toContain('value="2147483648"');
    expect((await browser.get("/buyers/interests/new?product=2147483648")).status).toBe(404);
  });

  it("names each wrong field, keeps what was typed, and sends nothing when no producer matches", async () => {
    const { browser } = await buyer();
    await browser.get("/rfqs/new");
    const before = Number((await rows(t.db, sql`select count(*)::int as n from rfqs`))[0]?.n);
    const bad = await browser.post("/rfqs/new", {
      ...rfqForm({
        odopProductId: "",
        hsCode: "",
        quantity: "lots",
        destinationCountry: "XX",
        neededBy: "2026-02-31",
        openDays: "30",
      }),
      details: "kept as typed",
    });
    expect(bad.status).toBe(400);
    const html = await bad.text();
    for (const words of [
      "Choose a product or give an HS heading",
      "Enter a number greater than 0",
      "Choose the country from the list",
      "Between 1 and 14 days",
      "kept as typed",
    ])
      expect(html).toContain(words);
    const nobody = await browser.post("/rfqs/new", rfqForm({ odopProductId: "", hsCode: "0000" }), {
      from: "/rfqs/new",
    });
    expect(nobody.status).toBe(400);
    expect(await nobody.text()).toContain("No HS heading 0000");
    expect(Number((await rows(t.db, sql`select count(*)::int as n from rfqs`))[0]?.n)).toBe(before);
  });

  it("throttles an RFQ flood from one account or one address, and refuses unconfirmed addresses and people without a buyer profile", async () => {
    await producer();
    const flood = await person(t.db, "buyer");
    const actor = await actorOf(t.db, flood.userId, { requestId: null, ip: "203.0.113.77" });
    const input = {
      odopProductId: silkId,
      subject: "Flood",
      quantity: 1,
      unit: "piece" as const,
      destinationCountry: "AE",
      incoterm: "FOB" as const,
      neededBy: inDays(30),
      openDays: 3,
    };
    const results = await Promise.allSettled(
      Array.from({ length: rfqsPerDay + 5 }, () =>
        sendRfq(t.db, actor, input, { origin: "http://localhost" }),
      ),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(rfqsPerDay);
    expect(
      results
        .filter((r) => r.status === "rejected")
        .every((r) => (r as PromiseRejectedResult).reason.code === "too_many"),
    ).toBe(true);
    // Several accounts on one address share its cap; the same account elsewhere is not held by it.
    const office = "203.0.113.78";
    for (let k = 0; k < rfqsPerAddressPerDay / rfqsPerDay; k++) {
      const b = await person(t.db, "buyer");
      const a = await actorOf(t.db, b.userId, { requestId: null, ip: office });
      for (let i = 0; i < rfqsPerDay; i++) await sendRfq(t.db, a, input, { origin: "http://localhost" });
    }
    const late = await person(t.db, "buyer");
    await expect(
      sendRfq(t.db, await actorOf(t.db, late.userId, { requestId: null, ip: office }), input, {
        origin: "http://localhost",
      }),
    ).rejects.toMatchObject({ code: "too_many" });
    expect(
      await sendRfq(t.db, await actorOf(t.db, late.userId, { requestId: null, ip: "203.0.113.79" }), input, {
        origin: "http://localhost",
      }),
    ).toBeGreaterThan(0);
    const unconfirmed = await person(t.db, "buyer", undefined, { verified: false });
    await expect(
      sendRfq(t.db, await actorOf(t.db, unconfirmed.userId, meta), input, { origin: "http://localhost" }),
    ).rejects.toMatchObject({ code: "forbidden" });
    const noProfile = await signedIn(app, (await person(t.db)).email);
    expect(await (await noProfile.get("/rfqs/new")).text()).toContain("tell producers whom you buy for");
    expect((await noProfile.post("/rfqs/new", rfqForm(), { from: "/rfqs/new" })).status).toBe(403);
  });

  it("holds RFQs for a district whose officer approves them first; the officer lets one through", async () => {
    const lucknowProducer = await producer(inLucknow);
    const officer = await signedIn(app, (await person(t.db, "district_officer", inLucknow)).email);
    await officer.get("/officer/rfqs");
    expect(
      (
        await officer.post("/officer/rfqs/approval", {
          district: String(inLucknow.districtLgdCode),
          on: "on",
        })
      ).status,
    ).toBe(303);
    // An enquiry from the Lucknow producer's listing waits for the officer.
    const form = await (await lucknowProducer.browser.get("/listings/new")).text();
    const made = await lucknowProducer.browser.post("/listings/new", {
      producerId: /name="producerId" value="(\d+)"/.exec(form)?.[1] ?? "",
      titleEn: "Chikankari kurta",
      otherProduct: "Chikankari",
      unit: "piece",
      minOrder: "20",
      monthlyCapacity: "400",
      leadTimeDays: "30",
      priceMinInr: "900",
      priceMaxInr: "1400",
    });
    const listingId = Number(/\/listings\/(\d+)/.exec(made.headers.get("Location") ?? "")?.[1]);
    const edit = await (await lucknowProducer.browser.get(`/listings/${listingId}/edit`)).text();
    await lucknowProducer.browser.post(`/listings/${listingId}/publish`, { version: versionOn(edit) });
    const { browser } = await buyer();
    await browser.get(`/rfqs/new?listing=${listingId}`);
    const sent = await browser.post(
      "/rfqs/new",
      rfqForm({ odopProductId: "", listingId: String(listingId), subject: "Chikankari kurtas" }),
    );
    expect(sent.status).toBe(303);
    const rfqId = Number(/\/rfqs\/(\d+)/.exec(sent.headers.get("Location") ?? "")?.[1]);
    const responseId = await responseOf(rfqId, lucknowProducer.id);
    expect((await rows(t.db, sql`select state from rfq_responses where id = ${responseId}`))[0]?.state).toBe(
      "held",
    );
    expect((await lucknowProducer.browser.get(`/rfqs/responses/${responseId}`)).status).toBe(404);
    const queue = await (await officer.get("/officer/rfqs")).text();
    expect(queue).toContain("Chikankari kurtas");
    const other = await signedIn(app, (await person(t.db, "district_officer", inVaranasi)).email);
    expect(await (await other.get("/officer/rfqs")).text()).not.toContain("Chikankari kurtas");
    expect((await officer.post(`/rfqs/responses/${responseId}/approve`, { version: "1" })).status).toBe(303);
    expect((await rows(t.db, sql`select state from rfq_responses where id = ${responseId}`))[0]?.state).toBe(
      "invited",
    );
    expect((await lucknowProducer.browser.get(`/rfqs/responses/${responseId}`)).status).toBe(200);
    expect((await mailTo(lucknowProducer.owner.email))[0]?.subject).toContain(
      "New request for quotes: Chikankari kurtas",
    );
  });

  it("closes unanswered RFQs by the hourly job and mails the daily digest of new listings to buyers who follow them", async () => {
    const p = await producer();
    const { who, browser } = await buyer();
    const rfqId = await sendThrough(browser, { subject: "Short-lived request", openDays: "1" });
    const responseId = await responseOf(rfqId, p.id);
    await browser.get("/buyers/interests");
    expect((await browser.post("/buyers/interests", { hsCode: "5007" })).status).toBe(303);
    const form = await (await p.browser.get("/listings/new")).text();
    const made = await p.browser.post("/listings/new", {
      producerId: /name="producerId" value="(\d+)"/.exec(form)?.[1] ?? "",
      titleEn: "Brocade yardage",
      odopProductId: String(silkId),
      hsCode: "5007",
      unit: "metre",
      minOrder: "100",
      monthlyCapacity: "3000",
      leadTimeDays: "21",
      priceMinInr: "700",
      priceMaxInr: "900",
    });
    const listingId = Number(/\/listings\/(\d+)/.exec(made.headers.get("Location") ?? "")?.[1]);
    const edit = await (await p.browser.get(`/listings/${listingId}/edit`)).text();
    await p.browser.post(`/listings/${listingId}/publish`, { version: versionOn(edit) });

    const jobs = testJobs(t.db);
    await jobs.runDue(new Date(Date.now() + 2 * 86_400_000));
    expect((await rows(t.db, sql`select state from rfqs where id = ${rfqId}`))[0]?.state).toBe("expired");
    expect((await rows(t.db, sql`select state from rfq_responses where id = ${responseId}`))[0]?.state).toBe(
      "expired",
    );
    const mails = await mailTo(who.email);
    expect(mails.some((m) => String(m.subject).includes("Your request Short-lived request has closed"))).toBe(
      true,
    );
    const digest = mails.find((m) => String(m.subject).includes("New listings for your interests"));
    expect(digest?.body).toContain(`/bazaar/listings/${listingId}`);
    expect(digest?.body).toContain("Brocade yardage");
    const audit = await rows(
      t.db,
      sql`select actor_user_id from audit_log where action = 'rfq.expire' and entity_id = ${rfqId}`,
    );
    expect(audit).toEqual([{ actor_user_id: null }]);
  });

  it("records GeM onboarding by the producer or its district's officer, with the seller id once registered", async () => {
    const p = await producer();
    const page = await (await p.browser.get(`/producers/${p.id}/gem`)).text();
    const missing = await p.browser.post(`/producers/${p.id}/gem`, {
      status: "registered",
      sellerId: "",
      version: versionOn(page),
    });
    expect(missing.status).toBe(400);
    expect(await missing.text()).toContain("Give the GeM seller id");
    expect(
      (
        await p.browser.post(
          `/producers/${p.id}/gem`,
          { status: "applied", version: "0" },
          { from: `/producers/${p.id}/gem` },
        )
      ).status,
    ).toBe(303);
    const officer = await signedIn(app, (await person(t.db, "district_officer", inVaranasi)).email);
    const stale = await officer.post(
      `/producers/${p.id}/gem`,
      { status: "registered", sellerId: "GEM/2026/S/1", version: "0" },
      { from: `/producers/${p.id}/gem` },
    );
    expect(stale.status).toBe(409);
    expect(
      (
        await officer.post(
          `/producers/${p.id}/gem`,
          { status: "listed", sellerId: "GEM/2026/S/1", version: "1" },
          { from: `/producers/${p.id}/gem` },
        )
      ).status,
    ).toBe(303);
    expect(
      await rows(t.db, sql`select status, seller_id from gem_onboarding where producer_id = ${p.id}`),
    ).toEqual([{ status: "listed", seller_id: "GEM/2026/S/1" }]);
    const lucknow = await signedIn(app, (await person(t.db, "district_officer", inLucknow)).email);
    expect((await lucknow.get(`/producers/${p.id}/gem`)).status).toBe(404);
    expect(await (await officer.get("/officer/trade")).text()).toContain("listed in the ODOP storefront");
  });
});
