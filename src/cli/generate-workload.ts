import { parseArgs } from "node:util";
import { refreshInsights } from "../modules/insights";
import { generateDemoBottlenecks } from "../modules/planning";
import { generateDemoRfqs } from "../modules/trade";
import { openForCli, runCli } from "./context";

/**
 * npm run generate:workload -- --rfqs 100000 --bottlenecks 10000
 * Adds generated, demo-marked RFQs (with quotes and orders) and bottlenecks (with a generated plan per district) to
 * DATA_DIR's database, then counts the dashboards' figures: for benchmarks only (bench/README.md). Run
 * generate:listings first: the RFQs reach the generated listings' producers.
 * Use a separate DATA_DIR (or database): never the one that serves the public.
 */
runCli(async () => {
  const { values } = parseArgs({
    options: {
      rfqs: { type: "string", default: "100000" },
      bottlenecks: { type: "string", default: "10000" },
    },
  });
  const counts = { rfqs: Number(values.rfqs), bottlenecks: Number(values.bottlenecks) };
  for (const [name, n] of Object.entries(counts))
    if (!Number.isInteger(n) || n < 0 || n > 10_000_000) {
      console.error(`--${name}: must be a whole number from 0 to 10,000,000`);
      return 1;
    }
  const { database, close } = await openForCli("generate-workload");
  try {
    const timed = async <T>(what: string, work: () => Promise<T>) => {
      const t0 = performance.now();
      const result = await work();
      console.log(`${what}: ${JSON.stringify(result)} (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
      return result;
    };
    if (counts.rfqs > 0) await timed("demo RFQs", () => generateDemoRfqs(database.db, counts.rfqs));
    if (counts.bottlenecks > 0)
      await timed("demo bottlenecks", () => generateDemoBottlenecks(database.db, counts.bottlenecks));
    await timed("dashboard figures", () => refreshInsights(database.db));
    return 0;
  } finally {
    await close();
  }
});
