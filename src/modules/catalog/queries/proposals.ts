import { and, asc, count, desc, eq, getTableColumns, inArray, or, type SQL, sql } from "drizzle-orm";
import type { DbOrTx } from "../../../platform/db";
import { AppError } from "../../../platform/errors";
import { type Actor, placeScope } from "../../accounts";
import type { ProposalState } from "../proposals/flow";
import { can } from "../proposals/policy";
import { giRegistrations, hsCodes, productProposals, products, proposalSteps, sectors } from "../tables";
import { liveRevision } from "./registry";

/**
 * The name in the live list of the product a change or removal concerns (null for an addition, or once it is gone).
 * Written with the table's own name: an unqualified column in the subquery would be the subquery's.
 */
const liveName = sql<
  string | null
>`(select p.name from products p join list_revisions r on r.id = p.revision_id
  and r.is_live where p.district_lgd_code = product_proposals.district_lgd_code
  and p.slug = product_proposals.product_slug limit 1)`;

const withLiveName = { ...getTableColumns(productProposals), liveName };

export type ProposalView = typeof productProposals.$inferSelect & { liveName: string | null };

/** The proposals an officer may see, as SQL: its district's, its State's, or all for the administrator. */
function scopeOf(actor: Actor): SQL | undefined {
  const scope = placeScope(actor, ["district_officer", "state_officer", "national_admin"]);
  if (scope.all) return undefined;
  const parts = [
    scope.states.length ? inArray(productProposals.stateLgdCode, scope.states) : undefined,
    scope.districts.length ? inArray(productProposals.districtLgdCode, scope.districts) : undefined,
  ].filter((p) => p !== undefined);
  return parts.length ? or(...parts) : sql`false`;
}

export const proposalsPerPage = 50;

/** A page of the proposals in the officer's reach, those still moving first, newest first; with the total. */
export async function proposalsInScope(
  db: DbOrTx,
  actor: Actor,
  filter: { state?: ProposalState; page: number },
) {
  const where = and(scopeOf(actor), filter.state ? eq(productProposals.state, filter.state) : undefined);
  const [rows, [total]] = await Promise.all([
    db
      .select(withLiveName)
      .from(productProposals)
      .where(where)
      .orderBy(
        sql`${productProposals.state} in ('published', 'withdrawn')`,
        desc(productProposals.updatedAt),
        desc(productProposals.id),
      )
      .limit(proposalsPerPage)
      .offset((filter.page - 1) * proposalsPerPage),
    db.select({ n: count() }).from(productProposals).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}

/** How many proposals wait for this officer's move: a State officer's with_state, the administrator's with_nation. */
export async function proposalsWaitingFor(db: DbOrTx, actor: Actor) {
  const roles = new Set(actor.grants.map((g) => g.role));
  const states: ProposalState[] = [
    ...(roles.has("district_officer") ? (["returned"] as const) : []),
    ...(roles.has("state_officer") ? (["with_state"] as const) : []),
    ...(roles.has("national_admin") ? (["with_nation"] as const) : []),
  ];
  if (!states.length) return 0;
  const [row] = await db
    .select({ n: count() })
    .from(productProposals)
    .where(and(scopeOf(actor), inArray(productProposals.state, states)));
  return row?.n ?? 0;
}

/** One proposal, if the officer may see it (404 if none, 403 outside its reach). */
export async function proposalFor(db: DbOrTx, actor: Actor, id: number): Promise<ProposalView> {
  const [p] = await db.select(withLiveName).from(productProposals).where(eq(productProposals.id, id));
  if (!p) throw new AppError("not_found", "No such proposal");
  if (!can(actor, "proposal:view", p)) throw new AppError("forbidden", "Not allowed: see this proposal");
  return p;
}

/** The steps a proposal took, oldest first. */
export async function stepsOf(db: DbOrTx, proposalId: number) {
  return db
    .select()
    .from(proposalSteps)
    .where(eq(proposalSteps.proposalId, proposalId))
    .orderBy(asc(proposalSteps.id));
}

/** What the proposal form offers: the district's products in the live list, sectors, and the State's GI goods. */
export async function proposalChoices(db: DbOrTx, districtLgdCode: number, stateName: string) {
  const live = await liveRevision(db);
  const [list, sectorRows, gi] = await Promise.all([
    live
      ? db
          .select({
            slug: products.slug,
            name: products.name,
            rank: products.rank,
            sectorCode: products.sectorCode,
          })
          .from(products)
          .where(and(eq(products.revisionId, live.id), eq(products.districtLgdCode, districtLgdCode)))
          .orderBy(asc(products.name))
      : [],
    db.select().from(sectors).orderBy(asc(sectors.sortOrder)),
    db
      .select({
        id: giRegistrations.id,
        name: giRegistrations.name,
        goodsCategory: giRegistrations.goodsCategory,
      })
      .from(giRegistrations)
      .where(sql`${stateName} = any(${giRegistrations.states})`)
      .orderBy(asc(giRegistrations.name)),
  ]);
  return { products: list, sectors: sectorRows, gi };
}

/** An HS heading's description, for showing a proposal's heading in words. */
export async function hsHeadingText(db: DbOrTx, code: string | null) {
  if (!code) return null;
  const [h] = await db
    .select({ description: hsCodes.description })
    .from(hsCodes)
    .where(eq(hsCodes.code, code));
  return h?.description ?? null;
}

/** The GI registration a proposal cites. */
export async function giName(db: DbOrTx, id: number | null) {
  if (!id) return null;
  const [g] = await db
    .select({ name: giRegistrations.name })
    .from(giRegistrations)
    .where(eq(giRegistrations.id, id));
  return g?.name ?? null;
}
