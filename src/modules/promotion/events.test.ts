import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inLucknow, inVaranasi } from "../../../test/support/actors";
import { freshDatabase, type TestDatabase } from "../../../test/support/database";
import { inDays, meetInput, trainingInput } from "../../../test/support/events";
import { testJobs } from "../../../test/support/jobs";
import { mailedToken, person, signedIn } from "../../../test/support/people";
import { Visitor } from "../../../test/support/visitor";
import { createApp } from "../../app";
import { createLogger } from "../../platform/logger";
import { actorOf } from "../accounts";
import { registerProducer, reviewProducer } from "../producers";
import { createListing, saveBuyer, stepListing } from "../trade";
import { createEvent, stepEvent } from "./commands/events";
import { register, withdraw } from "./commands/registrations";
import type { EventInput } from "./schemas";

type Row = Record<string, unknown>;
const meta = { requestId: null, ip: null };
const mail = { origin: "http://localhost" };
const versionOn = (html: string) => /name="version" value="(\d+)"/.exec(html)?.[1] as string;

describe("events: organising, registration, waitlist, attendance, outcomes, a meet across time zones", () => {
  let t: TestDatabase;
  let app: ReturnType<typeof createApp>;
  const rows = async (q: ReturnType<typeof sql>) =>
    ((await t.db.execute(q)) as unknown as { rows: Row[] }).rows;
  /** Signed in, with a page shown: the session's form token is then at hand for every form the test sends. */
  const browserOf = async (email: string) => {
    const v = await signedIn(app, email);
    await v.get("/account");
    return v;
  };
  beforeAll(async () => {
    t = await freshDatabase({ seeded: true });
    app = createApp({ database: t, logger: createLogger("silent") });
  });
  afterAll(() => t.dispose());

  const officer = async () => {
    const who = await person(t.db, "district_officer", inVaranasi);
    return { ...who, actor: await actorOf(t.db, who.userId, meta), browser: await browserOf(who.email) };
  };
  /** A verified producer of Varanasi with one published listing; its owner. */
  const producer = async () => {
    const owner = await person(t.db);
    const actor = await actorOf(t.db, owner.userId, meta);
    const id = await registerProducer(t.db, actor, {
      name: `Weavers ${owner.userId}`,
      kind: "weaver",
      districtLgdCode: inVaranasi.districtLgdCode,
      otherProducts: "Silk stoles",
      phone: `+91 90000 ${String(owner.userId).padStart(5, "0")}`,
      email: `w${owner.userId}@example.org`,
    });
    const o = await person(t.db, "district_officer", inVaranasi);
    await reviewProducer(t.db, await actorOf(t.db, o.userId, meta), id, 1, { decision: "verified" });
    const listing = await createListing(t.db, actor, id, {
      titleEn: `Silk stole ${owner.userId}`,
      descriptionEn: "Handwoven",
      otherProduct: "Silk stoles",
      unit: "piece",
      minOrder: 10,
      monthlyCapacity: 500,
      leadTimeDays: 30,
      priceMinInr: 1000,
      priceMaxInr: 2000,
      organic: false,
      bis: false,
      samplesAvailable: true,
    } as Parameters<typeof createListing>[3]);
    await stepListing(t.db, actor, listing, { transition: "publish", version: 1 });
    return { ...owner, actor, producerId: id, listing };
  };
  const buyer = async (country = "US") => {
    const who = await person(t.db);
    const actor = await actorOf(t.db, who.userId, meta);
    await saveBuyer(
      t.db,
      actor,
      { organisation: `Importer ${who.userId}`, country, interests: "Silk" },
      null,
    );
    return { ...who, actor: await actorOf(t.db, who.userId, meta) };
  };
  const published = async (by: Awaited<ReturnType<typeof officer>>, over: Partial<EventInput> = {}) => {
    const id = await createEvent(t.db, by.actor, trainingInput(over));
    await stepEvent(t.db, by.actor, id, "publish", { version: 1 }, mail);
    return id;
  };
  const stateOf = async (id: number) =>
    String((await rows(sql`select state from event_registrations where id = ${id}`))[0]?.state);
  const mailTo = async (email: string) =>
    rows(sql`select subject, body from outbox where to_address = ${email} order by id desc`);

  it("an organiser writes an event through the form (errors named, what was typed kept), publishes it; the public sees it only then", async () => {
    const o = await officer();
    const form = {
      kind: "exhibition",
      organiser: `district:${inVaranasi.districtLgdCode}`,
      titleEn: "Banaras silk fair",
      descriptionEn: "Stalls for the district's weavers.",
      timeZone: "Asia/Kolkata",
      startDate: inDays(20),
      startTime: "10:00",
      endDate: inDays(19),
      endTime: "18:00",
      venue: "",
      country: "IN",
      sector_textiles_handloom: "on",
    };
    const bad = await o.browser.post("/events/new", form, { from: "/events/new" });
    expect(bad.status).toBe(400);
    const badHtml = await bad.text();
    expect(badHtml).toContain("The end must come after the start");
    expect(badHtml).toContain("Give the venue, or tick");
    expect(badHtml).toContain('value="Banaras silk fair"');
    const silk = Number(
      (
        await rows(
          sql`select p.id from products p join list_revisions r on r.id = p.revision_id where p.slug = 'silk-products-varanasi' and r.is_live`,
        )
      )[0]?.id,
    );
    expect(badHtml).toContain(`name="product_${silk}"`); // the district's own products are offered
    const ok = await o.browser.post("/events/new", {
      ...form,
      endDate: inDays(21),
      venue: "Trade centre",
      [`product_${silk}`]: "on",
    });
    expect(ok.status).toBe(303);
    const id = Number(/\/events\/(\d+)\/edit/.exec(ok.headers.get("Location") ?? "")?.[1]);
    expect((await app.request(`/events/${id}`)).status).toBe(404);
    const edit = await (await o.browser.get(`/events/${id}/edit`)).text();
    expect(edit).toContain('name="sector_textiles_handloom" type="checkbox" checked');
    expect((await o.browser.post(`/events/${id}/publish`, { version: versionOn(edit) })).status).toBe(303);
    const page = await (await app.request(`/events/${id}`)).text();
    expect(page).toContain("Banaras silk fair");
    expect(page).toContain("Textiles &amp; handloom");
    expect(page).toContain('href="/products/silk-products-varanasi"');
    expect(await (await app.request(`/events?product=${silk}`)).text()).toContain("Banaras silk fair");
    expect(await (await app.request(`/events?product=${silk}&kind=training`)).text()).not.toContain(
      "Banaras silk fair",
    );
    const feed = await (await app.request(`/events/${id}/calendar.ics`)).text();
    expect(feed).toContain("BEGIN:VEVENT");
    expect(feed).toContain("SUMMARY:Banaras silk fair");
    // Someone without a grant for the place cannot organise there, nor sees it among the events to manage.
    const outsider = await signedIn(app, (await person(t.db)).email);
    expect((await outsider.get(`/events/${id}/edit`)).status).toBe(404);
    expect(await (await o.browser.get("/events/manage")).text()).toContain("Banaras silk fair");
    const lucknow = await signedIn(app, (await person(t.db, "district_officer", inLucknow)).email);
    expect(await (await lucknow.get("/events/manage")).text()).not.toContain("Banaras silk fair");
    const state = await signedIn(
      app,
      (await person(t.db, "state_officer", { stateLgdCode: inVaranasi.stateLgdCode, districtLgdCode: null }))
        .email,
    );
    expect(await (await state.get("/events/manage")).text()).toContain("Banaras silk fair");
    const asState = await (await state.get(`/events/${id}/edit`)).text();
    expect(asState).toMatch(new RegExp(`<option value="district:${inVaranasi.districtLgdCode}" selected`));
  });

  it("capacity: places while there is room, then the waitlist; a withdrawal moves the first in line up and tells them", async () => {
    const o = await officer();
    const id = await published(o, { capacity: 2 });
    const people = [await producer(), await producer(), await buyer(), await buyer()];
    const regs: number[] = [];
    for (const p of people) regs.push(await register(t.db, p.actor, id, {}, mail));
    expect(await Promise.all(regs.map(stateOf))).toEqual([
      "confirmed",
      "confirmed",
      "waitlisted",
      "waitlisted",
    ]);
    expect((await mailTo(people[2]?.email as string))[0]?.body).toContain("number 1");
    expect((await mailTo(people[3]?.email as string))[0]?.body).toContain("number 2");
    await withdraw(t.db, people[0]?.actor ?? null, regs[0] as number, { version: 1 }, mail);
    expect(await Promise.all(regs.map(stateOf))).toEqual([
      "withdrawn",
      "confirmed",
      "confirmed",
      "waitlisted",
    ]);
    expect((await mailTo(people[2]?.email as string))[0]?.subject).toContain(
      "A place at Packaging for export is now yours",
    );
    const [promoted] = await rows(
      sql`select actor_user_id from audit_log where action = 'registration.promote' and entity_id = ${regs[2]}`,
    );
    expect(promoted?.actor_user_id).toBeNull(); // the system's step
    // Registering twice is refused; registering again after withdrawing joins the end of the queue.
    await expect(register(t.db, people[1]?.actor ?? null, id, {}, mail)).rejects.toThrow(
      /Cannot queue from confirmed/,
    );
    await register(t.db, people[0]?.actor ?? null, id, {}, mail);
    expect(await stateOf(regs[0] as number)).toBe("waitlisted");
  });

  it("never over capacity when many register at once, nor when several withdraw at once", async () => {
    const o = await officer();
    const id = await published(o, { capacity: 3 });
    const people = await Promise.all(Array.from({ length: 10 }, () => buyer()));
    await Promise.all(people.map((p) => register(t.db, p.actor, id, {}, mail)));
    const count = async () =>
      Object.fromEntries(
        (
          await rows(
            sql`select state, count(*)::int n from event_registrations where event_id = ${id} group by state`,
          )
        ).map((r) => [r.state, r.n]),
      );
    expect(await count()).toEqual({ confirmed: 3, waitlisted: 7 });
    const confirmed = (
      await rows(
        sql`select id, user_id from event_registrations where event_id = ${id} and state = 'confirmed'`,
      )
    ).map((r) => ({ id: Number(r.id), userId: Number(r.user_id) }));
    await Promise.all(
      confirmed.map((r) =>
        withdraw(t.db, people.find((p) => p.userId === r.userId)?.actor ?? null, r.id, { version: 1 }, mail),
      ),
    );
    expect(await count()).toEqual({ confirmed: 3, waitlisted: 4, withdrawn: 3 });
  });

  it("approval first: pending until the organiser decides; approving when full goes to the waitlist; a stale page gets 409", async () => {
    const o = await officer();
    const id = await published(o, { capacity: 1, approvalRequired: true });
    const [a, b] = [await buyer(), await buyer()];
    const ra = await register(t.db, a.actor, id, {}, mail);
    const rb = await register(t.db, b.actor, id, {}, mail);
    expect([await stateOf(ra), await stateOf(rb)]).toEqual(["pending", "pending"]);
    expect((await mailTo(o.email))[0]?.subject).toContain(
      "A registration for Packaging for export waits for your approval",
    );
    const list = await (await o.browser.get(`/events/${id}/registrations`)).text();
    expect(list).toContain(a.email);
    expect((await o.browser.post(`/events/${id}/registrations/${ra}/approve`, { version: "1" })).status).toBe(
      303,
    );
    expect(await stateOf(ra)).toBe("confirmed");
    const stale = await o.browser.post(`/events/${id}/registrations/${ra}/refuse`, { version: "1" });
    expect(stale.status).toBe(409);
    expect(await stateOf(ra)).toBe("confirmed");
    expect((await o.browser.post(`/events/${id}/registrations/${rb}/approve`, { version: "1" })).status).toBe(
      303,
    );
    expect(await stateOf(rb)).toBe("waitlisted");
    expect((await mailTo(b.email))[0]?.subject).toContain("Approved, on the waitlist");
  });

  it("check-in at the door, attendance from the paper list, outcomes only once begun; cancelling tells everyone registered", async () => {
    const o = await officer();
    const id = await published(o);
    const people = [await buyer(), await buyer(), await buyer()];
    const regs = [] as number[];
    for (const p of people) regs.push(await register(t.db, p.actor, id, {}, mail));
    expect((await o.browser.post(`/events/${id}/check-in/${regs[0]}`, { attended: "on" })).status).toBe(303);
    const door = await (await o.browser.get(`/events/${id}/check-in`)).text();
    expect(door).toContain("Checked in");
    expect(
      (
        await o.browser.post(`/events/${id}/attendance`, {
          [`attended_${regs[1]}`]: "on",
          [`attended_${regs[2]}`]: "on",
        })
      ).headers.get("Location"),
    ).toContain("done=3");
    const marked = await rows(
      sql`select id from event_registrations where event_id = ${id} and attended_at is not null`,
    );
    expect(marked.map((r) => Number(r.id)).sort()).toEqual([regs[1], regs[2]].sort());
    const early = await o.browser.post(`/events/${id}/outcomes`, { leads: "4", version: "2" });
    expect(early.status).toBe(409);
    expect(await early.text()).toContain("Outcomes are recorded once the event has begun.");
    const page = await (await o.browser.get(`/events/${id}/cancel`)).text();
    const noReason = await o.browser.post(`/events/${id}/cancel`, { version: versionOn(page) });
    expect(noReason.status).toBe(400);
    expect(
      (await o.browser.post(`/events/${id}/cancel`, { version: versionOn(page), reason: "Venue flooded" }))
        .status,
    ).toBe(303);
    expect((await mailTo(people[0]?.email as string))[0]?.body).toContain("Reason: Venue flooded");
    await expect(register(t.db, (await buyer()).actor, id, {}, mail)).rejects.toThrow(/cancelled/);
  });

  it("a meet: hours on each person's clock, wishes, matching as a job, diaries in each person's zone, moves refused on conflicts, ratings and an RFQ from a meeting", async () => {
    const o = await officer();
    const day = inDays(12);
    const id = await published(o, meetInput(day));
    const p = await producer();
    const ny = await buyer("US");
    const rp = await register(t.db, p.actor, id, {}, mail);
    await register(t.db, ny.actor, id, {}, mail);
    const pb = await browserOf(p.email);
    const bb = await browserOf(ny.email);
    // Hours: the producer 19:00–22:00 in Kolkata; the buyer 08:00–11:00 in New York (18:30–21:30 in Kolkata).
    const hours = async (v: typeof pb, zone: string, from: string, to: string) => {
      const page = await (await v.get(`/events/${id}/hours`)).text();
      return v.post(`/events/${id}/hours`, {
        version: versionOn(page),
        timeZone: zone,
        [`from_${day}`]: from,
        [`to_${day}`]: to,
      });
    };
    const refused = await hours(pb, "Asia/Kolkata", "22:00", "19:00");
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain("The end must come after the start");
    expect((await hours(pb, "Asia/Kolkata", "19:00", "22:00")).status).toBe(303);
    expect((await hours(bb, "America/New_York", "08:00", "11:00")).status).toBe(303);
    const wishes = await (await bb.get(`/events/${id}/wishes`)).text();
    expect(wishes).toContain(`Weavers ${p.userId}`);
    expect(
      (await bb.post(`/events/${id}/wishes`, { version: versionOn(wishes), [`rank_${rp}`]: "1" })).status,
    ).toBe(303);
    const schedule = await (await o.browser.get(`/events/${id}/schedule`)).text();
    expect((await o.browser.post(`/events/${id}/match`, { version: versionOn(schedule) })).status).toBe(303);
    expect(await (await o.browser.get(`/events/${id}/schedule`)).text()).toContain(
      "it runs in the background",
    );
    expect(await rows(sql`select id from meetings where event_id = ${id}`)).toHaveLength(0);
    await testJobs(t.db).runDue(new Date());
    const [m] = await rows(
      sql`select id, starts_at, tier, video_url, version from meetings where event_id = ${id}`,
    );
    expect(m?.tier).toBe("buyer");
    // The earliest slot in both people's hours: 19:00 in Kolkata, which is 08:30 in New York.
    const start = new Date(m?.starts_at as string);
    expect(
      new Intl.DateTimeFormat("en-GB", { timeZone: "Asia/Kolkata", timeStyle: "short" }).format(start),
    ).toBe("19:00");
    expect(String(m?.video_url)).toMatch(/^https:\/\/meet\.jit\.si\/odophub-\d+-[0-9a-f]{18}$/);
    const buyerDiary = await (await bb.get(`/events/${id}/diary`)).text();
    const producerDiary = await (await pb.get(`/events/${id}/diary`)).text();
    expect(buyerDiary).toContain("8:30 am GMT-5");
    expect(producerDiary).toContain("7:00 pm IST");
    expect(buyerDiary).toContain(start.toISOString());
    expect(producerDiary).toContain(start.toISOString());
    expect((await mailTo(ny.email))[0]?.subject).toContain("Your meetings at");
    expect(await (await bb.get(`/events/${id}/diary.ics`)).text()).toContain("BEGIN:VEVENT");
    // Moves: outside the buyer's hours refused, a free time inside both accepted.
    const move = (time: string, version: string) =>
      o.browser.post(`/events/${id}/meetings/${m?.id}/move`, { date: day, time, room: "1", version });
    const outside = await move("22:30", String(m?.version));
    expect(outside.status, await outside.clone().text()).toBe(409);
    expect(await outside.text()).toContain("The buyer is not free then.");
    expect((await move("20:00", String(m?.version))).status).toBe(303);
    expect((await rows(sql`select sequence from meetings where id = ${m?.id}`))[0]?.sequence).toBe(1);
    // Rating and the RFQ wait for the meeting; then (the meeting moved into the past) both rate and the buyer asks.

    const early = await bb.post(`/events/${id}/meetings/${m?.id}/rate`, { stars: "5" });
    expect(early.status).toBe(409);
    await t.db.execute(
      sql`update meetings set starts_at = now() - interval '1 hour', ends_at = now() - interval '40 minutes' where id = ${m?.id}`,
    );
    expect(
      (await bb.post(`/events/${id}/meetings/${m?.id}/rate`, { stars: "5", comment: "Good" })).status,
    ).toBe(303);
    expect((await pb.post(`/events/${id}/meetings/${m?.id}/rate`, { stars: "4" })).status).toBe(303);
    expect((await bb.post(`/events/${id}/meetings/${m?.id}/rate`, { stars: "3" })).status).toBe(409);
    const rfq = await bb.post(`/events/${id}/meetings/${m?.id}/rfq`, {
      listingId: String(p.listing),
      quantity: "200",
      neededBy: inDays(60),
    });
    expect(rfq.status, await rfq.clone().text()).toBe(303);
    const [linked] = await rows(
      sql`select r.id, r.listing_id, r.destination_country from meetings m join rfqs r on r.id = m.rfq_id where m.id = ${m?.id}`,
    );
    expect(Number(linked?.listing_id)).toBe(p.listing);
    expect(linked?.destination_country).toBe("US");
    expect(await (await bb.get(`/events/${id}/diary`)).text()).toContain(
      "A request for quotes was sent from this meeting.",
    );
  });

  it("the administrator invites an Indian Mission officer for a country, who organises that country's events only", async () => {
    const adminPerson = await person(t.db, "national_admin");
    const admin = await browserOf(adminPerson.email);
    const missing = await admin.post(
      "/account/invite",
      { email: "mission@example.org", role: "mission_officer" },
      { from: "/account/invite" },
    );
    expect(missing.status).toBe(400);
    expect(await missing.text()).toContain("Choose the country of the Mission");
    expect(
      (
        await admin.post("/account/invite", {
          email: "mission@example.org",
          role: "mission_officer",
          country: "US",
        })
      ).status,
    ).toBe(303);
    const token = await mailedToken(t.db, "mission@example.org", "invitations/accept");
    const accepted = await new Visitor(app).post(
      "/invitations/accept",
      { token, name: "Mission officer", password: "a long enough passphrase" },
      { from: `/invitations/accept?token=${token}` },
    );
    expect([200, 303]).toContain(accepted.status);
    const [grant] = await rows(
      sql`select g.role, g.country from grants g join users u on u.id = g.user_id where u.email = 'mission@example.org'`,
    );
    expect(grant).toEqual({ role: "mission_officer", country: "US" });
    const mission = await signedIn(app, "mission@example.org");
    const form = await (await mission.get("/events/new")).text();
    expect(form).toContain('value="mission:US"');
    expect(form).not.toContain('value="mission:AE"');
    const actor = await actorOf(
      t.db,
      Number((await rows(sql`select id from users where email = 'mission@example.org'`))[0]?.id),
      meta,
    );
    await expect(
      createEvent(
        t.db,
        actor,
        trainingInput({ organiser: "mission:AE", timeZone: "Asia/Dubai", country: "AE" }),
      ),
    ).rejects.toThrow(/Not allowed/);
    expect(
      await createEvent(
        t.db,
        actor,
        trainingInput({ organiser: "mission:US", timeZone: "America/New_York", country: "US" }),
      ),
    ).toBeGreaterThan(0);
  });
});
