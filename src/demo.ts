import { type Actor, actorOf } from "./modules/accounts";
import { seedDemoProposals } from "./modules/catalog";
import { seedDemoCommittees } from "./modules/committees";
import { getState } from "./modules/geo";
import { refreshInsights } from "./modules/insights";
import { seedDemoPlan } from "./modules/planning";
import { seedDemo } from "./modules/producers";
import { seedDemoCatalogue, seedDemoPromotion } from "./modules/promotion";
import { seedDemoTrade } from "./modules/trade";
import type { Db } from "./platform/db";
import type { FileStore } from "./platform/file-store";

/**
 * Demo rows of every workflow, marked demo, on a seeded registry (`npm run seed:demo`, and tests that need the
 * workflows to have run): one account per role, Varanasi's committees, plan, a proposal, the bazaar, events and a
 * catalogue, then the dashboards' figures counted.
 */
export async function seedDemoWorkflows(
  db: Db,
  opts: { password: string; store: FileStore; escalateAfterDays: number; origin: string },
) {
  const accounts = await seedDemo(db, opts.password);
  // Varanasi's DEPC and Uttar Pradesh's SEPC, recorded by the demo officers.
  const meta = { requestId: null, ip: null };
  const officer = async (role: string) =>
    (await actorOf(db, accounts.find((a) => a.role === role)?.userId as number, meta)) as Actor;
  const place = accounts[0]?.place as { stateLgdCode: number; districtLgdCode: number };
  await seedDemoCommittees(db, { district: await officer("district"), state: await officer("state") }, place);
  // The district's export action plan, adopted by the demo DEPC's decision and in implementation.
  await seedDemoPlan(
    db,
    { district: await officer("district"), state: await officer("state") },
    place.districtLgdCode,
    { escalateAfterDays: opts.escalateAfterDays, origin: opts.origin },
  );
  // One proposal of the district waiting at the State.
  const state = await getState(db, place.stateLgdCode);
  await seedDemoProposals(db, await officer("district"), place.districtLgdCode, state?.nameEn ?? "");
  // The demo buyer's profile and the demo producer's listings in the bazaar, with generated photos.
  const userOf = (role: string) => accounts.find((a) => a.role === role)?.userId as number;
  await seedDemoTrade(
    db,
    opts.store,
    {
      producerUserId: userOf("producer"),
      buyerUserId: userOf("buyer"),
      districtOfficerUserId: userOf("district"),
    },
    { origin: opts.origin },
  );
  // Past and upcoming demo events, and a buyer-seller meet with buyers on three clocks and its schedule.
  await seedDemoPromotion(
    db,
    {
      adminUserId: userOf("admin"),
      districtOfficerUserId: userOf("district"),
      producerUserId: userOf("producer"),
      buyerUserId: userOf("buyer"),
      password: opts.password,
      place,
    },
    { origin: opts.origin },
  );
  // An "A to Z of India" campaign catalogue of real products, marked demo.
  await seedDemoCatalogue(db, userOf("admin"));
  // The dashboards count the demo rows at once, rather than at the server's first figures' run.
  const figures = await refreshInsights(db);
  return { accounts, figures };
}
