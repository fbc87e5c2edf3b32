/**
 * Export action plans (issue 11). Goals: the public plan page ≤ 60 KB gzipped; the PDF of a plan with 50 actions in
 * under 1 s; an escalation pass over 10,000 overdue bottlenecks in under 5 s on PGlite.
 * Each run: a fresh on-disk PGlite with the real seed; Varanasi's plan written through the commands with two
 * products, targets for three years, 10 interventions of 5 actions each (50 actions, all reported) and 8 bottlenecks,
 * adopted by its committee's decision. Then 10,000 bottlenecks due long ago spread over 20 plans of Uttar Pradesh's
 * districts (inserted in bulk: they exist only in this throwaway database) for the escalation pass.
 * Baselines in the same run: the district's public page (same layout, no plan) for the page; a one-paragraph PDF
 * (fonts embedded, nothing else) for the PDF; a pass with nothing due for the escalation.
 * Run: npx tsx bench/plans.bench.ts  (RUNS=5 for more runs)
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { sql } from "drizzle-orm";
import { createApp } from "../src/app";
import { actorOf, createDemoUser } from "../src/modules/accounts";
import { importSeed } from "../src/modules/catalog";
import { listDistricts } from "../src/modules/geo";
import { escalationPass } from "../src/modules/planning";
import { createBottleneck } from "../src/modules/planning/commands/bottlenecks";
import { addIntervention, reportProgress } from "../src/modules/planning/commands/interventions";
import { addPlanProduct, saveTargets } from "../src/modules/planning/commands/plan-parts";
import { createPlan, movePlan } from "../src/modules/planning/commands/plans";
import { planPdf } from "../src/modules/planning/pages/plan-pdf";
import { interventionsOfPlan } from "../src/modules/planning/queries/parts";
import { planById } from "../src/modules/planning/queries/plans";
import { defaultSeedDir } from "../src/platform/config";
import { openDatabase } from "../src/platform/db";
import { createLogger } from "../src/platform/logger";
import { renderPdf } from "../src/web/pdf";
import { depcDecision } from "../test/support/depc";
import { percentile } from "./support";

const runs = Number(process.env.RUNS ?? 3);
const seedDir = process.env.SEED_DIR ?? defaultSeedDir(path.resolve(import.meta.dirname, ".."));
const median = (xs: number[]) => percentile(xs, 50);
const UP = 9;
const VARANASI = 187;
const out = {
  districtPageMs: [] as number[],
  planPageMs: [] as number[],
  gzipBytes: [] as number[],
  rawBytes: [] as number[],
  districtGzipBytes: [] as number[],
  tinyPdfMs: [] as number[],
  pdfMs: [] as number[],
  idlePassMs: [] as number[],
  passMs: [] as number[],
  escalated: [] as number[],
};
const timed = async <T>(f: () => Promise<T>): Promise<[T, number]> => {
  const t0 = performance.now();
  const r = await f();
  return [r, performance.now() - t0];
};

for (let run = 0; run < runs; run++) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "odop-bench-plans-"));
  const database = await openDatabase({ dir });
  await database.migrate();
  await importSeed(database.db, seedDir);
  const db = database.db;
  const place = { stateLgdCode: UP, districtLgdCode: VARANASI };
  const { userId } = await createDemoUser(db, {
    email: "officer@bench.invalid",
    name: "Bench officer",
    password: "bench-password-2026",
    role: "district_officer",
    place,
  });
  const officer = await actorOf(db, userId, { requestId: "bench", ip: null });
  if (!officer) throw new Error("no officer");
  const decisionId = await depcDecision(db, officer);
  const id = await createPlan(db, officer, { districtLgdCode: VARANASI, fromYear: 2026, toYear: 2028 });
  const version = async () => (await planById(db, id))?.version ?? 0;
  for (const [name, hs, markets] of [
    ["Silk products", ["5007", "6214"], ["AE", "US", "GB", "DE", "JP"]],
    ["Brocade home furnishings", ["6304", "5809"], ["US", "FR", "IT", "AU"]],
  ] as const)
    await addPlanProduct(db, officer, id, {
      version: await version(),
      name,
      hsHeadings: [...hs],
      markets: markets.map((country) => ({
        country,
        why: "Buyers of Indian textiles; duty cuts under a trade agreement.",
      })),
    });
  await saveTargets(db, officer, id, {
    version: await version(),
    cells: ["export_inr", "export_usd", "producers"].flatMap((measure) =>
      [2026, 2027, 2028].map((year, k) => ({ measure, year, value: 100 * (k + 1) })),
    ),
  });
  for (let i = 1; i <= 10; i++) {
    const parentId = await addIntervention(db, officer, id, {
      title: `Intervention ${i}: design, packaging and market creation for the district's silk`,
      owner: "District Industries Centre",
      startsOn: "2026-04-01",
      endsOn: "2027-03-31",
      weight: i,
    });
    for (let a = 1; a <= 5; a++)
      await addIntervention(db, officer, id, {
        parentId,
        title: `Action ${i}.${a}: workshop, clinic or buyer-seller meet with its partner institution`,
        owner: "Weavers' Service Centre",
        startsOn: "2026-06-01",
        endsOn: "2027-01-31",
        weight: a,
      });
  }
  for (let b = 1; b <= 8; b++)
    await createBottleneck(db, officer, id, {
      category: "testing",
      description: `Bottleneck ${b}: no accredited laboratory for silk within reach of the clusters`,
      severity: "high",
      ownerAgency: "Textiles Committee",
      dueDate: "2027-03-31",
    });
  await movePlan(db, officer, id, { version: await version(), step: "circulate" });
  await movePlan(db, officer, id, { version: await version(), step: "adopt", decisionId });
  for (const n of (await interventionsOfPlan(db, id)).nodes)
    if (n.parentId !== null)
      await reportProgress(db, officer, n.id, {
        version: n.version,
        progress: (n.id * 7) % 100,
        status: "in_progress",
      });

  // The public page, gzipped as the server sends it; baseline: the district's own page.
  const app = createApp({ database, logger: createLogger("silent") });
  const page = async (url: string) => {
    const [res, ms] = await timed(async () => app.request(url, { headers: { "Accept-Encoding": "gzip" } }));
    const body = Buffer.from(await res.arrayBuffer());
    const html =
      res.headers.get("Content-Encoding") === "gzip" ? zlib.gunzipSync(body).toString() : body.toString();
    // What is measured must be the whole plan: its last action, its last bottleneck.
    if (url.includes("export-plan") && !(html.includes("Action 10.5") && html.includes("Bottleneck 8")))
      throw new Error("the plan page does not show the whole plan");
    return {
      ms,
      raw: Buffer.byteLength(html),
      bytes: res.headers.get("Content-Encoding") === "gzip" ? body.length : zlib.gzipSync(body).length,
    };
  };
  for (let k = 0; k < 5; k++) {
    // Distinct query strings: each request is rendered, never answered from the page cache.
    const d = await page(`/districts/${VARANASI}?k=${run}-${k}`);
    const p = await page(`/districts/${VARANASI}/export-plan?k=${run}-${k}`);
    out.districtPageMs.push(d.ms);
    out.districtGzipBytes.push(d.bytes);
    out.planPageMs.push(p.ms);
    out.gzipBytes.push(p.bytes);
    out.rawBytes.push(p.raw);
  }

  // The PDF of the plan with its 50 actions, in English and Hindi; baseline: a one-paragraph PDF.
  const plan = await planById(db, id);
  if (!plan) throw new Error("no plan");
  for (const lang of ["en", "hi", "en", "hi"] as const) {
    out.tinyPdfMs.push(
      (
        await timed(() =>
          renderPdf({ title: "x", lang, blocks: [{ kind: "paragraph", text: "x" }], footer: "x" }),
        )
      )[1],
    );
    out.pdfMs.push((await timed(() => planPdf(db, plan, lang)))[1]);
  }

  // 10,000 bottlenecks due long ago over 20 plans of the State's districts, for one escalation pass.
  const districts = (await listDistricts(db, { stateLgdCode: UP }))
    .filter((d) => d.lgdCode !== VARANASI)
    .slice(0, 20);
  for (const d of districts)
    await db.execute(sql`
      with p as (
        insert into export_plans (state_lgd_code, district_lgd_code, from_year, to_year, state, created_by)
        values (${UP}, ${d.lgdCode}, 2026, 2028, 'in_implementation', ${userId}) returning id
      )
      insert into bottlenecks (plan_id, state_lgd_code, district_lgd_code, category, description, severity,
        owner_agency, due_date, status)
      select p.id, ${UP}, ${d.lgdCode}, 'logistics', 'Bench bottleneck ' || g, 'medium', 'Agency', date '2026-01-01', 'open'
      from p, generate_series(1, 500) g`);
  const mail = { origin: "http://localhost" };
  out.idlePassMs.push((await timed(() => escalationPass(db, { afterDays: 400, mail })))[1]);
  const [result, ms] = await timed(() => escalationPass(db, { afterDays: 15, mail }));
  out.passMs.push(ms);
  out.escalated.push(result.escalated);
  await database.close();
  fs.rmSync(dir, { recursive: true, force: true });
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const ms = (n: number) => `${n.toFixed(0)} ms`;
const ratio = (a: number[], b: number[]) => `${(median(a) / median(b)).toFixed(1)} ×`;
console.log(`runs: ${runs}`);
console.log(
  `district page (baseline): ${ms(median(out.districtPageMs))}, ${kb(median(out.districtGzipBytes))} gzip`,
);
console.log(
  `plan page: ${ms(median(out.planPageMs))} (${ratio(out.planPageMs, out.districtPageMs)}), ${kb(median(out.gzipBytes))} gzip (goal ≤ 60 KB; ${kb(median(out.rawBytes))} before compression)`,
);
console.log(`one-paragraph PDF (baseline): ${ms(median(out.tinyPdfMs))}`);
console.log(
  `plan PDF, 50 actions: ${ms(median(out.pdfMs))} (${ratio(out.pdfMs, out.tinyPdfMs)}; goal < 1 s)`,
);
console.log(`escalation pass, nothing due (baseline): ${ms(median(out.idlePassMs))}`);
console.log(
  `escalation pass over ${median(out.escalated)} bottlenecks: ${ms(median(out.passMs))} (${ratio(out.passMs, out.idlePassMs)}; goal < 5 s)`,
);
