import { and, asc, desc, eq, ilike, inArray, or, type SQL, sql } from "drizzle-orm";
import type { DbOrTx } from "../../../platform/db";
import { AppError } from "../../../platform/errors";
import { escapeLike } from "../../../platform/text";
import { type Actor, placeScope } from "../../accounts";
import { productIdsOfSector } from "../../catalog";
import type { verificationStatuses } from "../kinds";
import { can } from "../policy";
import type { DirectoryFilters } from "../schemas";
import { producers } from "../tables";

/** What anyone may see of a producer: never its phone, email or identifiers. */
const publicColumns = {
  id: producers.id,
  name: producers.name,
  kind: producers.kind,
  stateLgdCode: producers.stateLgdCode,
  districtLgdCode: producers.districtLgdCode,
  odopProductId: producers.odopProductId,
  otherProducts: producers.otherProducts,
  description: producers.description,
  isDemo: producers.isDemo,
  status: producers.status,
};

export const directoryPageSize = 20;

type Filters = Omit<DirectoryFilters, "page" | "sector"> & {
  /** With a sector filter: the ids of that sector's ODOP products (the catalog module answers for them). */
  sectorProducts?: number[];
};

/** Verified producers matching the filters (all of them on the site; without demo ones in the open API). */
function directoryWhere(f: Filters, opts: { demo: boolean }) {
  return and(
    eq(producers.status, "verified"),
    opts.demo ? undefined : eq(producers.isDemo, false),
    f.state ? eq(producers.stateLgdCode, f.state) : undefined,
    f.district ? eq(producers.districtLgdCode, f.district) : undefined,
    f.product ? eq(producers.odopProductId, f.product) : undefined,
    f.kind ? eq(producers.kind, f.kind) : undefined,
    f.sectorProducts
      ? inArray(producers.odopProductId, f.sectorProducts.length ? f.sectorProducts : [-1])
      : undefined,
    f.q
      ? or(
          ilike(producers.name, `%${escapeLike(f.q)}%`),
          ilike(producers.otherProducts, `%${escapeLike(f.q)}%`),
        )
      : undefined,
  );
}

/** A window of the directory, by name. */
async function directoryWindow(db: DbOrTx, where: SQL | undefined, offset: number, limit: number) {
  const [rows, [count]] = await Promise.all([
    db
      .select(publicColumns)
      .from(producers)
      .where(where)
      .orderBy(asc(producers.name), asc(producers.id))
      .limit(limit)
      .offset(offset),
    db.select({ n: sql<number>`count(*)::int` }).from(producers).where(where),
  ]);
  return { rows, total: count?.n ?? 0 };
}

/** The public directory page: verified producers by State, district, product or name, demo ones marked. */
export async function directory(db: DbOrTx, f: DirectoryFilters) {
  const sectorProducts = f.sector ? await productIdsOfSector(db, f.sector) : undefined;
  return directoryWindow(
    db,
    directoryWhere({ ...f, sectorProducts }, { demo: true }),
    (f.page - 1) * directoryPageSize,
    directoryPageSize,
  );
}

/** How many verified producers make an ODOP product (the product page says so, or invites the first). */
export async function verifiedProducersOfProduct(db: DbOrTx, productId: number): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(producers)
    .where(directoryWhere({ product: productId }, { demo: true }));
  return row?.n ?? 0;
}

/** The directory as open data (API): demo producers are never part of it. */
export async function openDirectory(db: DbOrTx, f: Filters & { offset: number; limit: number }) {
  return directoryWindow(db, directoryWhere(f, { demo: false }), f.offset, f.limit);
}

/** A verified producer's public profile, or null. */
export async function publicProducer(db: DbOrTx, id: number) {
  const [row] = await db
    .select(publicColumns)
    .from(producers)
    .where(and(eq(producers.id, id), eq(producers.status, "verified")));
  return row ?? null;
}

export type PublicProducer = NonNullable<Awaited<ReturnType<typeof publicProducer>>>;

/** A whole profile, for its owner to edit or for an officer whose scope reaches it to review. */
export async function producerForActor(
  db: DbOrTx,
  actor: Actor | null,
  id: number,
  purpose: "edit" | "review",
) {
  const [row] = await db.select().from(producers).where(eq(producers.id, id));
  if (!row) throw new AppError("not_found", "No such producer");
  if (!can(actor, purpose === "edit" ? "producer:edit" : "producer:review", row))
    throw new AppError("forbidden", `Not allowed: ${purpose} this producer`);
  return row;
}
export type ProducerRow = Awaited<ReturnType<typeof producerForActor>>;

/** The profiles a person registered, newest first. */
export async function producersOwnedBy(db: DbOrTx, userId: number) {
  return db.select().from(producers).where(eq(producers.ownerUserId, userId)).orderBy(desc(producers.id));
}

/** Profiles an officer may review, pending first, filtered in SQL by the officer's scope. */
export const queuePageSize = 50;

/** The profiles an officer's grants reach, as a SQL filter; a 403 for someone who reviews nothing. */
function reviewScope(actor: Actor | null): SQL | undefined {
  if (!can(actor, "producer:review-queue", null))
    throw new AppError("forbidden", "Not allowed: review producers");
  const scope = placeScope(actor, ["national_admin", "state_officer", "district_officer"]);
  return scope.all
    ? undefined
    : or(
        inArray(producers.stateLgdCode, scope.states.length ? scope.states : [-1]),
        inArray(producers.districtLgdCode, scope.districts.length ? scope.districts : [-1]),
      );
}

/** What waits for an officer: profiles to verify in its scope, and since when the oldest has waited. */
export async function reviewWork(db: DbOrTx, actor: Actor) {
  const [row] = await db
    .select({
      waiting: sql<number>`count(*)::int`,
      oldest: sql<string | null>`min(${producers.updatedAt})::text`,
    })
    .from(producers)
    .where(and(reviewScope(actor), eq(producers.status, "pending")));
  return { waiting: row?.waiting ?? 0, oldest: row?.oldest ? new Date(row.oldest) : null };
}

/** Profiles an officer may review, oldest first, a page at a time, filtered in SQL by the officer's scope. */
export async function reviewQueue(
  db: DbOrTx,
  actor: Actor | null,
  status: (typeof verificationStatuses)[number],
  page = 1,
) {
  const where = and(reviewScope(actor), eq(producers.status, status));
  const [rows, [count]] = await Promise.all([
    db
      .select()
      .from(producers)
      .where(where)
      .orderBy(asc(producers.createdAt), asc(producers.id))
      .limit(queuePageSize)
      .offset((page - 1) * queuePageSize),
    db.select({ n: sql<number>`count(*)::int` }).from(producers).where(where),
  ]);
  return { rows, total: count?.n ?? 0 };
}

/** What another module needs of a producer to act for it: whose it is, where, whether verified, its product. */
export async function producerSummary(db: DbOrTx, id: number) {
  const [row] = await db
    .select({
      id: producers.id,
      name: producers.name,
      ownerUserId: producers.ownerUserId,
      status: producers.status,
      stateLgdCode: producers.stateLgdCode,
      districtLgdCode: producers.districtLgdCode,
      odopProductId: producers.odopProductId,
      isDemo: producers.isDemo,
    })
    .from(producers)
    .where(eq(producers.id, id));
  return row ?? null;
}
export type ProducerSummary = NonNullable<Awaited<ReturnType<typeof producerSummary>>>;

/** The names of some producers, by id (what other modules show beside their own rows). */
export async function producerNames(db: DbOrTx, ids: readonly number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: producers.id, name: producers.name })
    .from(producers)
    .where(inArray(producers.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Verified producers that make some ODOP products, or that have these ids: whom an RFQ may be sent to. */
export async function verifiedProducers(
  db: DbOrTx,
  f: { productIds?: readonly number[]; ids?: readonly number[] },
  limit: number,
) {
  const byProduct = f.productIds?.length ? inArray(producers.odopProductId, [...f.productIds]) : undefined;
  const byId = f.ids?.length ? inArray(producers.id, [...f.ids]) : undefined;
  if (!byProduct && !byId) return [];
  return db
    .select({
      id: producers.id,
      name: producers.name,
      ownerUserId: producers.ownerUserId,
      stateLgdCode: producers.stateLgdCode,
      districtLgdCode: producers.districtLgdCode,
      odopProductId: producers.odopProductId,
      isDemo: producers.isDemo,
    })
    .from(producers)
    .where(and(eq(producers.status, "verified"), or(byProduct, byId)))
    .orderBy(asc(producers.id))
    .limit(limit);
}

/** A verified producer's phone and email: shown to a buyer once it has accepted the producer's quote. */
export async function producerContact(db: DbOrTx, id: number) {
  const [row] = await db
    .select({ name: producers.name, phone: producers.phone, email: producers.email })
    .from(producers)
    .where(eq(producers.id, id));
  return row ?? null;
}

/** A district's verified producers, by name (an officer's list for GeM onboarding). */
export async function verifiedProducersOfDistrict(db: DbOrTx, districtLgdCode: number) {
  return db
    .select({ id: producers.id, name: producers.name, isDemo: producers.isDemo })
    .from(producers)
    .where(and(eq(producers.districtLgdCode, districtLgdCode), eq(producers.status, "verified")))
    .orderBy(asc(producers.name))
    .limit(1000);
}
export { producerFigures } from "./figures";
