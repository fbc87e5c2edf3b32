/// <reference lib="dom" />
import { sql } from "drizzle-orm";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Actor, actorOf } from "../../src/modules/accounts";
import { registerProducer, reviewProducer } from "../../src/modules/producers";
import { createEvent, register, runMatching, stepEvent } from "../../src/modules/promotion";
import { addItem, createCatalogue, stepCatalogue } from "../../src/modules/promotion/commands/catalogues";
import { saveHours, saveWishes } from "../../src/modules/promotion/commands/meet";
import { createListing, saveBuyer, stepListing } from "../../src/modules/trade";
import { inVaranasi } from "../support/actors";
import type { TestDatabase } from "../support/database";
import { inDays, meetInput, trainingInput } from "../support/events";
import { testJobs } from "../support/jobs";
import { password, person } from "../support/people";
import { auditPage } from "./axe";
import { haveBrowser, startPortal } from "./browser";

const meta = { requestId: null, ip: null };
const mail = { origin: "http://localhost" };
const withLang = (p: string, lang: "en" | "hi") =>
  lang === "hi" ? `${p}${p.includes("?") ? "&" : "?"}lang=hi` : p;

describe.runIf(haveBrowser)("events and a buyer-seller meet in a real browser", () => {
  let portal: Awaited<ReturnType<typeof startPortal>>;
  let t: TestDatabase;
  let base: string;
  let browser: Browser;
  const day = inDays(12);
  const who = { officer: "", producer: "", buyer: "", admin: "" };
  const ids = { meet: 0, scheduled: 0, training: 0, listing: 0, catalogue: 0, product: 0 };
  const rows = async (q: ReturnType<typeof sql>) =>
    ((await t.db.execute(q)) as unknown as { rows: Record<string, unknown>[] }).rows;
  /** A browser context signed in as `email`, on the clock of `timezoneId` (what the person's computer says). */
  const signIn = async (email: string, timezoneId = "Asia/Kolkata", width = 1280): Promise<Page> => {
    const context = await browser.newContext({ timezoneId, viewport: { width, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${base}/sign-in`);
    await page.fill("#f-email", email);
    await page.fill("#f-password", password);
    await Promise.all([page.waitForURL(/\/account/), page.click("form.form button[type=submit]")]);
    return page;
  };
  const submit = (page: Page, form: string) =>
    Promise.all([page.waitForEvent("load"), page.click(`${form} button[type=submit]`)]);

  beforeAll(async () => {
    portal = await startPortal();
    ({ base, browser, database: t } = portal);
    const o = await person(t.db, "district_officer", inVaranasi);
    const officer = (await actorOf(t.db, o.userId, meta)) as Actor;
    who.officer = o.email;
    // A verified weaver of Varanasi with a published listing.
    const p = await person(t.db);
    const producer = (await actorOf(t.db, p.userId, meta)) as Actor;
    const producerId = await registerProducer(t.db, producer, {
      name: "Lohta Silk Collective",
      kind: "weaver",
      districtLgdCode: inVaranasi.districtLgdCode,
      otherProducts: "Silk stoles",
      phone: "+91 90000 22222",
      email: "lohta@example.org",
    });
    await reviewProducer(t.db, officer, producerId, 1, { decision: "verified" });
    ids.listing = await createListing(t.db, producer, producerId, {
      titleEn: "Katan silk stole",
      otherProduct: "Silk stoles",
      unit: "piece",
      minOrder: 10,
      monthlyCapacity: 500,
      leadTimeDays: 30,
      priceMinInr: 1500,
      priceMaxInr: 2400,
      organic: false,
      bis: false,
      samplesAvailable: true,
    } as Parameters<typeof createListing>[3]);
    await stepListing(t.db, producer, ids.listing, { transition: "publish", version: 1 });
    who.producer = p.email;
    // A buyer in New York, registered for the meet with its hours on its own clock and the weaver as its wish.
    const b = await person(t.db);
    await saveBuyer(
      t.db,
      await actorOf(t.db, b.userId, meta),
      { organisation: "Hudson Home Goods", country: "US", interests: "Silk" },
      null,
    );
    const buyer = (await actorOf(t.db, b.userId, meta)) as Actor;
    who.buyer = b.email;
    ids.meet = await createEvent(
      t.db,
      officer,
      meetInput(day, { titleEn: "Banaras silk meets New York", titleHi: "बनारसी रेशम और न्यूयॉर्क" }),
    );
    await stepEvent(t.db, officer, ids.meet, "publish", { version: 1 }, mail);
    const rb = await register(t.db, buyer, ids.meet, {}, mail);
    await saveHours(t.db, buyer, rb, {
      timeZone: "America/New_York",
      version: 1,
      days: [{ day, from: "08:00", to: "11:00" }],
    });
    // A second meet, already scheduled, for the accessibility checks: they need no other test.
    ids.scheduled = await createEvent(t.db, officer, meetInput(day, { titleEn: "Scheduled meet" }));
    await stepEvent(t.db, officer, ids.scheduled, "publish", { version: 1 }, mail);
    const placed: number[] = [];
    for (const [who, zone, from, to] of [
      [buyer, "America/New_York", "08:00", "11:00"],
      [producer, "Asia/Kolkata", "19:00", "22:00"],
    ] as const) {
      const r = await register(t.db, who, ids.scheduled, {}, mail);
      await saveHours(t.db, who, r, { timeZone: zone, version: 1, days: [{ day, from, to }] });
      placed.push(r);
    }
    await saveWishes(t.db, buyer, placed[0] as number, { ranked: [placed[1] as number], version: 2 });
    await runMatching(t.db, { eventId: ids.scheduled }, mail);
    // A training with a registration, for the accessibility checks of the organiser's pages.
    ids.training = await createEvent(t.db, officer, trainingInput({ capacity: 20, approvalRequired: true }));
    await stepEvent(t.db, officer, ids.training, "publish", { version: 1 }, mail);
    await register(t.db, buyer, ids.training, {}, mail);
    // A published gift catalogue with one product, for the checks of the administrator's and the public pages.
    const a = await person(t.db, "national_admin");
    who.admin = a.email;
    const admin = (await actorOf(t.db, a.userId, meta)) as Actor;
    ids.catalogue = await createCatalogue(t.db, admin, {
      slug: "silk-gifts",
      titleEn: "Silk gifts",
      titleHi: "रेशमी उपहार",
      introEn: "Gifts of Banaras silk.",
    });
    ids.product = Number(
      (
        await rows(
          sql`select p.id from products p join list_revisions r on r.id = p.revision_id where p.slug = 'silk-products-varanasi' and r.is_live`,
        )
      )[0]?.id,
    );
    await addItem(t.db, admin, ids.catalogue, { productId: ids.product, version: 1 });
    await stepCatalogue(t.db, admin, ids.catalogue, "publish", { version: 2 });
  }, 60_000);
  afterAll(() => portal?.close());

  it("a producer registers for a meet; the organiser matches and schedules; New York and Kolkata see the same meeting on their own clocks; both rate it; the buyer's RFQ exists", async () => {
    // The weaver registers and gives its hours on Kolkata's clock.
    const producer = await signIn(who.producer, "Asia/Kolkata");
    await producer.goto(`${base}/events/${ids.meet}`);
    await Promise.all([producer.waitForEvent("load"), producer.click("a.button-link")]);
    await submit(producer, "form.form");
    expect(await producer.textContent("main")).toContain("Confirmed");
    await Promise.all([
      producer.waitForEvent("load"),
      producer.click(`a[href^="/events/${ids.meet}/hours"]`),
    ]);
    await producer.selectOption("#f-timeZone", "Asia/Kolkata");
    await producer.fill(`#f-from_${day}`, "19:00");
    await producer.fill(`#f-to_${day}`, "22:00");
    await submit(producer, "form.form");
    expect(await producer.textContent("main")).toContain("Your hours are saved.");

    // The buyer ranks the weaver first.
    const buyer = await signIn(who.buyer, "America/New_York");
    await buyer.goto(`${base}/events/${ids.meet}/wishes`);
    const rank = await buyer.locator("select[name^=rank_]").first();
    await rank.selectOption("1");
    await submit(buyer, "form.form");
    expect(await buyer.textContent("main")).toContain("Your wishes are saved.");

    // The organiser asks for the matching; the job runs; the schedule shows the meeting.
    const officer = await signIn(who.officer);
    await officer.goto(`${base}/events/${ids.meet}/schedule`);
    await submit(officer, "form.form");
    expect(await officer.textContent("main")).toContain("it runs in the background");
    await testJobs(t.db).runDue(new Date());
    await officer.reload();
    expect(await officer.textContent("main")).toContain("1 meetings");
    expect(await officer.textContent("table")).toContain("Lohta Silk Collective");

    // Each sees the same instant on their own clock: 08:30 in New York is 19:00 in Kolkata.
    await buyer.goto(`${base}/events/${ids.meet}/diary`);
    await producer.goto(`${base}/events/${ids.meet}/diary`);
    const instantOf = (page: Page) => page.getAttribute(".diary [data-meeting-start]", "data-meeting-start");
    expect(await instantOf(buyer)).toBe(await instantOf(producer));
    expect(await buyer.textContent(".diary .when")).toContain("8:30 am GMT-5");
    expect(await producer.textContent(".diary .when")).toContain("7:00 pm IST");
    // The browsers' own clocks agree: the instant read on each computer's clock is the time the page shows.
    const local = (page: Page) =>
      page.evaluate(() => {
        const at = document.querySelector("[data-meeting-start]")?.getAttribute("data-meeting-start") ?? "";
        return new Date(at).toLocaleTimeString("en-GB", { hour: "2-digit", minute: "2-digit" });
      });
    expect(await local(buyer)).toBe("08:30");
    expect(await local(producer)).toBe("19:00");

    // The meeting takes place (its time moved into the past); both rate it; the buyer asks for a quote in one step.
    await t.db.execute(
      sql`update meetings set starts_at = now() - interval '1 hour', ends_at = now() - interval '40 minutes' where event_id = ${ids.meet}`,
    );
    for (const page of [buyer, producer]) {
      await page.reload();
      await page.selectOption(".diary select[name=stars]", "5");
      await submit(page, `.diary form[action*="/rate"]`);
      expect(await page.textContent("main")).toContain("your rating is saved");
    }
    await buyer.click(".diary details summary");
    await buyer.selectOption(".diary select[name=listingId]", String(ids.listing));
    await buyer.fill(".diary input[name=quantity]", "300");
    await buyer.fill(".diary input[name=neededBy]", inDays(60));
    await submit(buyer, `.diary form[action*="/rfq"]`);
    expect(await buyer.textContent("main")).toContain("A request for quotes was sent from this meeting.");
    const [rfq] = await rows(
      sql`select r.listing_id, r.quantity, r.destination_country from meetings m join rfqs r on r.id = m.rfq_id where m.event_id = ${ids.meet}`,
    );
    expect(rfq).toMatchObject({ listing_id: ids.listing, destination_country: "US" });
    const ratings = await rows(
      sql`select stars from meeting_ratings r join meetings m on m.id = r.meeting_id where m.event_id = ${ids.meet}`,
    );
    expect(ratings).toHaveLength(2);
    await Promise.all([producer.context().close(), buyer.context().close(), officer.context().close()]);
  }, 180_000);

  it.each(["en", "hi"] as const)(
    "keeps the event pages accessible at phone and desktop width (%s)",
    async (lang) => {
      const found: Record<string, string[]> = {};
      const m = ids.scheduled;
      const e = ids.training;
      const [meeting] = await rows(sql`select id from meetings where event_id = ${m} limit 1`);
      expect(meeting).toBeDefined();
      const pages: [string, string[]][] = [
        [
          who.officer,
          [
            "/events/manage",
            "/events/new",
            `/events/${e}/edit`,
            `/events/${e}/registrations`,
            `/events/${e}/check-in`,
            `/events/${e}/attendance`,
            `/events/${e}/outcomes`,
            `/events/${e}/cancel`,
            `/events/${m}/schedule`,
            `/events/${m}/meetings/${meeting?.id}/move`,
          ],
        ],
        [
          who.admin,
          [
            "/catalogues/manage",
            "/catalogues/new",
            `/catalogues/${ids.catalogue}/edit?q=silk`,
            `/catalogues/${ids.catalogue}/withdraw`,
            `/catalogues/${ids.catalogue}/items/${ids.product}/remove`,
          ],
        ],
        [
          who.buyer,
          [
            "/events/mine",
            `/events/${e}/register`,
            `/events/${e}/withdraw`,
            `/events/${m}/hours`,
            `/events/${m}/wishes`,
            `/events/${m}/diary`,
          ],
        ],
      ];
      for (const [email, paths] of pages) {
        const page = await signIn(email);
        for (const p of paths) found[p] = await auditPage(page, base + withLang(p, lang));
        await page.context().close();
      }
      const anonymous = await (await browser.newContext()).newPage();
      for (const p of [
        "/events",
        "/events?when=past",
        `/events/${m}`,
        `/events/${e}`,
        "/catalogues",
        "/catalogues/silk-gifts",
      ])
        found[p] = await auditPage(anonymous, base + withLang(p, lang));
      await anonymous.context().close();
      expect(Object.entries(found).filter(([, v]) => v.length > 0)).toEqual([]);
    },
    240_000,
  );
});
