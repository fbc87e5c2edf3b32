import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inLucknow, inPatna, inVaranasi, UP } from "../../../test/support/actors";
import { freshDatabase, type TestDatabase } from "../../../test/support/database";
import { person, signedIn } from "../../../test/support/people";
import type { Visitor } from "../../../test/support/visitor";
import { createApp } from "../../app";
import { createLogger } from "../../platform/logger";

type Row = Record<string, unknown>;

describe("proposals: district → State → nation → published revision", () => {
  let t: TestDatabase;
  let app: ReturnType<typeof createApp>;
  let district: Visitor;
  let districtEmail: string;
  let state: Visitor;
  let stateEmail: string;
  let nation: Visitor;
  let varanasiSlug: string;
  let lucknowSlug: string;
  const rows = async (q: ReturnType<typeof sql>) =>
    ((await t.db.execute(q)) as unknown as { rows: Row[] }).rows;
  const fresh = () => createApp({ database: t, logger: createLogger("silent") }); // public pages, uncached
  const versionOn = (html: string) => /name="version" value="(\d+)"/.exec(html)?.[1] as string;
  const count = async (table: string) =>
    (await rows(sql.raw(`select count(*)::int as n from ${table}`)))[0]?.n as number;
  const change = (over: Record<string, string> = {}) => ({
    kind: "change",
    districtLgdCode: String(inVaranasi.districtLgdCode),
    productSlug: varanasiSlug,
    hsHeading: "5007",
    basis_ecosystem: "on",
    basis_gi: "on",
    producersAndUnits: "Handloom weavers of the Lohta cluster (District Industries Centre survey)",
    ...over,
  });

  beforeAll(async () => {
    t = await freshDatabase({ seeded: true });
    app = createApp({ database: t, logger: createLogger("silent") });
    const d = await person(t.db, "district_officer", inVaranasi);
    const s = await person(t.db, "state_officer", { stateLgdCode: UP, districtLgdCode: null });
    const a = await person(t.db, "national_admin");
    [districtEmail, stateEmail] = [d.email, s.email];
    district = await signedIn(app, d.email);
    state = await signedIn(app, s.email);
    nation = await signedIn(app, a.email);
    const slugOf = async (code: number) =>
      (
        await rows(
          sql`select p.slug from products p join list_revisions r on r.id = p.revision_id and r.is_live
              where p.district_lgd_code = ${code} order by p.id limit 1`,
        )
      )[0]?.slug as string;
    varanasiSlug = await slugOf(inVaranasi.districtLgdCode);
    lucknowSlug = await slugOf(inLucknow.districtLgdCode);
  });
  afterAll(() => t.dispose());

  it("refuses a bad proposal on its field, in both languages, and stores nothing", async () => {
    const cases: [Record<string, string>, string, string, string][] = [
      [
        { hsHeading: "9990" },
        "hsHeading",
        "No HS 2022 heading has this number",
        "इस संख्या का कोई एचएस 2022 शीर्ष नहीं है",
      ],
      [{ hsHeading: "50x7" }, "hsHeading", "Enter 4 digits, e.g. 5007", "4 अंक लिखें, जैसे 5007"],
      [
        { productSlug: lucknowSlug },
        "productSlug",
        "Choose one of this district&#39;s products in the live list",
        "वर्तमान सूची में इस ज़िले के उत्पादों में से एक चुनें",
      ],
      [
        { basis_ecosystem: "", basis_gi: "" },
        "basis",
        "Tick at least one basis",
        "कम से कम एक आधार पर निशान लगाएँ",
      ],
      [
        { hsHeading: "" },
        "name",
        "Give at least one new value: a name, a Hindi name, sector, HS heading or rank",
        "कम से कम एक नया मान दें",
      ],
      [{ kind: "add", productSlug: "", name: "" }, "name", "Enter this field", "यह फ़ील्ड भरें"],
      [
        { nameHi: "Banarasi silk" },
        "nameHi",
        "Write the Hindi name in Devanagari letters",
        "हिंदी नाम देवनागरी अक्षरों में लिखें",
      ],
    ];
    const before = await count("product_proposals");
    for (const [over, field, en, hi] of cases)
      for (const [q, text] of [
        ["", en],
        ["?lang=hi", hi],
      ] as const) {
        const from = `/proposals/new?district=${inVaranasi.districtLgdCode}${q ? "&lang=hi" : ""}`;
        const res = await district.post(`/proposals/new${q}`, change(over), { from });
        expect(res.status, `${field} ${q}`).toBe(400);
        const html = await res.text();
        expect(html, `${field} ${q}`).toContain(text);
        expect(html).toContain(`href="#f-${field}"`);
        expect(html).toContain("Lohta cluster"); // what was typed is kept
      }
    // Another district's officer cannot propose for Varanasi.
    const lucknow = await signedIn(app, (await person(t.db, "district_officer", inLucknow)).email);
    await lucknow.get("/account");
    expect((await lucknow.post("/proposals/new", change())).status).toBe(403);
    expect(await count("product_proposals")).toBe(before);
  });

  it("goes from the district through the State (returned once) to the nation, into the draft and the live list", async () => {
    // Until the district gives a Hindi name, Hindi pages show the English one, marked as English.
    const before = await (await fresh().request(`/products/${varanasiSlug}?lang=hi`)).text();
    expect(before).toContain("अंग्रेज़ी में");
    expect(before).not.toContain("रेशमी उत्पाद");
    const made = await district.post("/proposals/new", change({ nameHi: "रेशमी उत्पाद" }), {
      from: `/proposals/new?district=${inVaranasi.districtLgdCode}`,
    });
    expect(made.status).toBe(303);
    const id = /\/proposals\/(\d+)/.exec(made.headers.get("location") ?? "")?.[1] as string;
    const told = await rows(
      sql`select subject from outbox where to_address = ${stateEmail} order by id desc limit 1`,
    );
    expect(told[0]?.subject).toContain(`Proposal ${id} from Varanasi waits for the State`);

    // Another State's officer neither sees nor moves it.
    const bihar = await signedIn(
      app,
      (await person(t.db, "state_officer", { ...inPatna, districtLgdCode: null })).email,
    );
    expect((await bihar.get(`/proposals/${id}`)).status).toBe(403);

    // The State returns it: a reason is needed, then the district sees it.
    const page = `/proposals/${id}`;
    let html = await (await state.get(page)).text();
    expect(html).toContain("With the State");
    expect(html).toContain("Your move");
    const noReason = await state.post(
      `${page}/step`,
      { version: versionOn(html), step: "returnByState" },
      { from: page },
    );
    expect(noReason.status).toBe(400);
    expect(await noReason.text()).toContain("Give the reasons");
    const returned = await state.post(
      `${page}/step`,
      {
        version: versionOn(html),
        step: "returnByState",
        reason: "Cite the GI registration of Banaras Brocades.",
      },
      { from: page },
    );
    expect(returned.status).toBe(303);
    const mail = await rows(
      sql`select body from outbox where to_address = ${districtEmail} order by id desc limit 1`,
    );
    expect(mail[0]?.body).toContain("Cite the GI registration of Banaras Brocades.");

    // The district corrects it and sends it again; the State forwards it.
    const edit = await (await district.get(`${page}/edit`)).text();
    expect(edit).toContain("Cite the GI registration of Banaras Brocades.");
    const resent = await district.post(
      `${page}/edit`,
      { ...change({ nameHi: "रेशमी उत्पाद" }), version: versionOn(edit) },
      { from: `${page}/edit` },
    );
    expect(resent.status).toBe(303);
    html = await (await state.get(page)).text();
    const stale = versionOn(html);
    expect(
      (await state.post(`${page}/step`, { version: stale, step: "forward" }, { from: page })).status,
    ).toBe(303);
    const twice = await state.post(`${page}/step`, { version: stale, step: "forward" }, { from: "/account" });
    expect(twice.status).toBe(409);

    // The nation accepts it into a new draft, whose diff shows the change; then publishes it.
    html = await (await nation.get(page)).text();
    expect(html).toContain("With the national administrator");
    expect(
      (await nation.post(`${page}/step`, { version: versionOn(html), step: "accept" }, { from: page }))
        .status,
    ).toBe(303);
    const live = (await rows(sql`select id from list_revisions where is_live`))[0]?.id as string;
    const draftPage = await (await nation.get("/admin/revisions")).text();
    expect(draftPage).toContain("0 added, 0 removed, 1 changed");
    expect(draftPage).toContain("HS heading: — → 5007");
    expect(draftPage).toContain("Hindi name: — → रेशमी उत्पाद");
    const published = await nation.post(
      "/admin/revisions/publish",
      {
        version: versionOn(draftPage),
        titleEn: "ODOP list, December 2026",
        titleHi: "ओडीओपी सूची, दिसंबर 2026",
        effectiveAt: "2026-12-01",
      },
      { from: "/admin/revisions" },
    );
    expect(published.status).toBe(303);
    const now = (await rows(sql`select id, title_en from list_revisions where is_live`))[0];
    expect(now?.id).not.toBe(live);
    expect(now?.title_en).toBe("ODOP list, December 2026");
    expect(
      await rows(sql`select state, revision_id from product_proposals where id = ${Number(id)}`),
    ).toEqual([{ state: "published", revision_id: now?.id }]);
    const news = await rows(
      sql`select subject from outbox where to_address = ${districtEmail} order by id desc limit 1`,
    );
    expect(news[0]?.subject).toContain(`Proposal ${id} for Varanasi is published in the national list`);

    // The public sees the new revision, its diff, and the product listed since the earlier one, with its heading.
    const revision = await (await fresh().request(`/revisions/${now?.id}`)).text();
    expect(revision).toContain("0 added, 0 removed, 1 changed");
    const product = await (await fresh().request(`/products/${varanasiSlug}`)).text();
    expect(product).toContain(`href="/revisions/${live}"`);
    expect(product).toContain("5007");
    // The Hindi name is the product's name on Hindi pages now, and the search finds the product by it.
    const inHindi = await (await fresh().request(`/products/${varanasiSlug}?lang=hi`)).text();
    expect(inHindi).toMatch(/<h1><span>रेशमी उत्पाद<\/span><\/h1>/);
    const found = await (
      await fresh().request(`/search?q=${encodeURIComponent("रेशमी उत्पाद")}&lang=hi`)
    ).text();
    expect(found).toContain(`href="/products/${varanasiSlug}?lang=hi"`);
    expect(
      (
        await rows(
          sql`select action from audit_log where entity_type in ('product_proposal', 'list_revision') order by id`,
        )
      ).map((r) => r.action),
    ).toEqual([
      "proposal.submit",
      "proposal.returnByState",
      "proposal.resubmit",
      "proposal.forward",
      "proposal.accept",
      "proposal.publish",
      "revision.publish",
    ]);
  });

  it("leaves the live list untouched when publishing fails halfway", async () => {
    const made = await district.post("/proposals/new", change({ hsHeading: "", rank: "Secondary" }), {
      from: `/proposals/new?district=${inVaranasi.districtLgdCode}`,
    });
    expect(made.status, await made.clone().text()).toBe(303);
    const id = Number(/\/proposals\/(\d+)/.exec(made.headers.get("location") ?? "")?.[1]);
    for (const [who, step] of [
      [state, "forward"],
      [nation, "accept"],
    ] as const) {
      const html = await (await who.get(`/proposals/${id}`)).text();
      expect(
        (
          await who.post(
            `/proposals/${id}/step`,
            { version: versionOn(html), step },
            { from: `/proposals/${id}` },
          )
        ).status,
      ).toBe(303);
    }
    const live = await rows(sql`select id from list_revisions where is_live`);
    const searchBefore = await count("search_entries");
    // Publishing rebuilds the search index after switching the live revision: make that step fail.
    await t.db.execute(
      sql.raw(`create function odop_fail() returns trigger language plpgsql as $$
      begin raise exception 'forced failure'; end $$`),
    );
    await t.db.execute(
      sql.raw("create trigger odop_fail before insert on search_entries execute function odop_fail()"),
    );
    try {
      const page = await (await nation.get("/admin/revisions")).text();
      const res = await nation.post(
        "/admin/revisions/publish",
        {
          version: versionOn(page),
          titleEn: "Will not go live",
          titleHi: "लागू नहीं होगी",
          effectiveAt: "2026-12-15",
        },
        { from: "/admin/revisions" },
      );
      expect(res.status).toBe(500);
    } finally {
      await t.db.execute(sql.raw("drop trigger odop_fail on search_entries"));
      await t.db.execute(sql.raw("drop function odop_fail()"));
    }
    expect(await rows(sql`select id from list_revisions where is_live`)).toEqual(live);
    expect(await rows(sql`select count(*)::int as n from list_revisions where status = 'draft'`)).toEqual([
      { n: 1 },
    ]);
    expect(await count("search_entries")).toBe(searchBefore);
    expect(await rows(sql`select state from product_proposals where id = ${id}`)).toEqual([
      { state: "accepted" },
    ]);

    // Discarding the draft puts the proposal back with the nation: nothing the district proposed is lost.
    const discard = await (await nation.get("/admin/revisions/discard")).text();
    expect(
      (
        await nation.post(
          "/admin/revisions/discard",
          { version: versionOn(discard) },
          { from: "/admin/revisions/discard" },
        )
      ).status,
    ).toBe(303);
    expect(await rows(sql`select state, revision_id from product_proposals where id = ${id}`)).toEqual([
      { state: "with_nation", revision_id: null },
    ]);
    expect(await rows(sql`select count(*)::int as n from list_revisions where status = 'draft'`)).toEqual([
      { n: 0 },
    ]);
  });

  it("uploads a whole list: every unplaced row is reported and nothing is read; a good file becomes the draft", async () => {
    const header = "State,District,Product,Category,Sector,Description,GI Status";
    const upload = (content: string, name: string) =>
      nation.upload(
        "/admin/revisions/upload",
        {
          titleEn: "DPIIT list, test upload",
          titleHi: "डीपीआईआईटी सूची, परीक्षण",
          source: "DPIIT",
          publishedAt: "2026-11-20",
        },
        { name, bytes: content, type: "text/csv" },
        { from: "/admin/revisions" },
      );
    const revisionsBefore = await count("list_revisions");
    const bad = await upload(
      `${header}\nKarnataka,Atlantis,Gold,Primary,,,\nNarnia,Somewhere,Gold,Primary,,,\n`,
      "bad.csv",
    );
    expect(bad.status).toBe(400);
    const html = await bad.text();
    expect(html).toContain("Rows that could not be placed (2): nothing was read");
    expect(html).toContain("unknown district &quot;Atlantis&quot;");
    expect(await count("list_revisions")).toBe(revisionsBefore);

    const lying = await upload("\x89PNG\r\n\x1a\n not a workbook", "list.xlsx");
    expect(lying.status).toBe(400);
    expect(await lying.text()).toContain("it is named .xlsx but is not an Excel workbook");
    expect(await count("list_revisions")).toBe(revisionsBefore);

    const good = await upload(`${header}\nKarnataka,Mysuru,Mysore Silk,Primary,,,\n`, "good.csv");
    expect(good.status).toBe(303);
    const draft = await (await nation.get("/admin/revisions")).text();
    expect(draft).toContain("DPIIT list, test upload");
    expect(draft).toMatch(/1 added, \d[\d,]* removed, 0 changed/);
    // A second upload while the draft is open reads nothing.
    expect(await rows(sql`select count(*)::int as n from list_revisions where status = 'draft'`)).toEqual([
      { n: 1 },
    ]);
    const discard = await (await nation.get("/admin/revisions/discard")).text();
    await nation.post(
      "/admin/revisions/discard",
      { version: versionOn(discard) },
      { from: "/admin/revisions/discard" },
    );
    expect(await count("list_revisions")).toBe(revisionsBefore);
  });
});
