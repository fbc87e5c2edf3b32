import { execFileSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "../src/platform/db";
import { startTimeOf } from "../src/platform/lock";
import { serverUrl } from "./support/database";
import { fetchStats, type Running, startServer, stop } from "./support/server-process";

const exited = (r: Running) =>
  r.child.exitCode !== null || r.child.signalCode !== null
    ? Promise.resolve(r.child.exitCode)
    : new Promise<number | null>((resolve) => r.child.once("exit", resolve));

/** Signs up through the real form (token and cookie from the page), as a browser would. */
async function signUpOver(url: string, email: string): Promise<number> {
  const form = await fetch(`${url}/sign-up`);
  const cookie = (form.headers.get("set-cookie") ?? "").split(";")[0] as string;
  const token = /name="_csrf" value="([^"]+)"/.exec(await form.text())?.[1] as string;
  const res = await fetch(`${url}/sign-up`, {
    method: "POST",
    redirect: "manual",
    body: new URLSearchParams({
      name: "Crash Test",
      email,
      password: "a long enough passphrase",
      confirm: "a long enough passphrase",
      lang: "en",
      _csrf: token,
    }),
    headers: { Cookie: cookie, Origin: url, "Content-Type": "application/x-www-form-urlencoded" },
  });
  return res.status;
}

describe.runIf(!serverUrl)("the server process: stopping, crashing and starting again", () => {
  const dirs: string[] = [];
  const started: Running[] = [];
  const tempDir = () => {
    const d = fs.mkdtempSync(path.join(os.tmpdir(), "odop-life-"));
    dirs.push(d);
    return d;
  };
  afterAll(async () => {
    for (const r of started) if (r.child.exitCode === null) r.child.kill("SIGKILL");
    for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
  });

  it("stops cleanly on SIGTERM sent to the very process `npm start` runs: requests in flight finish, exit 0", async () => {
    const dataDir = tempDir();
    const npm = await startServer({ DATA_DIR: dataDir }, { viaNpm: true });
    started.push(npm);
    // npm execs the server: the process npm started is node running src/server.ts, nothing in between.
    const child = Number(execFileSync("pgrep", ["-P", String(npm.child.pid)], { encoding: "utf8" }).trim());
    expect(fs.readFileSync(`/proc/${child}/cmdline`, "utf8")).toContain("src/server.ts");
    const inFlight = await fetch(`${npm.url}/api/v1/products?format=csv&limit=1000`);
    expect(inFlight.status).toBe(200);
    const began = Date.now();
    process.kill(child, "SIGTERM");
    expect((await inFlight.text()).split("\n").length).toBeGreaterThan(700); // answered whole
    expect(await exited(npm)).toBe(0);
    expect(Date.now() - began).toBeLessThan(10_000);
    expect(npm.output()).toContain('"msg":"stopped"');
    expect(fs.existsSync(path.join(dataDir, "odop-hub.lock"))).toBe(false);
    await expect(fetch(`${npm.url}/healthz`)).rejects.toThrow(); // the port is free again
  });

  it("says in one line that the port is in use, before any database work", async () => {
    const blocker = net.createServer().listen(0);
    await new Promise((r) => blocker.once("listening", r));
    const port = String((blocker.address() as net.AddressInfo).port);
    const dataDir = tempDir();
    const attempt = await startServer({ DATA_DIR: dataDir, PORT: port }).catch((e: Error) => e);
    blocker.close();
    expect(attempt).toBeInstanceOf(Error);
    expect((attempt as Error).message).toContain(`Port ${port} is already in use by another program`);
    expect((attempt as Error).message).not.toMatch(/\n\s+at /); // no stack trace
    expect(fs.existsSync(path.join(dataDir, "pglite"))).toBe(false); // refused before the database was opened
  });

  it("starts over a lock left by a dead process, even one that had this process's id or another start time", async () => {
    const dataDir = tempDir();
    // A lock whose holder id is alive but started at another time (the id was reused): not ours to respect.
    fs.writeFileSync(
      path.join(dataDir, "odop-hub.lock"),
      JSON.stringify({ pid: process.pid, started: "1", purpose: "server", since: "2026-01-01T00:00:00Z" }),
    );
    expect(startTimeOf(process.pid)).not.toBe("1");
    const r = await startServer({ DATA_DIR: dataDir });
    started.push(r);
    expect(await stop(r)).toBe(0);
  });

  it("closes a connection whose headers do not arrive within 10 s (slow clients cannot hold connections)", async () => {
    const r = await startServer({ DATA_DIR: tempDir() });
    started.push(r);
    const socket = net.connect(Number(new URL(r.url).port), "127.0.0.1");
    await new Promise((resolve) => socket.once("connect", resolve));
    const began = Date.now();
    socket.write("GET / HTTP/1.1\r\nHost: localhost\r\nX-Slow: "); // and never the rest
    const answer = await new Promise<string>((resolve) => {
      let data = "";
      socket.on("data", (d) => {
        data += d;
      });
      socket.once("close", () => resolve(data));
    });
    // 10 s for the headers, checked each second; a loaded machine adds some. Node's own defaults would wait 60 s.
    expect(Date.now() - began).toBeLessThan(30_000);
    expect(answer).toMatch(/^HTTP\/1\.1 408/); // Node answers "Request Timeout" and closes
    expect(await stop(r)).toBe(0);
  });

  it("keeps every acknowledged write after kill -9, and starts again", async () => {
    const dataDir = tempDir();
    const first = await startServer({ DATA_DIR: dataDir });
    started.push(first);
    const acknowledged: string[] = [];
    const writing = (async () => {
      for (let i = 0; i < 200; i++) {
        const email = `crash${i}@example.org`;
        try {
          if ((await signUpOver(first.url, email)) < 400) acknowledged.push(email);
        } catch {
          return; // the server is gone
        }
      }
    })();
    while (acknowledged.length < 8) await new Promise((r) => setTimeout(r, 20));
    first.child.kill("SIGKILL");
    await writing;
    await exited(first);
    const again = await startServer({ DATA_DIR: dataDir });
    started.push(again);
    expect(await stop(again)).toBe(0);
    const database = await openDatabase({ dir: path.join(dataDir, "pglite") });
    const rows = (await database.db.execute(sql`select email from users`)) as unknown as {
      rows: { email: string }[];
    };
    await database.close();
    const kept = new Set(rows.rows.map((r) => r.email));
    expect(acknowledged.filter((e) => !kept.has(e))).toEqual([]);
  });

  it("finishes the first-start seed import after a kill -9 in the middle of it", async () => {
    const dataDir = tempDir();
    const first = await startServer({ DATA_DIR: dataDir }, { until: /"msg":"database opened"/ });
    started.push(first);
    await new Promise((r) => setTimeout(r, 400)); // migrations done, the import under way
    first.child.kill("SIGKILL");
    await exited(first);
    expect(first.output()).not.toContain("seed data imported");
    const again = await startServer({ DATA_DIR: dataDir });
    started.push(again);
    expect(again.output()).toContain("seed data imported on first start");
    expect(await fetchStats(again.url)).toMatchObject({ states: 36, districts: 784, products: 787 });
    expect(await stop(again)).toBe(0);
  });
});
