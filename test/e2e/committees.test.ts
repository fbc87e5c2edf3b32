/// <reference lib="dom" />
import { sql } from "drizzle-orm";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Actor, actorOf } from "../../src/modules/accounts";
import { scheduleMeeting } from "../../src/modules/committees/commands/meetings";
import { addMember, createCommittee } from "../../src/modules/committees/commands/members";
import { addDecision, publishMinutes, saveMinutes } from "../../src/modules/committees/commands/minutes";
import { indiaDateTime } from "../../src/platform/india-time";
import { inVaranasi } from "../support/actors";
import type { TestDatabase } from "../support/database";
import { person } from "../support/people";
import { auditPage, axeAtBothWidths } from "./axe";
import { haveBrowser, signedInPage, startPortal } from "./browser";

const day = 24 * 3600 * 1000;
const withLang = (p: string, lang: "en" | "hi") =>
  lang === "hi" ? `${p}${p.includes("?") ? "&" : "?"}lang=hi` : p;

describe.runIf(haveBrowser)("committee meetings in a real browser", () => {
  let portal: Awaited<ReturnType<typeof startPortal>>;
  let t: TestDatabase;
  let base: string;
  let browser: Browser;
  let officerEmail: string;
  const ids = { committee: 0, upcoming: 0, draft: 0, published: 0 };

  beforeAll(async () => {
    portal = await startPortal();
    ({ base, browser, database: t } = portal);
    const officer = await person(t.db, "district_officer", inVaranasi);
    officerEmail = officer.email;
    const actor = (await actorOf(t.db, officer.userId, { requestId: null, ip: null })) as Actor;
    ids.committee = await createCommittee(t.db, actor, {
      kind: "depc",
      districtLgdCode: inVaranasi.districtLgdCode,
      nameEn: "District Export Promotion Committee, Varanasi",
      nameHi: "ज़िला निर्यात संवर्धन समिति, वाराणसी",
    });
    const chair = await addMember(t.db, actor, ids.committee, {
      role: "chair",
      designation: "District Magistrate",
      fromDate: "2026-01-01",
    });
    const meeting = (date: Date, agenda: string[]) => ({
      ...indiaDateTime(date),
      durationMinutes: 60,
      venue: "Collectorate meeting hall",
      agenda,
    });
    ids.upcoming = await scheduleMeeting(
      t.db,
      actor,
      ids.committee,
      meeting(new Date(Date.now() + 7 * day), ["Plan"]),
    );
    const earlier = { now: new Date(Date.now() - 30 * day) };
    for (const key of ["draft", "published"] as const) {
      const id = await scheduleMeeting(
        t.db,
        actor,
        ids.committee,
        meeting(new Date(Date.now() - (key === "draft" ? 2 : 20) * day), [
          "Silk packaging",
          "GeM onboarding",
        ]),
        earlier,
      );
      ids[key] = id;
      const items = (await t.db.execute(
        sql`select id from meeting_agenda_items where meeting_id = ${id} order by position`,
      )) as unknown as { rows: { id: number }[] };
      await saveMinutes(t.db, actor, id, {
        version: 1,
        present: [chair],
        minutes: items.rows.map((i) => ({ itemId: i.id, text: "Discussed; see the decision." })),
      });
      await addDecision(t.db, actor, id, {
        agendaItemId: items.rows[0]?.id,
        text: "Hold a packaging workshop.",
      });
      if (key === "published") await publishMinutes(t.db, actor, id, 2);
    }
  });
  afterAll(() => portal?.close());

  const officerPage = (width = 1280) => signedInPage(browser, base, officerEmail, { width });

  it("schedules a meeting from the form at phone width, with the keyboard, and lists it", async () => {
    const page = await officerPage(390);
    await page.goto(`${base}/committees/${ids.committee}/meetings/new`);
    const date = indiaDateTime(new Date(Date.now() + 10 * day)).date;
    await page.focus("#f-date");
    await page.keyboard.type(date);
    await page.keyboard.press("Tab");
    await page.keyboard.type("11:30");
    await page.fill("#f-venue", "Vikas Bhawan, Varanasi");
    await page.fill("#f-agenda", "Action taken on earlier decisions\nDraft export action plan");
    await Promise.all([page.waitForURL(/done=scheduled/), page.click("form.form button[type=submit]")]);
    expect(await page.textContent(".notice.success")).toContain("The meeting is scheduled");
    expect(await page.textContent("#meetings ~ section")).toContain("Vikas Bhawan, Varanasi");
    await page.context().close();
  });

  it.each(["en", "hi"] as const)(
    "has no axe-core WCAG 2.1 AA violations on the meeting pages (%s)",
    async (lang) => {
      const page = await officerPage();
      const c = `/committees/${ids.committee}`;
      const found: Record<string, string[]> = {};
      for (const p of [
        c,
        `${c}/meetings/new`,
        `${c}/meetings/${ids.upcoming}/edit`,
        `${c}/meetings/${ids.upcoming}/cancel`,
        `${c}/meetings/${ids.draft}/minutes`,
        `${c}/meetings/${ids.draft}/publish`,
        `${c}/meetings/${ids.published}/minutes`,
        `/committee-meetings/${ids.published}`,
        `/committee-meetings/${ids.upcoming}`,
        `/districts/${inVaranasi.districtLgdCode}/committee`,
      ])
        found[p] = await auditPage(page, base + withLang(p, lang));
      // The schedule form with its errors shown.
      await page.goto(base + withLang(`${c}/meetings/new`, lang));
      await page.click("form.form button[type=submit]");
      await page.waitForSelector("#error-summary");
      found["new (errors)"] = await axeAtBothWidths(page);
      await page.context().close();
      expect(Object.entries(found).filter(([, v]) => v.length > 0)).toEqual([]);
    },
  );
});
