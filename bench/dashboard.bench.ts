/**
 * The dashboards (issue 14) on a database with a million listings, 100,000 RFQs and 10,000 bottlenecks generated
 * (demo-marked): the national, a State's and a district's dashboard rendered afresh each time (a query parameter the
 * page ignores defeats the page cache), and once kept; bytes sent gzipped; the figures' job timed. Sequential
 * requests, one client: latency, not throughput. A bare node:http server in the same run is the baseline.
 * Data (see bench/README.md):
 *   DATA_DIR=/tmp/odop-1m npm run seed && DATA_DIR=/tmp/odop-1m npm run generate:listings -- --count 1000000 \
 *     && DATA_DIR=/tmp/odop-1m npm run generate:workload
 * Run: BENCH_DATA_DIR=/tmp/odop-1m npx tsx bench/dashboard.bench.ts
 * On PostgreSQL (the same generated there first): BENCH_DATABASE_URL=postgres://…/odop_bench npx tsx bench/dashboard.bench.ts
 */
import zlib from "node:zlib";
import { percentile, startBareServer, startProcess, waitUntilIdle } from "./support";

const dataDir = process.env.BENCH_DATA_DIR;
const url = process.env.BENCH_DATABASE_URL;
if (!dataDir && !url)
  throw new Error("Set BENCH_DATA_DIR or BENCH_DATABASE_URL (see the comment at the top)");
const n = Number(process.env.REQUESTS ?? 40);
const bare = await startBareServer(3970);
// node itself, not tsx's launcher, so that its pid is the server's (waitUntilIdle reads its CPU time).
const hub = await startProcess(
  ["node", "--import", "tsx", "src/server.ts"],
  {
    PORT: "3971",
    LOG_LEVEL: "info",
    ...(url ? { DATABASE_URL: url, DATA_DIR: "/tmp/odop-bench-dash" } : { DATA_DIR: dataDir as string }),
  },
  /listening/,
);

async function timed(path: string, fresh: boolean) {
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    const res = await fetch(`http://127.0.0.1:3971${path}${fresh ? `&bench=${i}-${Math.random()}` : ""}`, {
      headers: { "Accept-Encoding": "gzip" },
    });
    const body = Buffer.from(await res.arrayBuffer());
    times.push(performance.now() - t0);
    if (res.status !== 200) throw new Error(`${path}: ${res.status}`);
    bytes = zlib.gzipSync(body).length; // what a browser is sent (fetch unzips what it gets)
  }
  return { p50: percentile(times, 50), p95: percentile(times, 95), bytes };
}

async function bareLatency() {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await (await fetch("http://127.0.0.1:3970/")).text();
    times.push(performance.now() - t0);
  }
  return percentile(times, 50);
}

// A started server first catches up with its scheduled work: measured after it, not during it.
console.log(`(server idle after ${(await waitUntilIdle(hub.pid as number)).toFixed(0)} s of start-up work)`);
// Warm: the first request of each kind loads code and the figures' run.
for (const p of [
  "/dashboard?period=all&demo=1",
  "/states/9/dashboard?period=all&demo=1",
  "/districts/187/dashboard?period=all&demo=1",
])
  await fetch(`http://127.0.0.1:3971${p}&warm=1`);
console.log(`${url ? "PostgreSQL" : "PGlite"}, ${n} sequential requests each, medians and p95:`);
console.log(`  bare node:http hello (baseline): p50 ${(await bareLatency()).toFixed(1)} ms`);
for (const [name, path] of [
  ["national dashboard, this year", "/dashboard?demo=1"],
  ["national dashboard, everything on record", "/dashboard?period=all&demo=1"],
  ["Uttar Pradesh's dashboard", "/states/9/dashboard?period=all&demo=1"],
  ["Varanasi's dashboard", "/districts/187/dashboard?period=all&demo=1"],
  ["ranking, this year (provisional, computed)", "/ranking/2026?x=1"],
] as const) {
  const fresh = await timed(path, true);
  const kept = await timed(path, false);
  console.log(
    `  ${name}: rendered p50 ${fresh.p50.toFixed(1)} ms, p95 ${fresh.p95.toFixed(1)} ms; kept p50 ${kept.p50.toFixed(1)} ms; ${(fresh.bytes / 1024).toFixed(1)} KB gzipped`,
  );
}
bare.kill();
hub.kill("SIGTERM");
await new Promise((r) => hub.once("exit", r));
