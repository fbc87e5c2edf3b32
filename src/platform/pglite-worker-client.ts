import { Worker } from "node:worker_threads";

type QueryOptions = { rowMode?: "array" | "object"; parsers?: Record<number, unknown> };
type Result = { rows: unknown[]; fields: unknown[]; affectedRows?: number };
type Pending = { resolve: (v: never) => void; reject: (e: Error) => void };

/**
 * The embedded database as seen from the HTTP thread: the part of PGlite's interface that Drizzle uses (query,
 * transaction, close), each call a message to the worker thread that owns the database.
 */
export class PGliteWorkerClient {
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;

  private constructor(private readonly worker: Worker) {
    worker.on("message", (m: { id?: number; result?: unknown; error?: Record<string, unknown> }) => {
      if (m.id === undefined) return;
      const p = this.pending.get(m.id);
      if (!p) return;
      this.pending.delete(m.id);
      if (m.error) p.reject(Object.assign(new Error(String(m.error.message)), m.error));
      else p.resolve(m.result as never);
    });
    worker.on("error", (err) => {
      for (const p of this.pending.values()) p.reject(err);
      this.pending.clear();
    });
  }

  /**
   * Starts the database's thread: on the data folder `dir`, or in memory (`dir` null), empty or loaded from a dump of
   * another database's folder (tests). `waitMs`: how long a query may wait for another transaction to end.
   */
  static async start(
    dir: string | null,
    opts: { load?: Uint8Array; waitMs?: number } = {},
  ): Promise<PGliteWorkerClient> {
    // The worker is TypeScript too: a small bootstrap registers tsx in the new thread, then loads it.
    const worker = new Worker(new URL("./db-worker-boot.mjs", import.meta.url), {
      workerData: { dir, ...opts },
    });
    await new Promise<void>((resolve, reject) => {
      const onMessage = (m: { ready?: boolean }) => {
        if (!m.ready) return;
        worker.off("message", onMessage);
        resolve();
      };
      worker.on("message", onMessage);
      worker.once("error", reject);
      worker.once("exit", (code) => reject(new Error(`database worker exited with code ${code}`)));
    });
    return new PGliteWorkerClient(worker);
  }

  private call<T>(message: Record<string, unknown>): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: never) => void, reject });
      this.worker.postMessage({ ...message, id });
    });
  }

  query(sql: string, params?: unknown[], options?: QueryOptions, tx?: number): Promise<Result> {
    // Drizzle's parsers only keep some types as text; functions cannot cross threads, their type ids can.
    const rawTypes = Object.keys(options?.parsers ?? {}).map(Number);
    return this.call<Result>({ op: "query", sql, params, rowMode: options?.rowMode, rawTypes, tx });
  }

  async transaction<T>(fn: (tx: { query: PGliteWorkerClient["query"] }) => Promise<T>): Promise<T> {
    const { tx } = await this.call<{ tx: number }>({ op: "begin" });
    try {
      const result = await fn({ query: (sql, params, options) => this.query(sql, params, options, tx) });
      await this.call({ op: "commit", tx });
      return result;
    } catch (err) {
      await this.call({ op: "rollback", tx });
      throw err;
    }
  }

  async close(): Promise<void> {
    await this.call({ op: "close" });
    await this.worker.terminate();
  }
}
