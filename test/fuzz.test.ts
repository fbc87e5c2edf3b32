import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../src/app";
import { refreshInsights } from "../src/modules/insights";
import { buildAllOpenData } from "../src/open-data-sources";
import { createLogger } from "../src/platform/logger";
import { freshDatabase, type TestDatabase } from "./support/database";
import { person, signedIn } from "./support/people";
import type { Visitor } from "./support/visitor";

/** Values people and programs really send by mistake or on purpose, beside random text. */
const nasty = fc.oneof(
  fc.constantFrom(
    "",
    " ",
    "0",
    "-1",
    "1.5",
    "1e309",
    "NaN",
    "2147483647",
    "2147483648",
    "-2147483649",
    "9223372036854775808",
    "99999999999999999999999999",
    "abc",
    "\u0000",
    "a\u0000b",
    "2026-13-45",
    "2026-02-30",
    "0000-00-00",
    "9999-12-31T99:99",
    "कर्नाटक",
    "😀",
    "'; drop table users; --",
    "<script>",
    "%",
    "%zz",
    "../../etc/passwd",
    "x".repeat(5000),
  ),
  fc.string({ maxLength: 40, unit: "binary" }),
  fc.integer({ min: -(2 ** 53), max: 2 ** 53 }).map(String),
);

/** Every query parameter name a page or the API reads. */
const names = [
  "page",
  "q",
  "state",
  "district",
  "sector",
  "type",
  "gi",
  "from",
  "to",
  "action",
  "actor",
  "status",
  "lang",
  "offset",
  "limit",
  "fields",
  "format",
  "sort",
  "revision",
  "class",
  "linked",
  "hasProduct",
  "product",
  "next",
  "token",
  "done",
  "kind",
];

const query = fc
  .array(fc.tuple(fc.constantFrom(...names), nasty), { maxLength: 5 })
  .map((pairs) => pairs.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join("&"));

describe("no input gives a 5xx", () => {
  let t: TestDatabase;
  let app: ReturnType<typeof createApp>;
  let admin: Visitor;
  let openDataDir: string;
  beforeAll(async () => {
    t = await freshDatabase({ seeded: true });
    openDataDir = fs.mkdtempSync(path.join(os.tmpdir(), "odop-fuzz-open-data-"));
    app = createApp({ database: t, logger: createLogger("silent"), openDataDir });
    await buildAllOpenData(t.db, openDataDir);
    await refreshInsights(t.db); // as the server's jobs do: the dashboards' figures exist
    admin = await signedIn(app, (await person(t.db, "national_admin")).email);
  });
  afterAll(async () => {
    await t.dispose();
    fs.rmSync(openDataDir, { recursive: true, force: true });
  });

  const routes = (method: string) => () => [
    ...new Set(app.routes.filter((r) => r.method === method && !r.path.includes("*")).map((r) => r.path)),
  ];

  it("on any page or API route, with any path segment and query, signed in or not", async () => {
    const paths = routes("GET")();
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...paths),
        nasty,
        query,
        fc.boolean(),
        async (route, segment, q, asAdmin) => {
          const url = `${route.replace(/:(\w+)(\{[^}]*\})?/g, encodeURIComponent(segment))}?${q}`;
          const res = asAdmin ? await admin.get(url) : await app.request(url);
          expect(res.status, `GET ${url}`).toBeLessThan(500);
        },
      ),
      {
        numRuns: 600,
        // Cases found by hand or by earlier runs, checked every time.
        examples: [
          ["/producers", "", "page=abc", false],
          ["/producers", "", "page=0&page=-1", true],
          ["/producers", "", "district=2147483648", false],
          ["/producers", "", "state=99999999999", true],
          ["/producers", "", "q=%00", false],
          ["/audit", "", "from=2026-13-45", true],
          ["/audit", "", "to=9999-99-99&actor=2147483648", true],
          ["/producers/:id{[0-9]+}", "2147483648", "", false],
          ["/officer/producers/:id{[0-9]+}", "2147483648", "", true],
          ["/account/officers/:id{[0-9]+}/revoke", "2147483648", "", true],
          ["/account/invitations/:id{[0-9]+}/withdraw", "2147483648", "", true],
          ["/search", "", "q=a%00b&state=2147483648", false],
          ["/products/:slug", "\u0000", "", false],
          ["/api/v1/products", "", "district=2147483648&q=%00", false],
          ["/committees/new", "", "", true],
          ["/committees/new", "", "kind=sepc&state=abc", true],
          ["/committee-meetings/:id{[0-9]+}", "2147483648", "lang=hi", false],
          ["/committee-meetings/:id{[0-9]+}/minutes.pdf", "99999", "", false],
          ["/committees/:id{[0-9]+}/meetings/:meeting{[0-9]+}/minutes", "2147483648", "", true],
          [
            "/committees/:id{[0-9]+}/meetings/:meeting{[0-9]+}/decisions/:decision{[0-9]+}/remove",
            "1",
            "",
            true,
          ],
          ["/export-plans", "", "state=2147483648", false],
          ["/export-plans", "", "state=abc&lang=hi", false],
          ["/districts/:code{[0-9]{1,6}}/export-plan.pdf", "999999", "version=abc", false],
          ["/escalations", "", "level=nation&page=99999999999", true],
          ["/bottlenecks/:id{[0-9]+}/evidence/:fid{[0-9]+}", "2147483648", "", true],
          ["/export-plans/:id{[0-9]+}/products/:pid{[0-9]+}/remove", "2147483648", "", true],
          ["/api/v1/export-plans/:id", "2147483648", "", false],
          ["/api/v1/export-plan-status", "", "state=abc&limit=0", false],
        ],
      },
    );
  });

  it("on any form, with any field values", async () => {
    const paths = routes("POST")();
    const fields = fc.dictionary(
      fc.constantFrom(
        "name",
        "email",
        "password",
        "confirm",
        "lang",
        "next",
        "token",
        "districtLgdCode",
        "stateLgdCode",
        "role",
        "kind",
        "phone",
        "gstin",
        "udyam",
        "pan",
        "iec",
        "version",
        "decision",
        "reason",
        "country",
        "organisation",
        "interests",
        "description",
        "otherProducts",
        "productSlugs",
        "current",
        "date",
        "time",
        "durationMinutes",
        "venue",
        "videoLink",
        "agenda",
        "text",
        "owner",
        "dueDate",
        "agendaItemId",
        "present-1",
        "minutes-1",
        "productSlug",
        "hsHeading",
        "sectorCode",
        "rank",
        "basis_ecosystem",
        "giId",
        "decisionId",
        "step",
        "titleEn",
        "titleHi",
        "effectiveAt",
        "publishedAt",
        "fromYear",
        "years",
        "strategy",
        "section",
        "body",
        "hsHeadings",
        "markets",
        "label",
        "unit",
        "c|export_inr|2026",
        "c|custom:99|1900",
        "category",
        "severity",
        "ownerAgency",
        "note",
        "parentId",
        "title",
        "startsOn",
        "endsOn",
        "weight",
        "progress",
        "status",
        "code",
        "nameEn",
        "nameHi",
      ),
      nasty,
      { maxKeys: 8 },
    );
    await admin.get("/account");
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...paths), nasty, fields, async (route, segment, body) => {
        const url = route.replace(/:(\w+)(\{[^}]*\})?/g, encodeURIComponent(segment));
        const res = await admin.post(url, body, { csrf: admin.csrf() || undefined });
        expect(res.status, `POST ${url} ${JSON.stringify(body)}`).toBeLessThan(500);
      }),
      {
        numRuns: 300,
        examples: [
          ["/account/invitations/:id{[0-9]+}/withdraw", "9007199254740992", {}],
          ["/producers/new", "", { name: "a\u0000b", districtLgdCode: "2147483648" }],
          ["/officer/producers/:id{[0-9]+}", "1", { version: "2147483648", decision: "verified" }],
          ["/admin/bottleneck-categories", "", { code: "a\u0000b", nameEn: "x".repeat(5000), nameHi: "" }],
          ["/export-plans/:id{[0-9]+}/targets", "1", { version: "1", "c|export_inr|2026": "1e309" }],
          [
            "/bottlenecks/:id{[0-9]+}/step",
            "2147483648",
            { version: "1", step: "raise", dueDate: "2026-02-30" },
          ],
        ],
      },
    );
  });
});
