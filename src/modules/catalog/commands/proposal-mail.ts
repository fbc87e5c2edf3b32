import type { Tx } from "../../../platform/db";
import { enqueueMail } from "../../../platform/outbox";
import { mailboxOf, officersFor } from "../../accounts";
import { getDistrict } from "../../geo";
import { type ProposalEvent, proposalMail } from "../proposals/mail";
import { liveRevision, productBySlug } from "../queries/registry";
import type { ProposalRow } from "./proposal-steps";

/** Where the links in mail point; without it (the demo seed, tests of other things) nothing is mailed. */
export type MailContext = { origin: string };

/** The live list's name of the product a change or removal concerns. */
async function liveProductName(tx: Tx, slug: string | null): Promise<string | null> {
  const live = slug ? await liveRevision(tx) : null;
  return live && slug ? ((await productBySlug(tx, live.id, slug))?.name ?? null) : null;
}

/** Tells the people whose move it now is (or whom it concerns), each in their language. */
export async function tell(tx: Tx, event: ProposalEvent, p: ProposalRow, mail: MailContext | undefined) {
  if (!mail) return;
  const district = await getDistrict(tx, p.districtLgdCode);
  const place = { stateLgdCode: p.stateLgdCode, districtLgdCode: p.districtLgdCode };
  const to =
    event === "submitted" || event === "withdrawn"
      ? await officersFor(tx, "state_officer", place)
      : event === "forwarded"
        ? await officersFor(tx, "national_admin", place)
        : [await mailboxOf(tx, p.proposedBy)].filter((m) => m !== null);
  for (const person of to)
    await enqueueMail(
      tx,
      proposalMail(person.lang, event, {
        to: person.email,
        id: p.id,
        product: p.name ?? (await liveProductName(tx, p.productSlug)) ?? p.productSlug ?? "",
        district: district ? { en: district.nameEn, hi: district.nameHi ?? district.nameEn } : null,
        reason: p.reason,
        origin: mail.origin,
      }),
    );
}
