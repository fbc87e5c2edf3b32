import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase, type TestDatabase } from "../../../test/support/database";
import { createApp } from "../../app";
import { createLogger } from "../../platform/logger";

type Row = Record<string, unknown>;

describe("the export ranking of districts", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await freshDatabase({ seeded: true });
  });
  afterAll(() => t.dispose());

  it("ranks districts nationally and within a State, by sector, with the figures of the source", async () => {
    const app = createApp({ database: t, logger: createLogger("silent") });
    const national = await (await app.request("/exports")).text();
    expect(national).toContain("All of India, all sectors");
    expect(national).toMatch(/675 districts, together US\$[\d,.]+ million/);
    const [top] = (
      (await t.db.execute(sql`
      select district_lgd_code as d, sum(export_usd)::float8 as usd from district_exports
      where district_lgd_code is not null group by 1 order by 2 desc limit 1`)) as unknown as { rows: Row[] }
    ).rows;
    expect(national).toMatch(
      new RegExp(`<td class="num">1</td><th scope="row"><a href="/districts/${top?.d}">`),
    );
    const up = await (await app.request("/exports?state=9&sector=textiles_garments&lang=hi")).text();
    expect(up).toContain("उत्तर प्रदेश, वस्त्र एवं परिधान");
    expect(up).not.toContain('<th scope="col">राज्य/संघ राज्य क्षेत्र</th>'); // one State: no State column
    expect((await app.request("/exports?state=999")).status).toBe(400);
    expect((await app.request("/exports?sector=nonsense")).status).toBe(400);
  });
});
