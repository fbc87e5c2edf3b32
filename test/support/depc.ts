import type { Actor } from "../../src/modules/accounts";
import { scheduleMeeting } from "../../src/modules/committees/commands/meetings";
import { addMember, createCommittee } from "../../src/modules/committees/commands/members";
import { addDecision, publishMinutes, saveMinutes } from "../../src/modules/committees/commands/minutes";
import type { Db } from "../../src/platform/db";
import { indiaDateTime } from "../../src/platform/india-time";
import { inVaranasi } from "./actors";

const day = 24 * 3600 * 1000;

/**
 * Varanasi's (or another district's) DEPC with one member (linked to `memberEmail`'s account when given) and a meeting two days ago whose
 * published minutes hold one decision: the decision a plan is adopted against.
 */
export async function depcDecision(
  db: Db,
  officer: Actor,
  opts: {
    memberEmail?: string;
    text?: string;
    district?: { lgdCode: number; nameEn: string; nameHi: string };
  } = {},
): Promise<number> {
  const d = opts.district ?? {
    lgdCode: inVaranasi.districtLgdCode as number,
    nameEn: "Varanasi",
    nameHi: "वाराणसी",
  };
  const committee = await createCommittee(db, officer, {
    kind: "depc",
    districtLgdCode: d.lgdCode,
    nameEn: `District Export Promotion Committee, ${d.nameEn}`,
    nameHi: `ज़िला निर्यात संवर्धन समिति, ${d.nameHi}`,
  });
  const seat = await addMember(db, officer, committee, {
    role: "member",
    designation: "Lead Bank Manager",
    fromDate: "2026-01-01",
    personName: "A Member",
    ...(opts.memberEmail ? { email: opts.memberEmail } : {}),
  });
  const held = indiaDateTime(new Date(Date.now() - 2 * day));
  const meeting = await scheduleMeeting(
    db,
    officer,
    committee,
    { ...held, time: "11:00", durationMinutes: 60, venue: "Collectorate", agenda: ["Adoption of the DEAP"] },
    { now: new Date(Date.now() - 10 * day) },
  );
  await saveMinutes(db, officer, meeting, { version: 1, present: [seat], minutes: [] });
  const decisionId = await addDecision(db, officer, meeting, {
    text: opts.text ?? "The DEPC adopts the District Export Action Plan.",
  });
  await publishMinutes(db, officer, meeting, 2);
  return decisionId;
}
