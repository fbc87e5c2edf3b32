import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inVaranasi } from "../../../test/support/actors";
import { freshDatabase, type TestDatabase } from "../../../test/support/database";
import { person, signedIn } from "../../../test/support/people";
import { createApp } from "../../app";
import { createLogger } from "../../platform/logger";

type Row = Record<string, unknown>;

describe("confirming the GI links suggested by name", () => {
  let t: TestDatabase;
  let app: ReturnType<typeof createApp>;
  const rows = async (q: ReturnType<typeof sql>) =>
    ((await t.db.execute(q)) as unknown as { rows: Row[] }).rows;
  const fresh = () => createApp({ database: t, logger: createLogger("silent") }); // no page cache in between
  beforeAll(async () => {
    t = await freshDatabase({ seeded: true });
    app = createApp({ database: t, logger: createLogger("silent") });
  });
  afterAll(() => t.dispose());

  it("lets the administrator confirm one (audited, once) and reject another; others are refused", async () => {
    const admin = await signedIn(app, (await person(t.db, "national_admin")).email);
    const account = await (await admin.get("/account")).text();
    expect(account).toMatch(/GI links to confirm<\/a>: \d+ suggestions wait for a decision/);
    const list = await (await admin.get("/admin/gi-links")).text();
    const forms = [...list.matchAll(/action="\/admin\/gi-links\/(\d+)\/(\d+)"/g)];
    expect(forms.length).toBeGreaterThan(10);
    expect(list).not.toContain("gi_registry_match"); // why it was suggested, in words, not the matcher's code
    expect(list).toContain("the product&#39;s name is the GI&#39;s registered name");
    const [product, gi] = [Number(forms[0]?.[1]), Number(forms[0]?.[2])];
    const [slug] = await rows(sql`select slug from products where id = ${product}`);
    expect(await (await fresh().request(`/products/${slug?.slug}`)).text()).toContain("not yet confirmed");

    const confirmed = await admin.post(`/admin/gi-links/${product}/${gi}`, { decision: "confirmed" });
    expect(confirmed.status).toBe(303);
    const page = await (await fresh().request(`/products/${slug?.slug}`)).text();
    expect(page).not.toContain("not yet confirmed");
    expect(page).toContain("<strong>confirmed</strong>");
    const again = await admin.post(
      `/admin/gi-links/${product}/${gi}`,
      { decision: "rejected" },
      { from: "/admin/gi-links" },
    );
    expect(again.status).toBe(409); // decided already: nothing changes
    const audit = await rows(sql`select action, role from audit_log where entity_type = 'gi_link'`);
    expect(audit).toEqual([{ action: "gi_link.confirm", role: "national_admin" }]);

    const [p2, g2] = [Number(forms[1]?.[1]), Number(forms[1]?.[2])];
    expect(
      (await admin.post(`/admin/gi-links/${p2}/${g2}`, { decision: "rejected" }, { from: "/admin/gi-links" }))
        .status,
    ).toBe(303);
    const [slug2] = await rows(sql`select slug from products where id = ${p2}`);
    const [giName] = await rows(sql`select name from gi_registrations where id = ${g2}`);
    expect(await (await fresh().request(`/products/${slug2?.slug}`)).text()).not.toContain(
      `>${giName?.name}</a>`,
    );

    const officer = await signedIn(app, (await person(t.db, "district_officer", inVaranasi)).email);
    expect((await officer.get("/admin/gi-links")).status).toBe(403);
    await officer.get("/account");
    expect(
      (
        await officer.post(`/admin/gi-links/${Number(forms[2]?.[1])}/${Number(forms[2]?.[2])}`, {
          decision: "confirmed",
        })
      ).status,
    ).toBe(403);
    expect(await rows(sql`select count(*)::int as n from audit_log where entity_type = 'gi_link'`)).toEqual([
      { n: 2 },
    ]);
  });

  it("lists the GI goods of a district's products on the district's page", async () => {
    const [linked] = await rows(sql`
      select p.district_lgd_code as d, g.name from product_gi_links l join products p on p.id = l.product_id
      join gi_registrations g on g.id = l.gi_id join list_revisions r on r.id = p.revision_id
      where r.is_live and l.status = 'suggested' limit 1`);
    const html = await (await fresh().request(`/districts/${linked?.d}`)).text();
    expect(html).toContain("GI goods of the district&#39;s products");
    expect(html).toContain(String(linked?.name).replaceAll("'", "&#39;"));
  });
});
