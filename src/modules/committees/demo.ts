import type { Db } from "../../platform/db";
import type { Actor } from "../accounts";
import { addMember, addUsualComposition, createCommittee } from "./commands";
import { committeeOf, membersOf } from "./queries";

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
}
