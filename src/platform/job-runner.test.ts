import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase, type TestDatabase } from "../../test/support/database";
import { enqueueJob, JobRunner } from "./job-runner";

type Row = Record<string, unknown>;
const minutes = (n: number) => new Date(Date.now() + n * 60_000);

describe("the job runner on the database", () => {
  let t: TestDatabase;
  const rows = async (q: ReturnType<typeof sql>) =>
    ((await t.db.execute(q)) as unknown as { rows: Row[] }).rows;
  beforeAll(async () => {
    t = await freshDatabase({ seeded: false });
  });
  afterAll(() => t.dispose());

  it("runs a job enqueued in a transaction that commits, once, and none from one that rolls back", async () => {
    const seen: unknown[] = [];
    const runner = new JobRunner(t.db).handle("greet", async (p) => {
      seen.push(p);
    });
    await t.db.transaction(async (tx) => enqueueJob(tx, "greet", { to: "kept" }));
    await t.db
      .transaction(async (tx) => {
        await enqueueJob(tx, "greet", { to: "lost" });
        throw new Error("the change failed");
      })
      .catch(() => {});
    expect(await runner.runDue()).toBe(1);
    expect(await runner.runDue()).toBe(0);
    expect(seen).toEqual([{ to: "kept" }]);
    expect(
      await rows(sql`select attempts, done_at is not null as done from jobs where queue = 'greet'`),
    ).toEqual([{ attempts: 1, done: true }]);
  });

  it("tries a failing job again with backoff, keeps the error, and gives up after its attempts", async () => {
    let calls = 0;
    const runner = new JobRunner(t.db).handle("flaky", async () => {
      calls++;
      throw new Error(`refused ${calls}`);
    });
    await enqueueJob(t.db, "flaky", {}, { maxAttempts: 3 });
    expect(await runner.runDue()).toBe(0);
    expect(calls).toBe(1);
    expect(await runner.runDue()).toBe(0); // not due again yet: no second call at once
    expect(calls).toBe(1);
    const [row] = await rows(
      sql`select attempts, last_error, run_at > now() as later from jobs where queue = 'flaky'`,
    );
    expect(row).toEqual({ attempts: 1, last_error: "Error: refused 1", later: true });
    await runner.runDue(minutes(2));
    await runner.runDue(minutes(10));
    await runner.runDue(minutes(60));
    expect(calls).toBe(3);
    expect(await rows(sql`select attempts, done_at from jobs where queue = 'flaky'`)).toEqual([
      { attempts: 3, done_at: null },
    ]);
  });

  it("keeps one waiting job per singleton key", async () => {
    let calls = 0;
    const runner = new JobRunner(t.db).handle("escalate", async () => {
      calls++;
    });
    await enqueueJob(t.db, "escalate", {}, { singletonKey: "pass" });
    await enqueueJob(t.db, "escalate", {}, { singletonKey: "pass" });
    await runner.runDue();
    expect(calls).toBe(1);
    await enqueueJob(t.db, "escalate", {}, { singletonKey: "pass" }); // the first is done: a new one may wait
    await runner.runDue();
    expect(calls).toBe(2);
  });

  it("runs a schedule once per beat across instances, and a restarted instance keeps the schedule's time", async () => {
    let beats = 0;
    const make = () =>
      new JobRunner(t.db).every("tick", 60, async () => {
        beats++;
      });
    const [a, b] = [make(), make()];
    await a.start(3_600_000);
    await b.start(3_600_000);
    await Promise.all([a.runDue(), b.runDue(), a.runDue(), b.runDue()]);
    expect(beats).toBe(1);
    await Promise.all([a.runDue(minutes(0.5)), b.runDue(minutes(0.5))]);
    expect(beats).toBe(1); // the next beat is a minute later
    await Promise.all([a.runDue(minutes(1.1)), b.runDue(minutes(1.1))]);
    expect(beats).toBe(2);
    await Promise.all([a.stop(), b.stop()]);
    const restarted = make();
    await restarted.start(3_600_000);
    await restarted.runDue();
    expect(beats).toBe(2); // not due again just because the process started
    await restarted.stop();
  });

  it("runs each of many jobs exactly once when two instances claim at the same time, and recovers a crashed run", async () => {
    const ran: number[] = [];
    const make = () =>
      new JobRunner(t.db, undefined, { batch: 5 }).handle("many", async (p) => {
        ran.push((p as { n: number }).n);
      });
    for (let n = 0; n < 40; n++) await enqueueJob(t.db, "many", { n });
    await Promise.all([make().runDue(), make().runDue()]);
    expect(ran.sort((x, y) => x - y)).toEqual([...Array(40).keys()]);

    // A run that crashed keeps its lease; once the lease is over, another instance runs the job.
    await enqueueJob(t.db, "many", { n: 99 });
    await t.db.execute(
      sql`update jobs set attempts = 1, locked_until = now() + interval '5 minutes' where payload->>'n' = '99'`,
    );
    await make().runDue();
    expect(ran).not.toContain(99);
    await make().runDue(minutes(6));
    expect(ran).toContain(99);
  });
});
