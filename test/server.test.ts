import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { emptyServerDatabase, repoRoot, seedDir, serverUrl } from "./support/database";

type Running = { child: ChildProcess; url: string; output: () => string };

/** Starts `src/server.ts` as `npm start` does, on a free port, and waits until it listens. */
async function startServer(env: Record<string, string>): Promise<Running> {
  const child = spawn(path.join(repoRoot, "node_modules", ".bin", "tsx"), ["src/server.ts"], {
    cwd: repoRoot,
    env: { ...process.env, PORT: "0", SEED_DIR: seedDir, LOG_LEVEL: "info", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout?.on("data", (d) => {
    out += d;
  });
  child.stderr?.on("data", (d) => {
    out += d;
  });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setInterval(() => {
      const m = out.match(/"url":"(http:\/\/localhost:\d+)"/);
      if (m?.[1]) {
        clearInterval(timer);
        resolve(m[1]);
      }
    }, 100);
    child.once("exit", (code) => {
      clearInterval(timer);
      reject(new Error(`server exited with ${code}:\n${out}`));
    });
  });
  return { child, url, output: () => out };
}

async function stop(r: Running): Promise<number | null> {
  if (r.child.exitCode !== null) return r.child.exitCode;
  const exited = new Promise<number | null>((resolve) => r.child.once("exit", resolve));
  r.child.kill("SIGTERM");
  return exited;
}

async function fetchStats(url: string) {
  const res = await fetch(`${url}/api/v1/stats`);
  expect(res.status).toBe(200);
  return (await res.json()) as Record<string, unknown>;
}

describe.runIf(!serverUrl)("npm start on the embedded database", () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "odop-data-"));
  const started: Running[] = [];
  afterAll(async () => {
    for (const r of started) await stop(r);
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it("seeds on first start, serves pages and stats, refuses a second process, and keeps its data", async () => {
    const first = await startServer({ DATA_DIR: dataDir });
    started.push(first);
    expect(first.output(), first.output()).toContain("seed data imported on first start");
    const home = await fetch(`${first.url}/`);
    expect(home.status).toBe(200);
    expect(await home.text()).toContain("DPIIT / Invest India ODOP list, April 2026 copy");
    // The second request is answered from the page cache in front of the app: same page, same ETag, 304 on revalidation.
    const again1 = await fetch(`${first.url}/`);
    expect(again1.headers.get("etag")).toBe(home.headers.get("etag"));
    expect(again1.headers.get("x-request-id")).toBeTruthy();
    const revalidated = await fetch(`${first.url}/`, {
      headers: { "If-None-Match": home.headers.get("etag") ?? "" },
    });
    expect(revalidated.status).toBe(304);
    const stats = await fetchStats(first.url);
    expect(stats).toMatchObject({ states: 36, districts: 784, products: 787 });

    const second = await startServer({ DATA_DIR: dataDir }).catch((e: Error) => e);
    expect(second).toBeInstanceOf(Error);
    expect((second as Error).message).toContain("is in use by process");

    expect(await stop(first), first.output()).toBe(0);
    const again = await startServer({ DATA_DIR: dataDir });
    started.push(again);
    expect(again.output(), again.output()).not.toContain("seed data imported");
    expect(await fetchStats(again.url)).toEqual(stats);
  });
});

describe.runIf(serverUrl)("npm start with DATABASE_URL on the PostgreSQL server", () => {
  const started: Running[] = [];
  let drop = async () => {};
  afterAll(async () => {
    for (const r of started) await stop(r);
    await drop();
  });

  it("migrates, seeds and serves the same registry", async () => {
    const db = await emptyServerDatabase();
    drop = db.drop;
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "odop-data-"));
    const server = await startServer({ DATABASE_URL: db.url, DATA_DIR: dataDir });
    started.push(server);
    expect(server.output()).toContain('"database":"postgres"');
    expect(await fetchStats(server.url)).toMatchObject({ states: 36, products: 787, giRegistrations: 696 });
    expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
  });
});
