import type { Db } from "../../platform/db";
import { indiaDateTime } from "../../platform/india-time";
import type { Actor } from "../accounts";
import { scheduleMeeting } from "./commands/meetings";
import { addMember, addUsualComposition, createCommittee } from "./commands/members";
import { addDecision, publishMinutes, saveMinutes } from "./commands/minutes";
import { agendaOf, meetingsOf } from "./queries/meetings";
import { committeeOf, membersOf } from "./queries/members";

/**
 * Demo committees for trying the platform (`npm run seed:demo`): Varanasi's DEPC and Uttar Pradesh's SEPC, with the
 * usual seats and, for the DEPC, two named demo members. Marked demo; idempotent. The names are invented and say so.
 */
export async function seedDemoCommittees(
  db: Db,
  officers: { district: Actor; state: Actor },
  place: { stateLgdCode: number; districtLgdCode: number },
): Promise<void> {
  const from = "2026-04-01";
  if (!(await committeeOf(db, { kind: "depc", districtLgdCode: place.districtLgdCode }))) {
    const id = await createCommittee(
      db,
      officers.district,
      {
        kind: "depc",
        districtLgdCode: place.districtLgdCode,
        nameEn: "District Export Promotion Committee, Varanasi (demo)",
        nameHi: "ज़िला निर्यात संवर्धन समिति, वाराणसी (डेमो)",
      },
      { isDemo: true },
    );
    await addUsualComposition(db, officers.district, id, { fromDate: from, lang: "en" });
    const { current } = await membersOf(db, id);
    if (current.length)
      await addMember(db, officers.district, id, {
        personName: "A. Demo Weaver (demo)",
        role: "special_invitee",
        designation: "Master weaver, Lohta cluster",
        fromDate: from,
      });
  }
  if (!(await committeeOf(db, { kind: "sepc", stateLgdCode: place.stateLgdCode }))) {
    const id = await createCommittee(
      db,
      officers.state,
      {
        kind: "sepc",
        stateLgdCode: place.stateLgdCode,
        nameEn: "State Export Promotion Committee, Uttar Pradesh (demo)",
        nameHi: "राज्य निर्यात संवर्धन समिति, उत्तर प्रदेश (डेमो)",
      },
      { isDemo: true },
    );
    await addUsualComposition(db, officers.state, id, { fromDate: from, lang: "en" });
  }
  const depc = await committeeOf(db, { kind: "depc", districtLgdCode: place.districtLgdCode });
  if (depc) await seedDemoMeetings(db, officers.district, depc.id);
}

const day = 24 * 3600 * 1000;

/**
 * For the DEPC: a meeting held six weeks ago with published minutes and decisions, and one in two weeks. Dates are
 * relative to today, so the demo always has one of each. The agenda is the kind a DEPC takes up (DOMAIN.md); the
 * meetings are marked demo and never reach open data. Idempotent: nothing is added to a committee with meetings.
 */
async function seedDemoMeetings(db: Db, officer: Actor, committeeId: number): Promise<void> {
  const existing = await meetingsOf(db, committeeId);
  if (existing.upcoming.length || existing.past.length) return;
  const now = Date.now();
  const held = indiaDateTime(new Date(now - 42 * day));
  const pastId = await scheduleMeeting(
    db,
    officer,
    committeeId,
    {
      date: held.date,
      time: "11:00",
      durationMinutes: 90,
      venue: "Collectorate meeting hall, Varanasi (demo)",
      agenda: [
        "Confirmation of the minutes of the previous meeting",
        "Silk Products (the district's ODOP product): packaging and design needs of exporting units",
        "Onboarding verified producers to the Government e-Marketplace (GeM)",
      ],
    },
    { isDemo: true, now: new Date(now - 60 * day) },
  );
  const after = { now: new Date(now - 41 * day) };
  const { current } = await membersOf(db, committeeId);
  const present = current.filter((m) => m.role !== "special_invitee").slice(0, 5);
  const agenda = await agendaOf(db, pastId);
  await saveMinutes(
    db,
    officer,
    pastId,
    {
      version: 1,
      present: present.map((m) => m.id),
      minutes: agenda.map((a, i) => ({
        itemId: a.id,
        text: [
          "The minutes of the previous meeting were confirmed without change.",
          "Exporting units described the cost of export-grade packaging for silk products as their main bottleneck.",
          "The committee reviewed how many verified producers of the district are not yet sellers on GeM.",
        ][i] as string,
      })),
    },
    after,
  );
  await addDecision(
    db,
    officer,
    pastId,
    {
      agendaItemId: agenda[1]?.id,
      text: "Hold a packaging and design workshop for exporting silk units with the Indian Institute of Packaging.",
      owner: "General Manager, District Industries Centre",
      dueDate: indiaDateTime(new Date(now + 30 * day)).date,
    },
    after,
  );
  await addDecision(
    db,
    officer,
    pastId,
    {
      agendaItemId: agenda[2]?.id,
      text: "Help every verified producer that wishes it to register as a seller on GeM, and report the count at the next meeting.",
      owner: "District Industries Centre",
    },
    after,
  );
  await addDecision(
    db,
    officer,
    pastId,
    {
      text: "The committee adopts the District Export Action Plan for FY 2026-27 to 2028-29 as circulated (demo).",
      owner: "General Manager, District Industries Centre",
    },
    after,
  );
  const [published] = (await meetingsOf(db, committeeId)).past;
  await publishMinutes(db, officer, pastId, published?.version ?? 0);
  const next = indiaDateTime(new Date(now + 14 * day));
  await scheduleMeeting(
    db,
    officer,
    committeeId,
    {
      date: next.date,
      time: "15:00",
      durationMinutes: 60,
      venue: "Collectorate meeting hall, Varanasi (demo)",
      agenda: [
        "Action taken on the decisions of the previous meeting",
        "Draft District Export Action Plan: target markets for silk products",
      ],
    },
    { isDemo: true },
  );
}
