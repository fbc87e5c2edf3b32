import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inVaranasi } from "../test/support/actors";
import { freshDatabase, type TestDatabase } from "../test/support/database";
import { mailedToken, person, signedIn } from "../test/support/people";
import { Visitor } from "../test/support/visitor";
import { createApp } from "./app";
import { createLogger } from "./platform/logger";

const logger = createLogger("silent");

describe("hosts, origins and headers", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await freshDatabase({ seeded: false });
  });
  afterAll(() => t.dispose());

  it("refuses requests for hosts that are not ours, before anything is read or mailed", async () => {
    const local = createApp({ database: t, logger });
    const p = await person(t.db);
    const forged = await new Visitor(local, "http://evil.example").post(
      "http://evil.example/forgot-password",
      { email: p.email },
      { csrf: "x" },
    );
    expect(forged.status).toBe(421);
    expect((await local.request("http://evil.example/")).status).toBe(421);
    expect((await local.request("http://evil.example/healthz")).status).toBe(200); // probes by address
    const served = createApp({ database: t, logger, publicOrigin: "https://odop.example" });
    expect((await served.request("http://localhost/")).status).toBe(421);
    expect((await served.request("https://odop.example/")).status).toBe(200);
    const rows = (await t.db.execute(
      sql`select count(*)::int as n from outbox where to_address = ${p.email} and subject like '%new password%'`,
    )) as unknown as { rows: { n: number }[] };
    expect(rows.rows[0]?.n).toBe(0);
  });

  it("builds every link in mail on the configured origin, never on the request's host", async () => {
    const p = await person(t.db);
    const served = createApp({ database: t, logger, publicOrigin: "https://odop.example" });
    const v = new Visitor(served, "https://odop.example");
    await v.post(
      "https://odop.example/forgot-password",
      { email: p.email },
      { from: "https://odop.example/forgot-password" },
    );
    const body = (await t.db.execute(
      sql`select body from outbox where to_address = ${p.email} order by id desc limit 1`,
    )) as unknown as { rows: { body: string }[] };
    expect(body.rows[0]?.body).toContain(
      `https://odop.example/reset-password?token=${await mailedToken(t.db, p.email, "reset-password")}`,
    );
    // Without PUBLIC_ORIGIN the server's own local address is used, whatever loopback name the request used.
    const local = createApp({ database: t, logger, localOrigin: "http://localhost:3000" });
    const w = new Visitor(local, "http://127.0.0.1");
    await w.post(
      "http://127.0.0.1/forgot-password",
      { email: p.email },
      { from: "http://127.0.0.1/forgot-password" },
    );
    const second = (await t.db.execute(
      sql`select body from outbox where to_address = ${p.email} order by id desc limit 1`,
    )) as unknown as { rows: { body: string }[] };
    expect(second.rows[0]?.body).toContain("http://localhost:3000/reset-password?token=");
  });

  it("sends HSTS over HTTPS only, and no X-Frame-Options beside frame-ancestors 'none'", async () => {
    const plain = await createApp({ database: t, logger }).request("http://localhost/healthz");
    expect(plain.headers.get("strict-transport-security")).toBeNull();
    expect(plain.headers.get("x-frame-options")).toBeNull();
    expect(plain.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    const secure = await createApp({ database: t, logger, publicOrigin: "https://odop.example" }).request(
      "https://odop.example/healthz",
    );
    expect(secure.headers.get("strict-transport-security")).toMatch(/max-age=\d+/);
    const proxied = await createApp({ database: t, logger, trustProxy: true }).request("/healthz", {
      headers: { "X-Forwarded-Proto": "https" },
    });
    expect(proxied.headers.get("strict-transport-security")).toMatch(/max-age=\d+/);
  });
});

describe("every route, visited signed in", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await freshDatabase({ seeded: true });
  });
  afterAll(() => t.dispose());

  it("never lets a page that read the session be cached, nor a cached page carry a person's data", async () => {
    const app = createApp({ database: t, logger });
    const admin = await person(t.db, "national_admin");
    await person(t.db, "district_officer", inVaranasi);
    const v = await signedIn(app, admin.email);
    const [user] = (
      (await t.db.execute(sql`select name from users where id = ${admin.userId}`)) as unknown as {
        rows: { name: string }[];
      }
    ).rows;
    // Real values for the routes' parameters, so that the pages themselves are seen, not only their 404s.
    const samples: Record<string, string> = {
      "/states/:code": "9",
      "/districts/:code": "187",
      "/products/:slug": "darjeeling-tea-darjeeling",
      "/gi/:id": "1",
      "/sectors/:code": "textiles",
    };
    const paths = [
      ...new Set(
        app.routes
          .filter((r) => r.method === "GET" && !r.path.includes("*") && !r.path.startsWith("/api/"))
          .map((r) => r.path),
      ),
    ];
    expect(paths.length).toBeGreaterThan(30);
    const personal: string[] = [];
    for (const route of paths) {
      const bare = route.replace(/\{[^}]*\}/g, "");
      const url = (
        samples[bare] ? bare.replace(/:\w+/, samples[bare]) : bare.replace(/:\w+/g, "1")
      ) as string;
      const mine = await v.get(url);
      const html = await mine.text();
      if (mine.headers.get("cache-control") === "private, no-store") {
        personal.push(route);
        continue;
      }
      // A page that may be cached must be the same for everyone: it has not read the session.
      expect(html, url).not.toContain(admin.email);
      expect(html, url).not.toContain(user?.name as string);
      const anonymous = await createApp({ database: t, logger }).request(url);
      expect(await anonymous.text(), url).toBe(html);
    }
    expect(personal).toEqual(
      expect.arrayContaining(["/account", "/audit", "/producers", "/officer/producers"]),
    );
  });
});
