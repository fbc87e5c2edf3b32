import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inLucknow, inVaranasi } from "../../../test/support/actors";
import { freshDatabase, type TestDatabase } from "../../../test/support/database";
import { testJobs } from "../../../test/support/jobs";
import { person, signedIn } from "../../../test/support/people";
import type { Visitor } from "../../../test/support/visitor";
import { createApp } from "../../app";
import { buildAllOpenData } from "../../open-data-sources";
import { indiaDateTime } from "../../platform/india-time";
import { createLogger } from "../../platform/logger";
import { type Actor, actorOf } from "../accounts";
import { scheduleMeeting } from "./commands/meetings";
import { addMember, createCommittee } from "./commands/members";

type Row = Record<string, unknown>;
const day = 24 * 3600 * 1000;
const inDays = (n: number) => indiaDateTime(new Date(Date.now() + n * day));
const meta = { requestId: null, ip: null };

describe("committee meetings, minutes and decisions", () => {
  let t: TestDatabase;
  let app: ReturnType<typeof createApp>;
  let officer: Visitor;
  let officerActor: Actor;
  let committeeId: number;
  let hindiMember: { email: string };
  let englishMember: { email: string };
  let memberIds: number[];
  const rows = async (q: ReturnType<typeof sql>) =>
    ((await t.db.execute(q)) as unknown as { rows: Row[] }).rows;
  const fresh = () => createApp({ database: t, logger: createLogger("silent") }); // public pages, uncached
  const versionOn = (html: string) => /name="version" value="(\d+)"/.exec(html)?.[1] as string;
  const meetingFields = (over: Record<string, string> = {}) => ({
    date: inDays(10).date,
    time: "11:00",
    durationMinutes: "90",
    venue: "Collectorate meeting hall",
    videoLink: "https://meet.example.gov.in/depc",
    agenda: "1. Packaging for silk exporters\n2. GeM onboarding\n",
    ...over,
  });

  beforeAll(async () => {
    t = await freshDatabase({ seeded: true });
    app = createApp({ database: t, logger: createLogger("silent") });
    const o = await person(t.db, "district_officer", inVaranasi);
    officer = await signedIn(app, o.email);
    officerActor = (await actorOf(t.db, o.userId, meta)) as Actor;
    committeeId = await createCommittee(t.db, officerActor, {
      kind: "depc",
      districtLgdCode: inVaranasi.districtLgdCode,
      nameEn: "District Export Promotion Committee, Varanasi",
      nameHi: "ज़िला निर्यात संवर्धन समिति, वाराणसी",
    });
    hindiMember = await person(t.db);
    englishMember = await person(t.db);
    await t.db.execute(sql`update users set lang = 'hi' where email = ${hindiMember.email}`);
    const seat = { role: "member" as const, designation: "Lead Bank Manager", fromDate: "2026-01-01" };
    memberIds = [
      await addMember(t.db, officerActor, committeeId, {
        ...seat,
        personName: "A",
        email: hindiMember.email,
      }),
      await addMember(t.db, officerActor, committeeId, {
        ...seat,
        personName: "B",
        email: englishMember.email,
      }),
      await addMember(t.db, officerActor, committeeId, {
        ...seat,
        role: "chair",
        designation: "District Magistrate",
      }),
    ];
  });
  afterAll(() => t.dispose());

  const mailTo = async (email: string) =>
    (await rows(
      sql`select subject, body, attachments from outbox where to_address = ${email} and body not like '%verify-email%' order by id`,
    )) as {
      subject: string;
      body: string;
      attachments: { filename: string; contentType: string; content: string }[];
    }[];

  it("refuses a bad notice on its field, in both languages, and keeps what was typed", async () => {
    const before = await rows(sql`select count(*)::int as n from committee_meetings`);
    const cases: [Record<string, string>, string, string, string][] = [
      [{ date: inDays(-1).date }, "date", "The date and time have passed", "यह तारीख और समय बीत चुके हैं"],
      [{ agenda: "\n \n" }, "agenda", "Enter this field", "यह फ़ील्ड भरें"],
      [{ agenda: "-  \n*\n" }, "agenda", "Enter at least one agenda item", "कार्यसूची की कम से कम एक मद लिखें"],
      [
        { venue: "", videoLink: "" },
        "venue",
        "Give a venue, a video link or both",
        "स्थान, वीडियो लिंक या दोनों दें",
      ],
      [
        { videoLink: "http://meet.example/x" },
        "videoLink",
        "Enter an https:// address",
        "https:// वाला पता लिखें",
      ],
      [{ time: "25:00" }, "time", "Enter a time as HH:MM", "समय HH:MM के रूप में लिखें"],
      [{ date: "2026-02-30" }, "date", "Enter a date as YYYY-MM-DD", "तारीख YYYY-MM-DD के रूप में लिखें"],
    ];
    for (const [over, field, en, hi] of cases)
      for (const [lang, text] of [
        ["en", en],
        ["hi", hi],
      ] as const) {
        const path = `/committees/${committeeId}/meetings/new${lang === "hi" ? "?lang=hi" : ""}`;
        const res = await officer.post(path, meetingFields(over), { from: path });
        expect(res.status, `${field} ${lang}`).toBe(400);
        const html = await res.text();
        expect(html).toContain(text);
        expect(html).toContain(`href="#f-${field}"`);
        // Nothing typed is lost.
        for (const [k, v] of Object.entries(meetingFields(over)))
          if (v.trim() && k !== "agenda") expect(html, k).toContain(`value="${v}"`);
      }
    expect(await rows(sql`select count(*)::int as n from committee_meetings`)).toEqual(before);
  });

  it("sends the notice with an invitation in each member's language; a change updates it, a cancellation cancels it", async () => {
    const path = `/committees/${committeeId}/meetings/new`;
    const made = await officer.post(path, meetingFields(), { from: path });
    expect(made.status).toBe(303);
    const [meeting] = await rows(
      sql`select id, state, sequence from committee_meetings order by id desc limit 1`,
    );
    const id = meeting?.id as number;
    expect(meeting).toMatchObject({ state: "scheduled", sequence: 0 });

    const [hi] = await mailTo(hindiMember.email);
    expect(hi?.subject).toContain("ज़िला निर्यात संवर्धन समिति, वाराणसी की बैठक");
    expect(hi?.body).toContain("1. Packaging for silk exporters");
    expect(hi?.body).toContain("https://meet.example.gov.in/depc"); // members get the link
    expect(hi?.body).toContain(`/committee-meetings/${id}?lang=hi`);
    const ics = hi?.attachments[0];
    expect(ics?.filename).toBe("meeting.ics");
    expect(ics?.contentType).toContain("method=REQUEST");
    expect(ics?.content).toMatch(/METHOD:REQUEST/);
    expect(ics?.content).toMatch(new RegExp(`UID:committee-meeting-${id}@localhost`));
    expect(ics?.content).toMatch(/SEQUENCE:0/);
    // 11:00 in India is 05:30 UTC.
    expect(ics?.content).toContain(`DTSTART:${inDays(10).date.replaceAll("-", "")}T053000Z`);
    const [en] = await mailTo(englishMember.email);
    expect(en?.subject).toContain("Meeting of District Export Promotion Committee, Varanasi");

    // The public page shows it without the video link.
    const pub = await (await fresh().request(`/committee-meetings/${id}`)).text();
    expect(pub).toContain("Packaging for silk exporters");
    expect(pub).toContain("Online (video conference)");
    expect(pub).not.toContain("meet.example.gov.in");

    const edit = `/committees/${committeeId}/meetings/${id}/edit`;
    const form = await (await officer.get(edit)).text();
    expect(form).toContain('value="11:00"');
    const version = versionOn(form);
    const changed = await officer.post(edit, { ...meetingFields({ time: "15:30" }), version });
    expect(changed.status).toBe(303);
    const stale = await officer.post(edit, { ...meetingFields({ time: "16:00" }), version }, { from: edit });
    expect(stale.status).toBe(409);
    expect(await stale.text()).toContain('value="15:30"'); // shown as it now is
    const update = (await mailTo(englishMember.email)).at(-1);
    expect(update?.subject).toContain("Changed: meeting of");
    expect(update?.attachments[0]?.content).toMatch(/SEQUENCE:1/);
    expect(update?.attachments[0]?.content).toContain(
      `DTSTART:${inDays(10).date.replaceAll("-", "")}T100000Z`,
    );

    const cancel = `/committees/${committeeId}/meetings/${id}/cancel`;
    const cancelForm = await (await officer.get(cancel)).text();
    expect(
      (await officer.post(cancel, { version: versionOn(cancelForm), reason: "" }, { from: cancel })).status,
    ).toBe(400);
    const gone = await officer.post(
      cancel,
      { version: versionOn(cancelForm), reason: "The Collector is called to the State capital." },
      { from: cancel },
    );
    expect(gone.status).toBe(303);
    const cancellation = (await mailTo(hindiMember.email)).at(-1);
    expect(cancellation?.subject).toContain("रद्द");
    expect(cancellation?.attachments[0]?.content).toMatch(/METHOD:CANCEL/);
    expect(cancellation?.attachments[0]?.content).toMatch(/STATUS:CANCELLED/);
    expect(cancellation?.attachments[0]?.content).toMatch(/SEQUENCE:2/);
    // A cancelled meeting cannot be changed again.
    const again = await officer.post(
      edit,
      { ...meetingFields(), version: String(Number(version) + 2) },
      { from: edit },
    );
    expect(again.status).toBe(409);
    expect(await again.text()).toContain("This meeting can no longer be changed this way: Cancelled.");
    expect(await (await fresh().request(`/committee-meetings/${id}`)).text()).toContain(
      "The Collector is called to the State capital.",
    );
    expect(
      (
        await rows(
          sql`select action from audit_log where entity_type = 'committee_meeting' and entity_id = ${String(id)} order by id`,
        )
      ).map((r) => r.action),
    ).toEqual(["meeting.schedule", "meeting.reschedule", "meeting.cancel"]);
  });

  it("records attendance, minutes and decisions as a draft, then publishes them with a printable PDF", async () => {
    const held = inDays(-2);
    const id = await scheduleMeeting(
      t.db,
      officerActor,
      committeeId,
      {
        date: held.date,
        time: "10:00",
        durationMinutes: 60,
        venue: "Vikas Bhawan",
        agenda: ["Silk packaging", "GeM"],
      },
      { now: new Date(Date.now() - 5 * day) },
    );
    const minutesPath = `/committees/${committeeId}/meetings/${id}/minutes`;
    const page = await (await officer.get(minutesPath)).text();
    const items = [...page.matchAll(/name="minutes-(\d+)"/g)].map((m) => m[1] as string);
    expect(items).toHaveLength(2);

    // A member of another committee, or an item of another meeting, is refused on its field and nothing is saved.
    const bad = await officer.post(minutesPath, {
      version: versionOn(page),
      "present-999999": "on",
      [`minutes-${items[0]}`]: "Discussed.",
    });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("Was not a member on the meeting&#39;s day");
    const saved = await officer.post(
      minutesPath,
      {
        version: versionOn(page),
        [`present-${memberIds[0]}`]: "on",
        [`present-${memberIds[2]}`]: "on",
        [`minutes-${items[0]}`]: "Exporters asked for export-grade packaging.",
        [`minutes-${items[1]}`]: "",
      },
      { from: minutesPath },
    );
    expect(saved.status).toBe(303);
    const noText = await officer.post(
      `${minutesPath.replace("/minutes", "/decisions")}`,
      { text: "" },
      { from: minutesPath },
    );
    expect(noText.status).toBe(400);
    const added = await officer.post(
      minutesPath.replace("/minutes", "/decisions"),
      {
        agendaItemId: items[0] as string,
        text: "Hold a packaging workshop for silk exporters.",
        owner: "GM, DIC",
        dueDate: inDays(30).date,
      },
      { from: minutesPath },
    );
    expect(added.status).toBe(303);
    const [decision] = await rows(sql`select id from committee_decisions where meeting_id = ${id}`);

    // A draft is not public.
    const draftPublic = await (await fresh().request(`/committee-meetings/${id}`)).text();
    expect(draftPublic).not.toContain("Exporters asked for export-grade packaging.");
    expect((await fresh().request(`/committee-meetings/${id}/minutes.pdf`)).status).toBe(404);

    const publish = `/committees/${committeeId}/meetings/${id}/publish`;
    const confirm = await (await officer.get(publish)).text();
    expect(confirm).toContain("Attendance: 2 · Decisions: 1");
    expect((await officer.post(publish, { version: versionOn(confirm) }, { from: publish })).status).toBe(
      303,
    );
    const pub = await (await fresh().request(`/committee-meetings/${id}`)).text();
    expect(pub).toContain("Exporters asked for export-grade packaging.");
    expect(pub).toContain(`id="decision-${decision?.id}"`);
    expect(pub).toContain("District Magistrate (Chair)");
    expect(pub).toContain("Minutes published");
    expect(pub).not.toContain("B, Lead Bank Manager"); // absent

    // The PDF is rendered by a job, never inside the request: until it has run, the reader is asked to wait.
    const waiting = await fresh().request(`/committee-meetings/${id}/minutes.pdf`);
    expect(waiting.status).toBe(202);
    expect(waiting.headers.get("Retry-After")).toBe("3");
    await testJobs(t.db).runDue();
    for (const lang of ["en", "hi"]) {
      const pdf = await fresh().request(`/committee-meetings/${id}/minutes.pdf?lang=${lang}`);
      expect(pdf.status).toBe(200);
      expect(pdf.headers.get("Content-Type")).toBe("application/pdf");
      const bytes = Buffer.from(await pdf.arrayBuffer());
      expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");
      const text = bytes.toString("latin1");
      expect(text).toContain("/FontFile2"); // fonts embedded, not referenced
      expect(text).toContain("NotoSans");
      if (lang === "hi") expect(text).toContain("NotoSansDevanagari");
    }

    // They are open data: the API lists the decision with its page; the open-data files hold it.
    const api = (await (
      await fresh().request(`/api/v1/committee-decisions?district=${inVaranasi.districtLgdCode}`)
    ).json()) as {
      items: { id: number; text: string; page: string }[];
    };
    expect(api.items).toContainEqual(
      expect.objectContaining({
        id: decision?.id,
        text: "Hold a packaging workshop for silk exporters.",
        page: `/committee-meetings/${id}#decision-${decision?.id}`,
      }),
    );
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "odop-committee-open-data-"));
    try {
      const manifest = await buildAllOpenData(t.db, dir);
      const csv = fs.readFileSync(path.join(dir, manifest.version, "committee-decisions.csv"), "utf8");
      expect(csv).toContain("Hold a packaging workshop for silk exporters.");
      const meetings = fs.readFileSync(path.join(dir, manifest.version, "committee-meetings.json"), "utf8");
      expect(meetings).toContain("Vikas Bhawan");
      expect(meetings).not.toContain("meet.example.gov.in"); // video links go to members only
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }

    // Published minutes do not change: no more decisions, no removal.
    const late = await officer.post(
      minutesPath.replace("/minutes", "/decisions"),
      { text: "A late addition to the minutes." },
      { from: `/committees/${committeeId}` }, // the minutes page has no form any more
    );
    expect(late.status).toBe(409);
    const removal = `/committees/${committeeId}/meetings/${id}/decisions/${decision?.id}/remove`;
    expect((await officer.post(removal, {}, { from: `/committees/${committeeId}` })).status).toBe(409);
    const published = (await mailTo(hindiMember.email)).at(-1);
    expect(published?.subject).toContain("कार्यवृत्त प्रकाशित");
  });

  it("will not take minutes before the meeting, nor publish minutes nobody attended", async () => {
    const soon = await scheduleMeeting(t.db, officerActor, committeeId, {
      date: inDays(3).date,
      time: "11:00",
      durationMinutes: 60,
      venue: "Vikas Bhawan",
      agenda: ["Plan"],
    });
    const early = `/committees/${committeeId}/meetings/${soon}/minutes`;
    const page = await (await officer.get(early)).text();
    expect(page).toContain("The meeting has not begun yet");
    expect(page).not.toContain('name="minutes-');
    const tried = await officer.post(early, { version: "1" }, { from: `/committees/${committeeId}` });
    expect(tried.status).toBe(409);

    const past = await scheduleMeeting(
      t.db,
      officerActor,
      committeeId,
      { date: inDays(-1).date, time: "11:00", durationMinutes: 60, venue: "Vikas Bhawan", agenda: ["Plan"] },
      { now: new Date(Date.now() - 3 * day) },
    );
    const minutes = `/committees/${committeeId}/meetings/${past}/minutes`;
    const form = await (await officer.get(minutes)).text();
    expect((await officer.post(minutes, { version: versionOn(form) }, { from: minutes })).status).toBe(303);
    const publish = `/committees/${committeeId}/meetings/${past}/publish`;
    const confirm = await (await officer.get(publish)).text();
    const refused = await officer.post(publish, { version: versionOn(confirm) }, { from: publish });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain("Nobody is recorded present.");
    expect(await rows(sql`select state from committee_meetings where id = ${past}`)).toEqual([
      { state: "held" },
    ]);
    // The officer's account page lists it as waiting for its minutes.
    expect(await (await officer.get("/account")).text()).toContain(
      `/committees/${committeeId}/meetings/${past}/minutes`,
    );
  });

  it("keeps demo committees' meetings out of the open data", async () => {
    const lucknowOfficer = await person(t.db, "district_officer", inLucknow);
    const actor = (await actorOf(t.db, lucknowOfficer.userId, meta)) as Actor;
    const demo = await createCommittee(
      t.db,
      actor,
      {
        kind: "depc",
        districtLgdCode: inLucknow.districtLgdCode,
        nameEn: "Demo DEPC (demo)",
        nameHi: "डेमो समिति (डेमो)",
      },
      { isDemo: true },
    );
    await scheduleMeeting(
      t.db,
      actor,
      demo,
      {
        date: inDays(4).date,
        time: "10:00",
        durationMinutes: 30,
        venue: "Demo hall (demo)",
        agenda: ["Demo"],
      },
      { isDemo: true },
    );
    const api = await (await fresh().request("/api/v1/committee-meetings?limit=1000")).text();
    expect(api).not.toContain("Demo hall (demo)");
    expect(api).not.toContain("Demo DEPC");
  });

  it("keeps another district's officer out of every meeting page", async () => {
    const id = await scheduleMeeting(t.db, officerActor, committeeId, {
      date: inDays(5).date,
      time: "11:00",
      durationMinutes: 60,
      venue: "Vikas Bhawan",
      agenda: ["Plan"],
    });
    const lucknow = await signedIn(app, (await person(t.db, "district_officer", inLucknow)).email);
    const base = `/committees/${committeeId}/meetings`;
    for (const path of [
      `${base}/new`,
      `${base}/${id}/edit`,
      `${base}/${id}/cancel`,
      `${base}/${id}/minutes`,
      `${base}/${id}/publish`,
    ])
      expect((await lucknow.get(path)).status, path).toBe(403);
    await lucknow.get("/account");
    for (const path of [`${base}/new`, `${base}/${id}/edit`, `${base}/${id}/cancel`, `${base}/${id}/publish`])
      expect(
        (await lucknow.post(path, { ...meetingFields(), version: "1", reason: "Not mine to cancel" })).status,
        path,
      ).toBe(403);
    expect(await rows(sql`select state, version from committee_meetings where id = ${id}`)).toEqual([
      { state: "scheduled", version: 1 },
    ]);
  });
});
