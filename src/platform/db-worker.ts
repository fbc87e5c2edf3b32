/**
 * The thread that owns the embedded database. PGlite runs every query on the thread that calls it, so on the HTTP
 * thread one slow query would stall every request; here it stalls only other queries. Messages come from
 * `pglite-worker-client.ts`.
 */
import { parentPort, workerData } from "node:worker_threads";
import { PGlite, type Transaction } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { openDurablePglite } from "./pglite-durable";

type Request =
  | {
      id: number;
      op: "query";
      sql: string;
      params?: unknown[];
      rowMode?: "array" | "object";
      rawTypes?: number[];
      tx?: number;
    }
  | { id: number; op: "begin" }
  | { id: number; op: "commit" | "rollback"; tx: number }
  | { id: number; op: "close" };

const port = parentPort;
if (!port) throw new Error("db-worker.ts runs only as a worker thread");
const options = workerData as { dir: string | null; load?: Uint8Array; waitMs?: number };
// On disk: durable (pglite-durable.ts). In memory (tests): a fresh database, or a copy of a dumped one.
const db = options.dir
  ? await openDurablePglite(options.dir)
  : await PGlite.create({
      extensions: { pg_trgm },
      ...(options.load ? { loadDataDir: new Blob([options.load as Uint8Array<ArrayBuffer>]) } : {}),
    });
const open = new Map<
  number,
  { client: Transaction; finish: (commit: boolean) => void; done: Promise<unknown> }
>();

/**
 * While a transaction is open, PGlite runs nothing else: a query from outside it, or a second transaction, waits here
 * (never handed to PGlite, so a caller that gave up is sure it did not run), in order, and is refused after
 * `waitMs` with an error that says why, instead of waiting forever on a transaction that waits for it.
 */
const waitMs = options.waitMs ?? 15_000;
const waiting: { m: Request; timer: NodeJS.Timeout }[] = [];

function admitWaiting() {
  while (open.size === 0 && waiting.length) {
    const next = waiting.shift() as { m: Request; timer: NodeJS.Timeout };
    clearTimeout(next.timer);
    void handle(next.m);
  }
}

// Values of these types are passed through as text, as drizzle asks (dates, timestamps, intervals).
const asText = (types: number[] = []) => Object.fromEntries(types.map((t) => [t, (v: string) => v]));

function reply(id: number, result: unknown) {
  port?.postMessage({ id, result });
}

function fail(id: number, err: unknown) {
  const e = err as Record<string, unknown> & Error;
  const fields = Object.fromEntries(
    Object.entries(e).filter(([, v]) => ["string", "number", "boolean"].includes(typeof v)),
  );
  port?.postMessage({ id, error: { ...fields, name: e.name, message: e.message } });
}

async function handle(m: Request) {
  try {
    if (m.op === "query") {
      const target = m.tx === undefined ? db : open.get(m.tx)?.client;
      if (!target) throw new Error(`transaction ${m.tx} is not open`);
      const r = await target.query(m.sql, m.params, { rowMode: m.rowMode, parsers: asText(m.rawTypes) });
      reply(m.id, { rows: r.rows, fields: r.fields, affectedRows: r.affectedRows });
    } else if (m.op === "begin") {
      // The transaction stays open until the other thread says commit or rollback.
      let finish: (commit: boolean) => void = () => {};
      let done: Promise<unknown> = Promise.resolve();
      const client = await new Promise<Transaction>((started, failed) => {
        done = db.transaction(
          (tx) =>
            new Promise<void>((resolve, reject) => {
              finish = (commit) => (commit ? resolve() : reject(new Error("rolled back")));
              started(tx);
            }),
        );
        done.catch(failed);
      });
      open.set(m.id, { client, finish, done });
      reply(m.id, { tx: m.id });
    } else if (m.op === "commit" || m.op === "rollback") {
      const tx = open.get(m.tx);
      if (!tx) throw new Error(`transaction ${m.tx} is not open`);
      open.delete(m.tx);
      tx.finish(m.op === "commit");
      try {
        if (m.op === "commit") await tx.done;
        else await tx.done.catch(() => {});
      } finally {
        admitWaiting();
      }
      reply(m.id, {});
    } else if (m.op === "close") {
      await db.close();
      reply(m.id, {});
    }
  } catch (err) {
    fail(m.id, err);
  }
}

port.on("message", (m: Request) => {
  const outside = (m.op === "query" && m.tx === undefined) || m.op === "begin";
  if (!outside || open.size === 0) return void handle(m);
  const timer = setTimeout(() => {
    const i = waiting.findIndex((w) => w.m === m);
    if (i >= 0) waiting.splice(i, 1);
    fail(
      m.id,
      Object.assign(
        new Error(
          `waited ${waitMs / 1000} s for another transaction on the embedded database to end; nothing was run. ` +
            "A query made outside a transaction while it is open waits for it (inside a transaction, use its own handle).",
        ),
        { code: "55P03" },
      ),
    );
  }, waitMs);
  waiting.push({ m, timer });
});
port.postMessage({ ready: true });
