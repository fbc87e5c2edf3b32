import { parseArgs } from "node:util";
import { seedDemo } from "../modules/producers";
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
  const { database, close } = await openForCli("seed-demo");
  try {
    const accounts = await seedDemo(database.db, values.password as string);
    for (const a of accounts)
      console.log(`${a.created ? "created" : "exists "}  ${a.role.padEnd(9)} ${a.email}`);
    console.log(`password: ${values.password}`);
    return 0;
  } finally {
    await close();
  }
});
