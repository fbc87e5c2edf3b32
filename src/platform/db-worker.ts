/**
 * The thread that owns the embedded database. PGlite runs every query on the thread that calls it, so on the HTTP
 * thread one slow query would stall every request; here it stalls only other queries. Messages come from
 * `pglite-worker-client.ts`.
 */
import { parentPort, workerData } from "node:worker_threads";
import type { Transaction } from "@electric-sql/pglite";
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
const db = await openDurablePglite((workerData as { dir: string }).dir);
const open = new Map<
  number,
  { client: Transaction; finish: (commit: boolean) => void; done: Promise<unknown> }
>();
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

port.on("message", async (m: Request) => {
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
      if (m.op === "commit") await tx.done;
      else await tx.done.catch(() => {});
      reply(m.id, {});
    } else if (m.op === "close") {
      await db.close();
      reply(m.id, {});
    }
  } catch (err) {
    fail(m.id, err);
  }
});
port.postMessage({ ready: true });
