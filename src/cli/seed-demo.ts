import { parseArgs } from "node:util";
import { seedDemoWorkflows } from "../demo";
import { importSeed } from "../modules/catalog";
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
    const { accounts, figures } = await seedDemoWorkflows(database.db, {
      password: values.password as string,
      store: configuredFileStore(config),
      escalateAfterDays: config.escalateAfterDays,
      origin: config.publicOrigin,
    });
    console.log(`dashboard figures counted: ${figures.rows} rows in ${figures.millis} ms`);
    for (const a of accounts)
      console.log(`${a.created ? "created" : "exists "}  ${a.role.padEnd(9)} ${a.email}`);
    console.log(`password: ${values.password}`);
    return 0;
  } finally {
    await close();
  }
});
