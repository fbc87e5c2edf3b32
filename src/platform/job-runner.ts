import { sql } from "drizzle-orm";
import type { Db, DbOrTx } from "./db";
import { startJob } from "./jobs";
import { createLogger, type Logger } from "./logger";
import { jobSchedules, jobs } from "./tables";

/**
 * Queues a job in the caller's transaction: it runs if and only if the change that asks for it commits. With a
 * `singletonKey`, a job of that key already waiting makes this a no-op (one escalation pass, not ten).
 */
export async function enqueueJob(
  db: DbOrTx,
  queue: string,
  payload: unknown,
  opts: { runAt?: Date; singletonKey?: string; maxAttempts?: number } = {},
): Promise<void> {
  await db
    .insert(jobs)
    .values({
      queue,
      payload: payload as object,
      runAt: opts.runAt ?? new Date(),
      singletonKey: opts.singletonKey ?? null,
      maxAttempts: opts.maxAttempts ?? 8,
    })
    .onConflictDoNothing();
}

type Handler = (payload: unknown) => Promise<unknown>;
type Row = { id: number; queue: string; payload: unknown; attempts: number; max_attempts: number };

/** The clock of a pass: the database's, or one a test drives (escalation after N days without waiting N days). */
const clock = (now?: Date) => (now ? sql`${now.toISOString()}::timestamptz` : sql`now()`);

/**
 * The one durable job runner, on the database (PGlite or PostgreSQL alike): queued jobs with retries and backoff,
 * and recurring schedules, both surviving restarts; several instances on one PostgreSQL never run the same job or the
 * same beat twice. The server starts it; tests call `runDue()` to make one pass at a clock of their choosing.
 */
export class JobRunner {
  private readonly handlers = new Map<string, Handler>();
  private readonly schedules = new Map<
    string,
    { everySeconds: number; work: (now?: Date) => Promise<unknown> }
  >();
  private beat: ReturnType<typeof startJob> | null = null;

  constructor(
    private readonly db: Db,
    private readonly logger?: Logger,
    private readonly opts: { leaseSeconds?: number; batch?: number } = {},
  ) {}

  /** What to do with a queue's jobs. A handler that throws has its job tried again later (30 s, 1 min, 2 min, …). */
  handle(queue: string, handler: Handler): this {
    this.handlers.set(queue, handler);
    return this;
  }

  /** Work to run every `everySeconds`, on one instance at a time; it is given the pass's clock (a test's, or none). */
  every(name: string, everySeconds: number, work: (now?: Date) => Promise<unknown>): this {
    this.schedules.set(name, { everySeconds, work });
    return this;
  }

  /**
   * Makes the schedules known to the database (a new one is due at once, or after `firstAfterSeconds`; a known one
   * keeps its next time, so a restart does not run everything again) and polls every `pollMs`.
   */
  async start(pollMs = 1000, firstAfterSeconds: Record<string, number> = {}): Promise<void> {
    await this.prepare(firstAfterSeconds);
    this.beat = startJob("job-runner", pollMs, () => this.runDue(), this.logger ?? createLogger("silent"), {
      firstRunAfterMs: pollMs,
    });
  }

  private prepared = false;

  /** Writes the schedules into the database once (a pass made without `start`, as tests make, does it first). */
  private async prepare(firstAfterSeconds: Record<string, number> = {}): Promise<void> {
    if (this.prepared) return;
    for (const [name, s] of this.schedules)
      await this.db.execute(sql`
        insert into ${jobSchedules} (name, every_seconds, next_run_at)
        values (${name}, ${s.everySeconds}, now() + make_interval(secs => ${firstAfterSeconds[name] ?? 0}))
        on conflict (name) do update set every_seconds = excluded.every_seconds`);
    this.prepared = true;
  }

  /** Stops polling and waits for a pass under way. */
  async stop(): Promise<void> {
    await this.beat?.stop();
  }

  /** One pass: every schedule that is due, then every queued job that is due. Returns how many ran successfully. */
  async runDue(now?: Date): Promise<number> {
    await this.prepare();
    let ran = 0;
    for (const name of this.schedules.keys()) if (await this.runSchedule(name, now)) ran++;
    for (;;) {
      const claimed = await this.claim(now);
      if (!claimed.length) break;
      for (const job of claimed) if (await this.runJob(job, now)) ran++;
    }
    return ran;
  }

  private async runSchedule(name: string, now?: Date): Promise<boolean> {
    const s = this.schedules.get(name);
    if (!s) return false;
    // Moving the next time forward is the claim: one statement, so only one instance gets this beat.
    const claimed = (await this.db.execute(sql`
      update ${jobSchedules} set next_run_at = ${clock(now)} + make_interval(secs => every_seconds),
        last_run_at = ${clock(now)}
      where name = ${name} and next_run_at <= ${clock(now)}
      returning name`)) as unknown as { rows: unknown[] };
    if (!claimed.rows.length) return false;
    try {
      await s.work(now);
      // Written only when it changes: most beats then write nothing but the claim.
      await this.db.execute(
        sql`update ${jobSchedules} set last_error = null where name = ${name} and last_error is not null`,
      );
      return true;
    } catch (err) {
      this.logger?.error({ err, job: name }, "scheduled job failed; it runs again at its next time");
      await this.db.execute(sql`update ${jobSchedules} set last_error = ${String(err)} where name = ${name}`);
      return false;
    }
  }

  /** Claims due jobs of known queues with a lease: a run that crashes is tried again once the lease ends. */
  private async claim(now?: Date): Promise<Row[]> {
    const queues = [...this.handlers.keys()];
    if (!queues.length) return [];
    const lease = this.opts.leaseSeconds ?? 300;
    const result = (await this.db.execute(sql`
      update ${jobs} set attempts = attempts + 1,
        locked_until = ${clock(now)} + make_interval(secs => ${lease})
      where id in (
        select id from ${jobs}
        where done_at is null and run_at <= ${clock(now)} and attempts < max_attempts
          and (locked_until is null or locked_until < ${clock(now)})
          and queue in (${sql.join(
            queues.map((q) => sql`${q}`),
            sql`, `,
          )})
        order by run_at, id limit ${this.opts.batch ?? 20}
        for update skip locked)
      returning id, queue, payload, attempts, max_attempts`)) as unknown as { rows: Row[] };
    return result.rows;
  }

  private async runJob(job: Row, now?: Date): Promise<boolean> {
    try {
      await this.handlers.get(job.queue)?.(job.payload);
      await this.db.execute(
        sql`update ${jobs} set done_at = now(), locked_until = null, last_error = null where id = ${job.id}`,
      );
      return true;
    } catch (err) {
      const final = job.attempts >= job.max_attempts;
      this.logger?.[final ? "error" : "warn"](
        { err, job: job.queue, jobId: job.id, attempt: job.attempts },
        final
          ? "job failed for the last time; it stays in the jobs table"
          : "job failed; it will be tried again",
      );
      await this.db.execute(sql`
        update ${jobs} set locked_until = null, last_error = ${String(err)},
          run_at = ${clock(now)} + make_interval(secs => 30 * power(2, ${job.attempts - 1}))
        where id = ${job.id}`);
      return false;
    }
  }
}
