import { parseArgs } from "node:util";
import { type Actor, actorOf } from "../modules/accounts";
import { importSeed, seedDemoProposals } from "../modules/catalog";
import { seedDemoCommittees } from "../modules/committees";
import { getState } from "../modules/geo";
import { refreshInsights } from "../modules/insights";
import { seedDemoPlan } from "../modules/planning";
import { seedDemo } from "../modules/producers";
import { seedDemoCatalogue, seedDemoPromotion } from "../modules/promotion";
import { seedDemoTrade } from "../modules/trade";
import { configuredFileStore } from "../platform/file-store";
import { openForCli, runCli } from "./context";

/**
 * npm run seed:demo [-- --password …]
 * One demo account per role (administrator, State officer, district officer, producer, buyer), marked demo. For
 * trying the platform locally: never on a server that serves the public (the password is in the README).
 */
runCli(async () => {
  const { values } = parseArgs({ options: { password: { type: "string", default: "demo-password-2026" } } });
  if ((values.password ?? "").length < 10) {
    console.error("--password: at least 10 characters");
    return 1;
  }
  const { config, database, close } = await openForCli("seed-demo");
  try {
    // A fresh data folder has no registry yet: import the real seed first (nothing happens if it is there).
    const seeded = await importSeed(database.db, config.seedDir);
    if (seeded.outcome === "imported") console.log("seed data imported first (the registry was empty)");
    const accounts = await seedDemo(database.db, values.password as string);
    // Varanasi's DEPC and Uttar Pradesh's SEPC, recorded by the demo officers.
    const meta = { requestId: null, ip: null };
    const officer = async (role: string) =>
      (await actorOf(database.db, accounts.find((a) => a.role === role)?.userId as number, meta)) as Actor;
    const place = accounts[0]?.place as { stateLgdCode: number; districtLgdCode: number };
    await seedDemoCommittees(
      database.db,
      { district: await officer("district"), state: await officer("state") },
      place,
    );
    // The district's export action plan, adopted by the demo DEPC's decision and in implementation.
    await seedDemoPlan(
      database.db,
      { district: await officer("district"), state: await officer("state") },
      place.districtLgdCode,
      { escalateAfterDays: config.escalateAfterDays, origin: config.publicOrigin },
    );
    // One proposal of the district waiting at the State.
    const state = await getState(database.db, place.stateLgdCode);
    await seedDemoProposals(
      database.db,
      await officer("district"),
      place.districtLgdCode,
      state?.nameEn ?? "",
    );
    // The demo buyer's profile and the demo producer's listings in the bazaar, with generated photos.
    const userOf = (role: string) => accounts.find((a) => a.role === role)?.userId as number;
    await seedDemoTrade(
      database.db,
      configuredFileStore(config),
      {
        producerUserId: userOf("producer"),
        buyerUserId: userOf("buyer"),
        districtOfficerUserId: userOf("district"),
      },
      { origin: config.publicOrigin },
    );
    // Past and upcoming demo events, and a buyer-seller meet with buyers on three clocks and its schedule.
    await seedDemoPromotion(
      database.db,
      {
        adminUserId: userOf("admin"),
        districtOfficerUserId: userOf("district"),
        producerUserId: userOf("producer"),
        buyerUserId: userOf("buyer"),
        password: values.password as string,
        place,
      },
      { origin: config.publicOrigin },
    );
    // An "A to Z of India" campaign catalogue of real products, marked demo.
    await seedDemoCatalogue(database.db, userOf("admin"));
    // The dashboards count the demo rows at once, rather than at the server's first figures' run.
    const figures = await refreshInsights(database.db);
    console.log(`dashboard figures counted: ${figures.rows} rows in ${figures.millis} ms`);
    for (const a of accounts)
      console.log(`${a.created ? "created" : "exists "}  ${a.role.padEnd(9)} ${a.email}`);
    console.log(`password: ${values.password}`);
    return 0;
  } finally {
    await close();
  }
});
