import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import argon2 from "argon2";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inLucknow, inPatna, inVaranasi, UP } from "../../../test/support/actors";
import { freshDatabase, type TestDatabase } from "../../../test/support/database";
import { readOutbox } from "../../../test/support/outbox";
import { password, person, signedIn } from "../../../test/support/people";
import { Visitor } from "../../../test/support/visitor";
import { createApp } from "../../app";
import { createLogger } from "../../platform/logger";
import { createAdmin } from "./commands/grants";
import { signUp } from "./commands/register";
import { throttle } from "./commands/sessions";

const count = async (db: TestDatabase["db"], table: string, where = sql`true`) =>
  Number(
    (
      (await db.execute(
        sql`select count(*)::int as n from ${sql.identifier(table)} where ${where}`,
      )) as unknown as {
        rows: { n: number }[];
      }
    ).rows[0]?.n,
  );

describe("accounts over HTTP", () => {
  let t: TestDatabase;
  let app: ReturnType<typeof createApp>;
  let outboxDir: string;
  beforeAll(async () => {
    t = await freshDatabase({ seeded: true });
    app = createApp({ database: t, logger: createLogger("silent") });
    outboxDir = fs.mkdtempSync(path.join(os.tmpdir(), "odop-outbox-"));
  });
  afterAll(async () => {
    await t.dispose();
    fs.rmSync(outboxDir, { recursive: true, force: true });
  });

  it("signs up, keeps every value on a validation error, and answers the same for an address that has an account", async () => {
    const v = new Visitor(app);
    const bad = await v.post(
      "/sign-up",
      { name: "Meera Devi", email: "not-an-email", password: "short", confirm: "other", lang: "hi" },
      { from: "/sign-up" },
    );
    expect(bad.status).toBe(400);
    const html = await bad.text();
    expect(html).toContain('value="Meera Devi"');
    expect(html).toContain('value="not-an-email"');
    expect(html).toContain("Enter an email address like name@example.com");
    expect(html).toContain("Enter at least 10 characters");
    expect(html).toContain("The two passwords are not the same");
    expect(await count(t.db, "users", sql`name = 'Meera Devi'`)).toBe(0);

    const ok = await v.post("/sign-up", {
      name: "Meera Devi",
      email: "Meera@Example.org",
      password,
      confirm: password,
      lang: "hi",
      next: "/producers/new",
    });
    expect(ok.status).toBe(303);
    expect(ok.headers.get("Location")).toBe("/sign-up/sent");
    expect(v.cookies.get("odop_session")).toBeUndefined(); // not signed in until the address is confirmed
    expect(await (await v.get("/sign-up/sent")).text()).toContain(
      "We have sent a message to the address you gave",
    );

    const twin = await new Visitor(app).post(
      "/sign-up",
      {
        name: "Other",
        email: "meera@example.org",
        password: "another passphrase",
        confirm: "another passphrase",
        lang: "en",
      },
      { from: "/sign-up" },
    );
    // The same answer: nobody learns from the form whether an address has an account. The owner's mail says so.
    expect(twin.status).toBe(303);
    expect(twin.headers.get("Location")).toBe("/sign-up/sent");
    expect(await count(t.db, "users", sql`lower(email) = 'meera@example.org'`)).toBe(1);
    const mails = (await readOutbox(t.db, outboxDir)).filter(
      (m) => m.to.toLowerCase() === "meera@example.org",
    );
    expect(mails.map((m) => m.subject)).toEqual([
      "ओडीओपी हब: अपना ईमेल पता सत्यापित करें",
      "ओडीओपी हब: इस पते से पहले से एक खाता है",
    ]);
    // The link is in the person's language, carries where they were going, and signs them in.
    const link = /http:\/\/localhost(\/verify-email\?\S+)/.exec(mails[0]?.text ?? "")?.[1] as string;
    expect(link).toContain("lang=hi");
    expect(link).toContain("next=%2Fproducers%2Fnew");
    const confirmed = await v.get(link);
    expect(confirmed.status).toBe(303);
    expect(confirmed.headers.get("Location")).toBe("/producers/new?lang=hi");
    expect(v.cookies.get("odop_session")).toBeTruthy();
    expect(await (await v.get("/account")).text()).toContain("Meera@Example.org");
  });

  it("throttles sign-ups per network address", async () => {
    const proxied = createApp({ database: t, logger: createLogger("silent"), trustProxy: true });
    const statuses: number[] = [];
    for (let i = 0; i <= throttle.signUpsPerAddress; i++) {
      const res = await new Visitor(proxied).post(
        "/sign-up",
        { name: "Many", email: `many${i}@example.org`, password, confirm: password, lang: "en" },
        { from: "/sign-up", headers: { "X-Forwarded-For": "198.51.100.20" } },
      );
      statuses.push(res.status);
    }
    expect(statuses.slice(0, -1).every((s) => s === 303)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
    expect(await count(t.db, "users", sql`email = ${`many${throttle.signUpsPerAddress}@example.org`}`)).toBe(
      0,
    );
    const elsewhere = await new Visitor(proxied).post(
      "/sign-up",
      { name: "Other", email: "other.net@example.org", password, confirm: password, lang: "en" },
      { from: "/sign-up", headers: { "X-Forwarded-For": "198.51.100.21" } },
    );
    expect(elsewhere.status).toBe(303);
  });

  it("says what is wrong in Hindi on a Hindi page, refusals included", async () => {
    const v = new Visitor(app);
    const res = await v.post(
      "/sign-up?lang=hi",
      { name: "", email: "x@", password: "छोटा", confirm: "", lang: "hi" },
      { from: "/sign-up?lang=hi" },
    );
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain("कुछ समस्या है");
    expect(html).toContain("यह फ़ील्ड भरें");
    expect(html).toContain("ईमेल पता name@example.com जैसा लिखें");
    expect(html).toContain("कम से कम 10 अक्षर लिखें");
    const officer = await signedIn(app, (await person(t.db, "district_officer", inVaranasi)).email);
    const denied = await officer.get("/audit?lang=hi");
    expect(denied.status).toBe(403);
    expect(await denied.text()).toContain("अनुमति नहीं");
  });

  it("sends signed-out visitors of a personal page to sign in, and back after", async () => {
    const res = await new Visitor(app).get("/account");
    expect(res.status).toBe(303);
    expect(res.headers.get("Location")).toBe("/sign-in?next=%2Faccount");
  });

  it("makes a planted session id worthless: sign-in always issues a new one and ends the old", async () => {
    const victim = await person(t.db);
    const attacker = await signedIn(app, (await person(t.db)).email);
    const planted = attacker.cookies.get("odop_session") as string;
    const v = new Visitor(app);
    v.cookies.set("odop_session", planted); // fixed by the attacker before the victim signs in
    await v.post("/sign-in", { email: victim.email, password }, { from: "/sign-in" });
    const issued = v.cookies.get("odop_session");
    expect(issued).toBeTruthy();
    expect(issued).not.toBe(planted);
    const withPlanted = new Visitor(app);
    withPlanted.cookies.set("odop_session", planted);
    expect((await withPlanted.get("/account")).status).toBe(303); // the planted one no longer signs anyone in
  });

  it("throttles guessing per account and address: the guesser waits, the owner elsewhere still signs in", async () => {
    const p = await person(t.db);
    const proxied = createApp({ database: t, logger: createLogger("silent"), trustProxy: true });
    const v = new Visitor(proxied);
    // The proxy appends the address it saw; the entries before it are the client's own words and change nothing.
    const from = (spoof: number) => ({ "X-Forwarded-For": `10.9.8.${spoof}, 203.0.113.9` });
    for (let i = 0; i < throttle.perAccountAndAddress; i++) {
      const res = await v.post(
        "/sign-in",
        { email: p.email, password: `wrong ${i} guess!` },
        { from: "/sign-in", headers: from(i) },
      );
      expect(res.status).toBe(401);
      expect(await res.text()).toContain("The email address or the password is wrong");
    }
    const blocked = await v.post(
      "/sign-in",
      { email: p.email, password },
      { from: "/sign-in", headers: from(99) },
    );
    expect(blocked.status).toBe(429);
    expect(await blocked.text()).toContain(`Try again in ${throttle.windowMinutes} minutes`);
    expect(v.cookies.get("odop_session")).toBeUndefined();
    // Counted in the database: another app on the same database refuses too.
    const other = createApp({ database: t, logger: createLogger("silent"), trustProxy: true });
    const again = await new Visitor(other).post(
      "/sign-in",
      { email: p.email, password },
      { from: "/sign-in", headers: from(100) },
    );
    expect(again.status).toBe(429);
    // The owner, at another address, is not locked out by someone else's guesses.
    const owner = await new Visitor(proxied).post(
      "/sign-in",
      { email: p.email, password },
      { from: "/sign-in", headers: { "X-Forwarded-For": "198.51.100.7" } },
    );
    expect(owner.status).toBe(303);
  });

  it("decides the throttle atomically: 25 simultaneous wrong passwords get 5 checks, the rest 429", async () => {
    const p = await person(t.db);
    const v = new Visitor(app);
    await v.get("/sign-in");
    const results = await Promise.all(
      Array.from({ length: 25 }, (_, i) =>
        v.post("/sign-in", { email: p.email, password: `wrong ${i} guess!` }),
      ),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(throttle.perAccountAndAddress);
    expect(statuses.filter((s) => s === 429)).toHaveLength(25 - throttle.perAccountAndAddress);
  });

  it("upgrades a password hash made with older parameters at the next sign-in", async () => {
    const p = await person(t.db);
    const weak = await argon2.hash(password, { type: argon2.argon2id, memoryCost: 8192, timeCost: 1 });
    await t.db.execute(sql`update users set password_hash = ${weak} where id = ${p.userId}`);
    await signedIn(app, p.email);
    const rows = (await t.db.execute(
      sql`select password_hash as h from users where id = ${p.userId}`,
    )) as unknown as {
      rows: { h: string }[];
    };
    expect(rows.rows[0]?.h).not.toBe(weak);
    expect(rows.rows[0]?.h).toMatch(/^\$argon2id\$v=19\$m=19456,p=1,t=2\$/);
    await signedIn(app, p.email); // and the new hash works
  });

  it("resets a password through the outbox: single use, and every old session ends", async () => {
    const p = await person(t.db);
    const laptop = await signedIn(app, p.email);
    const v = new Visitor(app);
    const asked = await v.post(
      "/forgot-password",
      { email: p.email.toUpperCase() },
      { from: "/forgot-password" },
    );
    expect(asked.status).toBe(200);
    expect(await asked.text()).toContain("a link to choose a new password is on its way");
    const unknown = await v.post(
      "/forgot-password",
      { email: "nobody@example.org" },
      { from: "/forgot-password" },
    );
    expect(await unknown.text()).toContain("a link to choose a new password is on its way"); // tells nothing

    const mail = (await readOutbox(t.db, outboxDir)).find(
      (m) => m.to === p.email && /new password/.test(m.subject),
    );
    const link = /http:\/\/localhost(\/reset-password\?token=[\w-]+)/.exec(mail?.text ?? "")?.[1];
    expect(link).toBeTruthy();
    const page = await v.get(link as string);
    expect(page.status).toBe(200);
    const token = new URL(`http://x${link}`).searchParams.get("token") as string;
    const newPassword = "another long passphrase";
    const done = await v.post("/reset-password", { token, password: newPassword, confirm: newPassword });
    expect(done.status).toBe(303);
    expect((await laptop.get("/account")).status).toBe(303); // the old session ended
    const reused = await v.post(
      "/reset-password",
      { token, password: newPassword, confirm: newPassword },
      { from: link },
    );
    expect(reused.status).toBe(400);
    expect(await reused.text()).toContain("This link is invalid, has been used or has expired");
    const fresh = new Visitor(app);
    const res = await fresh.post("/sign-in", { email: p.email, password: newPassword }, { from: "/sign-in" });
    expect(res.status).toBe(303);
  });

  it("throttles per address too: many accounts guessed from one network", async () => {
    const proxied = createApp({ database: t, logger: createLogger("silent"), trustProxy: true });
    const from = { "X-Forwarded-For": "203.0.113.7" };
    const v = new Visitor(proxied);
    for (let i = 0; i < throttle.perAddress; i++)
      await v.post(
        "/sign-in",
        { email: `guess${i}@example.org`, password: "wrong guess!" },
        { from: "/sign-in", headers: from },
      );
    const p = await person(t.db);
    const blocked = await v.post(
      "/sign-in",
      { email: p.email, password },
      { from: "/sign-in", headers: from },
    );
    expect(blocked.status).toBe(429);
    const elsewhere = await v.post(
      "/sign-in",
      { email: p.email, password },
      { from: "/sign-in", headers: { "X-Forwarded-For": "198.51.100.9" } },
    );
    expect(elsewhere.status).toBe(303);
  });

  it("marks cookies Secure over HTTPS, httpOnly and SameSite=Lax always", async () => {
    const p = await person(t.db);
    const served = createApp({
      database: t,
      logger: createLogger("silent"),
      publicOrigin: "https://odop.example",
    });
    const v = new Visitor(served, "https://odop.example");
    await v.get("https://odop.example/sign-in");
    const res = await served.request("https://odop.example/sign-in", {
      method: "POST",
      body: new URLSearchParams({ email: p.email, password, _csrf: v.csrf() }),
      headers: {
        "Content-Type": "application/x-www-form-urlencoded",
        Origin: "https://odop.example",
        Cookie: [...v.cookies].map(([k, x]) => `${k}=${x}`).join("; "),
      },
    });
    expect(res.status).toBe(303);
    const session = res.headers.getSetCookie().find((c) => c.startsWith("odop_session="));
    expect(session).toMatch(/; HttpOnly/);
    expect(session).toMatch(/; Secure/);
    expect(session).toMatch(/; SameSite=Lax/);
    const plain = await signedIn(app, p.email);
    expect(plain.cookies.get("odop_session")).toBeTruthy(); // over plain HTTP (local use) it still works
    // Behind a load balancer that ends TLS: Secure when the trusted proxy says the request was HTTPS.
    const proxied = createApp({ database: t, logger: createLogger("silent"), trustProxy: true });
    const behind = new Visitor(proxied);
    const viaProxy = await behind.post(
      "/sign-in",
      { email: p.email, password },
      { from: "/sign-in", headers: { "X-Forwarded-Proto": "https", "X-Forwarded-For": "192.0.2.1" } },
    );
    expect(viaProxy.headers.getSetCookie().find((c) => c.startsWith("odop_session="))).toMatch(/; Secure/);
  });

  it("confirms an email address by its single-use link, and offers to send it again", async () => {
    const p = await person(t.db, undefined, undefined, { verified: false });
    const v = await signedIn(app, p.email);
    const account = await (await v.get("/account")).text();
    expect(account).toContain("Your email address is not verified yet");
    expect(account).toContain("Send the link again");
    expect((await v.post("/account/verify-email", {})).status).toBe(303);
    expect(await (await v.get("/account?done=verificationSent")).text()).toContain(
      `A new link is on its way to ${p.email}`,
    );
    const mails = (await readOutbox(t.db, outboxDir)).filter(
      (m) => m.to === p.email && /verify/.test(m.subject),
    );
    expect(mails).toHaveLength(2);
    const link = /http:\/\/localhost(\/verify-email\?token=[\w-]+)/.exec(mails[1]?.text ?? "")?.[1] as string;
    const done = await v.get(link);
    expect(done.status).toBe(303);
    expect(done.headers.get("Location")).toBe("/account?done=verified");
    expect(await (await v.get("/account")).text()).toContain("(Verified)");
    expect((await v.get(link)).status).toBe(400); // once only
  });

  it("makes the first administrator from the CLI's command, with a link to choose the password", async () => {
    const { link, created } = await createAdmin(
      t.db,
      { email: "first.admin@example.gov.in", name: "First Admin" },
      { origin: "http://localhost" },
    );
    expect(created).toBe(true);
    const token = new URL(link).searchParams.get("token") as string;
    const v = new Visitor(app);
    await v.get(new URL(link).pathname + new URL(link).search);
    expect((await v.post("/reset-password", { token, password, confirm: password })).status).toBe(303);
    const admin = await signedIn(app, "first.admin@example.gov.in");
    const html = await (await admin.get("/account")).text();
    expect(html).toContain("National administrator · All of India");
    expect(html).toContain("Audit log");
    const again = await createAdmin(
      t.db,
      { email: "FIRST.admin@example.gov.in", name: "x" },
      { origin: "http://x" },
    );
    expect(again.created).toBe(false);
    expect(await count(t.db, "grants", sql`role = 'national_admin' and user_id = ${again.userId}`)).toBe(1);
  });

  it("sends at most a few reset mails per account in a quarter hour, answering the same every time", async () => {
    const p = await person(t.db);
    const v = new Visitor(app);
    for (let i = 0; i < throttle.resetsPerAccount + 2; i++) {
      const res = await v.post("/forgot-password", { email: p.email }, { from: "/forgot-password" });
      expect(await res.text()).toContain("a link to choose a new password is on its way");
    }
    const resets = (await readOutbox(t.db, outboxDir)).filter(
      (m) => m.to === p.email && /new password/.test(m.subject),
    );
    expect(resets).toHaveLength(throttle.resetsPerAccount);
  });

  it("signs out this browser only", async () => {
    const p = await person(t.db);
    const phone = await signedIn(app, p.email);
    const desk = await signedIn(app, p.email);
    expect((await desk.post("/sign-out", {}, { from: "/account" })).status).toBe(303);
    expect((await desk.get("/account")).status).toBe(303);
    expect((await phone.get("/account")).status).toBe(200);
  });

  it("gives two simultaneous sign-ups for one address one account, and the same answer to both", async () => {
    const meta = { requestId: null, ip: null, userAgent: null, origin: "http://localhost" };
    const input = { name: "Twin", email: "twin@example.org", password, lang: "en" as const };
    const results = await Promise.all([signUp(t.db, input, meta), signUp(t.db, input, meta)]);
    expect(results.filter((r) => r.userId !== null)).toHaveLength(1);
    expect(await count(t.db, "users", sql`lower(email) = 'twin@example.org'`)).toBe(1);
  });

  it("changes the password when the current one is given: other sessions end, this one stays", async () => {
    const p = await person(t.db);
    const phone = await signedIn(app, p.email);
    const desk = await signedIn(app, p.email);
    const fresh = "a different long passphrase";
    const wrong = await desk.post(
      "/account/password",
      { current: "not my password", password: fresh, confirm: fresh },
      { from: "/account/password" },
    );
    expect(wrong.status).toBe(400);
    expect(await wrong.text()).toContain("The current password is wrong");
    expect((await phone.get("/account")).status).toBe(200); // nothing changed
    const ok = await desk.post("/account/password", { current: password, password: fresh, confirm: fresh });
    expect(ok.status).toBe(303);
    expect((await desk.get("/account?done=passwordChanged")).status).toBe(200);
    expect(desk.lastHtml).toContain("Your password is changed");
    expect((await phone.get("/account")).status).toBe(303);
    const again = await new Visitor(app).post(
      "/sign-in",
      { email: p.email, password: fresh },
      { from: "/sign-in" },
    );
    expect(again.status).toBe(303);
  });

  it("refuses an expired reset link and changes nothing", async () => {
    const p = await person(t.db);
    const v = new Visitor(app);
    await v.post("/forgot-password", { email: p.email }, { from: "/forgot-password" });
    const mail = (await readOutbox(t.db, outboxDir)).find(
      (m) => m.to === p.email && /new password/.test(m.subject),
    );
    const token = /token=([\w-]+)/.exec(mail?.text ?? "")?.[1] as string;
    await t.db.execute(
      sql`update user_tokens set expires_at = now() - interval '1 minute' where user_id = ${p.userId}`,
    );
    const res = await v.post(
      "/reset-password",
      { token, password: "some other passphrase", confirm: "some other passphrase" },
      { from: `/reset-password?token=${token}` },
    );
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("This link is invalid, has been used or has expired");
    expect(
      (await new Visitor(app).post("/sign-in", { email: p.email, password }, { from: "/sign-in" })).status,
    ).toBe(303);
  });

  it("signs out everywhere", async () => {
    const p = await person(t.db);
    const phone = await signedIn(app, p.email);
    const desk = await signedIn(app, p.email);
    const res = await desk.post("/account/sign-out-everywhere", {}, { from: "/account" });
    expect(res.status).toBe(303);
    expect((await phone.get("/account")).status).toBe(303);
    expect((await desk.get("/account")).status).toBe(303);
  });

  it("rejects a state-changing request without its form's token or from another site, changing nothing", async () => {
    const users = await count(t.db, "users");
    const v = new Visitor(app);
    const fields = { name: "Forged", email: "forged@example.org", password, confirm: password, lang: "en" };
    const noToken = await v.post("/sign-up", fields, { from: "/sign-up", csrf: false });
    expect(noToken.status).toBe(403);
    const wrongToken = await v.post("/sign-up", fields, { from: "/sign-up", csrf: "x".repeat(32) });
    expect(wrongToken.status).toBe(403);
    const crossSite = await v.post("/sign-up", fields, { from: "/sign-up", origin: "https://evil.example" });
    expect(crossSite.status).toBe(403);
    const fetchMeta = await v.post("/sign-up", fields, {
      from: "/sign-up",
      headers: { "Sec-Fetch-Site": "cross-site" },
    });
    expect(fetchMeta.status).toBe(403);
    expect(await count(t.db, "users")).toBe(users);
  });

  it("refuses a body over the limit with 413 before reading it", async () => {
    const v = new Visitor(app);
    const res = await v.post(
      "/sign-up",
      { name: "x".repeat(70_000), email: "big@example.org" },
      { from: "/sign-up" },
    );
    expect(res.status).toBe(413);
    expect(await res.text()).toContain("larger than this form accepts");
  });

  it("sends the security headers: a CSP without inline scripts, no framing, a referrer policy", async () => {
    for (const p of ["/", "/sign-in"]) {
      const res = await app.request(p);
      const csp = res.headers.get("Content-Security-Policy") ?? "";
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toContain("unsafe-inline");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(res.headers.get("Referrer-Policy")).toBe("strict-origin-when-cross-origin");
      expect(res.headers.get("X-Content-Type-Options")).toBe("nosniff");
    }
    expect((await app.request("/sign-in")).headers.get("Cache-Control")).toBe("private, no-store");
  });

  it("escapes markup and stores SQL as plain text", async () => {
    const v = new Visitor(app);
    const name = `<script>alert("x")</script>'); DROP TABLE users;--`;
    await v.post(
      "/sign-up",
      { name, email: "quote'o@example.org", password, confirm: password, lang: "en" },
      { from: "/sign-up" },
    );
    await v.post("/sign-in", { email: "quote'o@example.org", password }, { from: "/sign-in" });
    const html = await (await v.get("/account")).text();
    expect(html).not.toContain("<script>alert");
    expect(html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&#39;); DROP TABLE users;--");
    const stored = (await t.db.execute(
      sql`select name from users where email = ${"quote'o@example.org"}`,
    )) as unknown as {
      rows: { name: string }[];
    };
    expect(stored.rows[0]?.name).toBe(name);
  });

  describe("invitations and scope", () => {
    it("lets the administrator invite a State officer, who accepts by the emailed link", async () => {
      const admin = await person(t.db, "national_admin");
      const v = await signedIn(app, admin.email);
      const res = await v.post(
        "/account/invite",
        { email: "sepc.up@example.org", role: "state_officer", stateLgdCode: String(UP) },
        { from: "/account/invite" },
      );
      expect(res.status).toBe(303);
      const mail = (await readOutbox(t.db, outboxDir)).find((m) => m.to === "sepc.up@example.org");
      const token = /token=([\w-]+)/.exec(mail?.text ?? "")?.[1] as string;
      const guest = new Visitor(app);
      const accept = await guest.post(
        "/invitations/accept",
        { token, name: "Officer UP", password },
        { from: `/invitations/accept?token=${token}` },
      );
      expect(accept.status).toBe(303);
      const officer = await signedIn(app, "sepc.up@example.org");
      expect(await (await officer.get("/account")).text()).toContain("State officer (SEPC) · Uttar Pradesh");
    });

    it("lets a State officer invite in its State only: another State is 403 and nothing is written", async () => {
      const officer = await person(t.db, "state_officer", { stateLgdCode: UP, districtLgdCode: null });
      const v = await signedIn(app, officer.email);
      const before = {
        invitations: await count(t.db, "invitations"),
        audit: await count(t.db, "audit_log"),
        outbox: await count(t.db, "outbox"),
      };
      const denied = await v.post(
        "/account/invite",
        {
          email: "depc.patna@example.org",
          role: "district_officer",
          districtLgdCode: String(inPatna.districtLgdCode),
        },
        { from: "/account/invite" },
      );
      expect(denied.status).toBe(403);
      expect(await count(t.db, "invitations")).toBe(before.invitations);
      expect(await count(t.db, "audit_log")).toBe(before.audit);
      expect(await count(t.db, "outbox")).toBe(before.outbox);
      const escalation = await v.post(
        "/account/invite",
        { email: "another.sepc@example.org", role: "state_officer", stateLgdCode: String(UP) },
        { from: "/account/invite" },
      );
      expect(escalation.status).toBe(403);
      const allowed = await v.post(
        "/account/invite",
        {
          email: "depc.lucknow@example.org",
          role: "district_officer",
          districtLgdCode: String(inLucknow.districtLgdCode),
        },
        { from: "/account/invite" },
      );
      expect(allowed.status).toBe(303);
      expect(await count(t.db, "invitations")).toBe(before.invitations + 1);
    });

    it("lets a State officer revoke a district officer of its State, after a confirmation page, and no other", async () => {
      const up = await signedIn(
        app,
        (await person(t.db, "state_officer", { stateLgdCode: UP, districtLgdCode: null })).email,
      );
      const lucknow = await person(t.db, "district_officer", inLucknow);
      const patna = await person(t.db, "district_officer", inPatna);
      const grantOf = async (userId: number) =>
        Number(
          (
            (await t.db.execute(sql`select id from grants where user_id = ${userId}`)) as unknown as {
              rows: { id: number }[];
            }
          ).rows[0]?.id,
        );
      const list = await (await up.get("/account/officers")).text();
      expect(list).toContain(lucknow.email);
      expect(list).not.toContain(patna.email);
      const lucknowGrant = await grantOf(lucknow.userId);
      const confirm = await up.get(`/account/officers/${lucknowGrant}/revoke`);
      expect(await confirm.text()).toContain(
        "Take away the role of District officer (DEPC) for Lucknow, Uttar Pradesh",
      );
      expect(await count(t.db, "grants", sql`id = ${lucknowGrant} and revoked_at is not null`)).toBe(0); // not yet
      const officer = await signedIn(app, lucknow.email);
      expect((await officer.get("/officer/producers")).status).toBe(200);
      expect((await up.post(`/account/officers/${lucknowGrant}/revoke`, {})).status).toBe(303);
      expect((await officer.get("/officer/producers")).status).toBe(403); // at once, in the session it already had
      await up.get("/account/officers");
      const other = await up.post(`/account/officers/${await grantOf(patna.userId)}/revoke`, {});
      expect(other.status).toBe(403);
      expect(await count(t.db, "grants", sql`user_id = ${patna.userId} and revoked_at is null`)).toBe(1);
      expect(
        await count(t.db, "audit_log", sql`action = 'grant.revoke' and entity_id = ${String(lucknowGrant)}`),
      ).toBe(1);
    });

    it("withdraws an open invitation after asking: its link stops working; others cannot withdraw it", async () => {
      const admin = await signedIn(app, (await person(t.db, "national_admin")).email);
      await admin.post(
        "/account/invite",
        {
          email: "withdrawn.depc@example.org",
          role: "district_officer",
          districtLgdCode: String(inPatna.districtLgdCode),
        },
        { from: "/account/invite" },
      );
      const mail = (await readOutbox(t.db, outboxDir)).find((m) => m.to === "withdrawn.depc@example.org");
      const token = /token=([\w-]+)/.exec(mail?.text ?? "")?.[1] as string;
      const page = await (await admin.get("/account/invite")).text();
      const href = /href="(\/account\/invitations\/(\d+)\/withdraw)"/.exec(page);
      expect(href).toBeTruthy();
      const up = await signedIn(
        app,
        (await person(t.db, "state_officer", { stateLgdCode: UP, districtLgdCode: null })).email,
      );
      await up.get("/account");
      expect((await up.post(href?.[1] as string, {})).status).toBe(403); // a Bihar invitation, out of UP's reach
      // The page that asks shows the invitee's address: out of reach, it is refused too (ids are sequential).
      const peek = await up.get(href?.[1] as string);
      expect(peek.status).toBe(403);
      expect(await peek.text()).not.toContain("withdrawn.depc@example.org");
      const anyone = await signedIn(app, (await person(t.db)).email);
      const peek2 = await anyone.get(href?.[1] as string);
      expect(peek2.status).toBe(403);
      expect(await peek2.text()).not.toContain("withdrawn.depc@example.org");
      const ask = await admin.get(href?.[1] as string);
      expect(await ask.text()).toContain("Withdraw the invitation to withdrawn.depc@example.org");
      expect((await admin.post(href?.[1] as string, {})).status).toBe(303);
      const late = new Visitor(app);
      expect(await (await late.get(`/invitations/accept?token=${token}`)).text()).toContain(
        "This link is invalid, has been used or has expired",
      );
      // Even a form kept open from before is refused.
      const accept = await late.post(
        "/invitations/accept",
        { token, name: "Too Late", password },
        { from: "/sign-in" },
      );
      expect(accept.status).toBe(400);
      expect(await count(t.db, "users", sql`email = 'withdrawn.depc@example.org'`)).toBe(0);
      expect(
        await count(
          t.db,
          "audit_log",
          sql`action = 'invitation.withdraw' and entity_id = ${href?.[2] as string}`,
        ),
      ).toBe(1);
    });

    it("keeps district officers and producers away from invitations and the audit log", async () => {
      const officer = await person(t.db, "district_officer", inVaranasi);
      const v = await signedIn(app, officer.email);
      expect((await v.get("/account/invite")).status).toBe(403);
      expect((await v.get("/audit")).status).toBe(403);
      expect((await v.get("/audit.csv")).status).toBe(403);
    });
  });

  describe("the audit log", () => {
    it("records each write with who, role, request id and address, in the same transaction", async () => {
      const p = await person(t.db);
      const v = await signedIn(app, p.email);
      await v.post("/account/sign-out-everywhere", {}, { from: "/account" });
      const rows = (await t.db.execute(
        sql`select action, role, request_id, actor_email from audit_log where actor_user_id = ${p.userId} order by id`,
      )) as unknown as {
        rows: { action: string; role: string; request_id: string | null; actor_email: string }[];
      };
      expect(rows.rows.map((r) => r.action)).toEqual([
        "user.sign_up",
        "user.email_verified",
        "session.sign_in",
        "session.sign_out_everywhere",
      ]);
      expect(rows.rows[3]?.role).toBe("self");
      expect(rows.rows[3]?.request_id).toMatch(/^[\w-]{8,}$/);
    });

    it("refuses UPDATE, DELETE and TRUNCATE in the database itself", async () => {
      const before = await count(t.db, "audit_log");
      await expect(t.db.execute(sql`update audit_log set action = 'rewritten'`)).rejects.toThrow();
      await expect(t.db.execute(sql`delete from audit_log`)).rejects.toThrow();
      await expect(t.db.execute(sql`truncate audit_log`)).rejects.toThrow();
      expect(await count(t.db, "audit_log")).toBe(before);
      expect(await count(t.db, "audit_log", sql`action = 'rewritten'`)).toBe(0);
    });

    it("shows the administrator everything and a State officer its State only, with filters and CSV", async () => {
      const up = await person(t.db, "state_officer", { stateLgdCode: UP, districtLgdCode: null });
      const admin = await person(t.db, "national_admin");
      const asUp = await signedIn(app, up.email);
      const asAdmin = await signedIn(app, admin.email);
      const upCsv = await (await asUp.get("/audit.csv")).text();
      const adminCsv = await (await asAdmin.get("/audit.csv")).text();
      const states = (csv: string) =>
        new Set(
          csv
            .trim()
            .split("\n")
            .slice(1)
            .map((line) => line.split(",")[7]),
        );
      expect([...states(upCsv)]).toEqual([String(UP)]);
      expect(states(adminCsv).has("")).toBe(true); // rows without a place (sign-ups) too
      expect(adminCsv.split("\n").length).toBeGreaterThan(upCsv.split("\n").length);
      const filtered = await (await asAdmin.get("/audit?action=grant.create")).text();
      expect(filtered).toContain("<td>Gave a role</td>"); // the action in words, not its code
      expect(filtered).not.toContain("<td>Created an account</td>");
      expect(filtered).toMatch(
        /<th scope="row"><code>role<\/code><\/th><td>(state_officer|national_admin)<\/td>/,
      ); // what changed, as a table
      const hindi = await (await asAdmin.get("/audit?action=grant.create&lang=hi")).text();
      expect(hindi).toContain("<td>भूमिका दी</td>");
      expect(hindi).toContain('<th scope="col">बाद में</th>');
      expect(filtered).toContain("System (command line)"); // the role a grant made by the CLI or a seed is recorded with
    });
  });
});
