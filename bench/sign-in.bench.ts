/**
 * What signing in costs: the argon2id hash alone, and the whole sign-in form through the app (throttle check, password,
 * new session, audit row, on an in-memory PGlite with the seed), against a baseline in the same run: a page of the
 * same app that reads the session but writes nothing (GET /sign-in).
 * Run: npx tsx bench/sign-in.bench.ts   (RUNS=… to change the number of timed requests)
 */
import { createApp } from "../src/app";
import { hashPassword, signUp } from "../src/modules/accounts";
import { importSeed } from "../src/modules/catalog";
import { defaultSeedDir } from "../src/platform/config";
import { openDatabase } from "../src/platform/db";
import { createLogger } from "../src/platform/logger";
import { percentile, repoRoot } from "./support";

const runs = Number(process.env.RUNS ?? 40);
const median = (xs: number[]) => percentile(xs, 50);

const database = await openDatabase({ dir: null });
await database.migrate();
await importSeed(database.db, defaultSeedDir(repoRoot));
const app = createApp({ database, logger: createLogger("silent"), trustProxy: true });
const password = "a long enough passphrase";
const meta = { requestId: null, ip: null, userAgent: null, origin: "http://localhost" };

const hash: number[] = [];
for (let i = 0; i < 10; i++) {
  const t0 = performance.now();
  await hashPassword(password);
  hash.push(performance.now() - t0);
}

const users = await Promise.all(
  Array.from({ length: runs }, async (_, i) => {
    const email = `bench${i}@example.org`;
    await signUp(database.db, { name: `Bench ${i}`, email, password, lang: "en" }, meta);
    return email;
  }),
);

/** One sign-in form round: GET the form (its token), POST it; each from its own address so none is throttled. */
async function round(email: string, i: number) {
  const headers = { "X-Forwarded-For": `198.51.100.${i % 250}` };
  const t0 = performance.now();
  const form = await app.request("/sign-in", { headers });
  const t1 = performance.now();
  const cookie = (form.headers.getSetCookie()[0] ?? "").split(";")[0] as string;
  const token = /name="_csrf" value="([^"]+)"/.exec(await form.text())?.[1] ?? "";
  const t2 = performance.now();
  const res = await app.request("/sign-in", {
    method: "POST",
    body: new URLSearchParams({ email, password, _csrf: token }),
    headers: {
      ...headers,
      Cookie: cookie,
      Origin: "http://localhost",
      "Content-Type": "application/x-www-form-urlencoded",
    },
  });
  if (res.status !== 303) throw new Error(`sign-in answered ${res.status}`);
  return { page: t1 - t0, signIn: performance.now() - t2 };
}

await round(users[0] as string, 0); // warm-up
const timings = [];
for (const [i, email] of users.entries()) timings.push(await round(email, i));
await database.close();

const page = median(timings.map((t) => t.page));
const signIn = median(timings.map((t) => t.signIn));
console.log(`argon2id hash (19 MiB, t=2, p=1), median of 10: ${median(hash).toFixed(1)} ms`);
console.log(`GET /sign-in (baseline), median of ${runs}: ${page.toFixed(1)} ms`);
console.log(
  `POST /sign-in, median of ${runs}: ${signIn.toFixed(1)} ms (${(signIn / page).toFixed(1)} × baseline), p95 ${percentile(
    timings.map((t) => t.signIn),
    95,
  ).toFixed(1)} ms`,
);
