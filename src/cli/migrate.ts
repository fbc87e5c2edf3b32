import { openForCli, runCli } from "./context";

/** npm run migrate: applies pending migrations (the server also does this at start). */
runCli(async () => {
  const { database, close } = await openForCli("migrate");
  await close();
  console.log(`migrations applied (${database.kind})`);
  return 0;
});
