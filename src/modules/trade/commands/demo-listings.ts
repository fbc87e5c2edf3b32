import { randomUUID } from "node:crypto";
import { and, eq, gt, sql } from "drizzle-orm";
import type { Db } from "../../../platform/db";
import { createDemoUser } from "../../accounts";
import { indexListingsInBulk, liveRevision, productsOfRevision } from "../../catalog";
import { getDistricts } from "../../geo";
import { demoDomain, generateDemoProducers } from "../../producers";
import { listings } from "../tables";

/**
 * Adds `count` generated listings to the bazaar for benchmarks: each is a real ODOP product of the live revision,
 * offered by a generated producer of its real district, published, marked demo (shown with a demo badge, never in
 * open data). Made in the database itself (generate_series), then indexed for search in bulk, so that a million rows
 * take minutes, not hours. Use a separate DATA_DIR or database: never one that serves the public.
 */
export async function generateDemoListings(db: Db, count: number): Promise<number> {
  const owner = await createDemoUser(db, {
    email: `generated.listings@${demoDomain}`,
    name: "Generated listings (demo)",
    password: randomUUID(),
    role: "producer",
    place: { stateLgdCode: null, districtLgdCode: null },
  });
  return db.transaction(async (tx) => {
    const revision = await liveRevision(tx);
    if (!revision) throw new Error("No live revision: import the seed data first");
    const products = await productsOfRevision(tx, revision.id);
    const districts = await getDistricts(tx, [...new Set(products.map((p) => p.districtLgdCode))]);
    const producerOf = await generateDemoProducers(
      tx,
      owner.userId,
      districts.map((d) => ({ stateLgdCode: d.stateLgdCode, districtLgdCode: d.lgdCode, name: d.nameEn })),
    );
    const [{ before } = { before: 0 }] = await tx
      .select({ before: sql<number>`coalesce(max(${listings.id}), 0)::int` })
      .from(listings);
    const offered = products.map((p, i) => ({
      i: i + 1,
      id: p.id,
      producer: producerOf.get(p.districtLgdCode) ?? null,
      state: p.stateLgdCode,
      district: p.districtLgdCode,
      sector: p.sectorCode,
      name: p.name,
    }));
    // The g-th generated listing offers product g mod n: every product in turn, with prices and quantities that vary.
    await tx.execute(sql`
      insert into ${listings} (producer_id, state_lgd_code, district_lgd_code, odop_product_id, sector_code, title_en,
        unit, min_order, monthly_capacity, lead_time_days, price_min_inr, price_max_inr, organic, samples_available,
        state, published_at, is_demo)
      select p.producer, p.state, p.district, p.id, p.sector, p.name || ' (demo listing ' || g || ')',
             'piece', 10 + g % 90, 500 + g % 5000, 7 + g % 60, 100 + g % 900, 1000 + g % 9000, g % 7 = 0, g % 3 = 0,
             'published', now() - (g || ' seconds')::interval, true
      from generate_series(1, ${count}) g
      join jsonb_to_recordset(${JSON.stringify(offered)}::jsonb)
        as p(i int, id int, producer int, state int, district int, sector text, name text)
        on p.i = g % ${offered.length} + 1`);
    await indexListingsInBulk(
      tx,
      sql`select l.id as listing_id, l.odop_product_id as product_id, l.title_en as title,
                 'Generated producer' as producer_name, 'demo listing ' || l.id as extra_terms, l.is_demo
          from ${listings} l where l.id > ${before}`,
    );
    // The embedded database has no autovacuum to notice a million new rows: without fresh statistics its planner
    // would scan where an index answers.
    await tx.execute(sql`analyze ${listings}`);
    const [{ n } = { n: 0 }] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(listings)
      .where(and(eq(listings.isDemo, true), gt(listings.id, before)));
    return n;
  });
}
