import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { emptyServerDatabase, repoRoot, seedDir, serverUrl } from "./support/database";
import { fetchStats, type Running, startServer, stop } from "./support/server-process";

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
    expect(await stop(again)).toBe(0);
  });

  it("makes the first administrator and the demo accounts from the CLI, and writes mail as .eml files", async () => {
    const cli = (script: string, args: string[]) =>
      spawnSync(path.join(repoRoot, "node_modules", ".bin", "tsx"), [`src/cli/${script}.ts`, ...args], {
        cwd: repoRoot,
        env: { ...process.env, DATA_DIR: dataDir, SEED_DIR: seedDir, PORT: "3999" },
        encoding: "utf8",
      });
    const bad = cli("create-admin", ["--email", "not an address"]);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain("--email");
    const admin = cli("create-admin", ["--email", "first.admin@example.gov.in", "--name", "First Admin"]);
    expect(admin.status, admin.stderr).toBe(0);
    expect(admin.stdout).toMatch(
      /choose a password .*: http:\/\/localhost:3999\/reset-password\?token=[\w-]+/,
    );
    const demo = cli("seed-demo", []);
    expect(demo.status, demo.stderr).toBe(0);
    expect(demo.stdout).toContain("created  district  district.officer@demo.odophub.invalid");

    const server = await startServer({ DATA_DIR: dataDir });
    started.push(server);
    const form = await fetch(`${server.url}/sign-in`);
    const cookie = (form.headers.get("set-cookie") ?? "").split(";")[0] as string;
    const token = /name="_csrf" value="([^"]+)"/.exec(await form.text())?.[1] as string;
    const post = (pathname: string, fields: Record<string, string>) =>
      fetch(`${server.url}${pathname}`, {
        method: "POST",
        redirect: "manual",
        body: new URLSearchParams({ ...fields, _csrf: token }),
        headers: { Cookie: cookie, Origin: server.url, "Content-Type": "application/x-www-form-urlencoded" },
      });
    const signIn = await post("/sign-in", {
      email: "admin@demo.odophub.invalid",
      password: "demo-password-2026",
    });
    expect(signIn.status).toBe(303);
    expect((await post("/forgot-password", { email: "buyer@demo.odophub.invalid" })).status).toBe(200);
    // The worker delivers within a few seconds; without SMTP_URL, into DATA_DIR/outbox.
    const outbox = path.join(dataDir, "outbox");
    // The demo buyer also gets the demo RFQs' mail: the reset is the one with its subject.
    const isReset = (f: string) =>
      f.includes("buyer@demo") &&
      fs.readFileSync(path.join(outbox, f), "utf8").includes("Subject: ODOP Hub: choose a new password");
    let files: string[] = [];
    for (let i = 0; i < 50 && !files.some(isReset); i++) {
      await new Promise((r) => setTimeout(r, 200));
      files = fs.existsSync(outbox) ? fs.readdirSync(outbox) : [];
    }
    expect(files.some((f) => f.includes("first.admin@example.gov.in"))).toBe(true);
    expect(files.some(isReset)).toBe(true);
    const read = spawnSync(
      path.join(repoRoot, "node_modules", ".bin", "tsx"),
      ["src/cli/outbox.ts", "--last", "1"],
      {
        cwd: repoRoot,
        env: { ...process.env, DATA_DIR: dataDir },
        encoding: "utf8",
      },
    );
    expect(read.stdout).toMatch(/reset-password\?token=[\w-]{43}\n/); // decoded: the link whole, on one line
  });

  it("seeds the demo accounts on a fresh data folder, importing the registry first", () => {
    const fresh = fs.mkdtempSync(path.join(os.tmpdir(), "odop-demo-"));
    try {
      const demo = spawnSync(process.execPath, ["--import", "tsx", "src/cli/seed-demo.ts"], {
        cwd: repoRoot,
        env: { ...process.env, DATA_DIR: fresh, SEED_DIR: seedDir },
        encoding: "utf8",
      });
      expect(demo.status, demo.stderr).toBe(0);
      expect(demo.stdout).toContain("seed data imported first");
      expect(demo.stdout).toContain("created  district  district.officer@demo.odophub.invalid");
    } finally {
      fs.rmSync(fresh, { recursive: true, force: true });
    }
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
