import { parseArgs } from "node:util";
import { generateDemoListings } from "../modules/trade";
import { openForCli, runCli } from "./context";

/**
 * npm run generate:listings -- --count 1000000
 * Adds generated, demo-marked, published listings to the bazaar of DATA_DIR's database (and to its search), for
 * benchmarks only.
 * Use a separate DATA_DIR (or database): never the one that serves the public.
 */
runCli(async () => {
  const { values } = parseArgs({ options: { count: { type: "string", default: "1000000" } } });
  const count = Number(values.count);
  if (!Number.isInteger(count) || count < 1 || count > 10_000_000) {
    console.error("--count: must be a whole number from 1 to 10,000,000");
    return 1;
  }
  const { database, close } = await openForCli("generate-listings");
  try {
    const started = performance.now();
    const n = await generateDemoListings(database.db, count);
    console.log(`${n} demo listings in the bazaar (${((performance.now() - started) / 1000).toFixed(1)} s)`);
    return 0;
  } finally {
    await close();
  }
});
