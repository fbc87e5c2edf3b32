import { and, desc, eq, gte, ilike, inArray, lt, type SQL, sql } from "drizzle-orm";
import type { DbOrTx } from "../../../platform/db";
import { AppError } from "../../../platform/errors";
import { type Actor, can, placeScope } from "../policy";
import type { AuditFilters } from "../schemas";
import { auditLog } from "../tables";

export const auditPageSize = 50;

/** The part of the log an actor may read, in SQL: everything for the administrator, its States' rows for a State officer. */
function scopeFilter(actor: Actor | null): SQL | undefined {
  if (!can(actor, "audit:read", null)) throw new AppError("forbidden", "Not allowed: read the audit log");
  const scope = placeScope(actor, ["national_admin", "state_officer"]);
  if (scope.all) return undefined;
  return inArray(auditLog.stateLgdCode, scope.states.length ? scope.states : [-1]);
}

function filtersOf(f: Omit<AuditFilters, "page">): (SQL | undefined)[] {
  return [
    f.action ? ilike(auditLog.action, `${escapeLike(f.action)}%`) : undefined,
    f.entityType ? eq(auditLog.entityType, f.entityType) : undefined,
    f.actor ? ilike(auditLog.actorEmail, `%${escapeLike(f.actor)}%`) : undefined,
    f.stateLgdCode ? eq(auditLog.stateLgdCode, f.stateLgdCode) : undefined,
    f.from ? gte(auditLog.at, sql`${f.from}::date`) : undefined,
    f.to ? lt(auditLog.at, sql`${f.to}::date + 1`) : undefined,
  ];
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (m) => `\\${m}`);

const columns = {
  id: auditLog.id,
  at: auditLog.at,
  actorEmail: auditLog.actorEmail,
  role: auditLog.role,
  action: auditLog.action,
  entityType: auditLog.entityType,
  entityId: auditLog.entityId,
  stateLgdCode: auditLog.stateLgdCode,
  districtLgdCode: auditLog.districtLgdCode,
  before: auditLog.before,
  after: auditLog.after,
  requestId: auditLog.requestId,
  ip: auditLog.ip,
};

/** One page of the log, newest first, within the actor's scope. */
export async function listAudit(db: DbOrTx, actor: Actor | null, f: AuditFilters) {
  const where = and(scopeFilter(actor), ...filtersOf(f));
  const [rows, [count]] = await Promise.all([
    db
      .select(columns)
      .from(auditLog)
      .where(where)
      .orderBy(desc(auditLog.id))
      .limit(auditPageSize)
      .offset((f.page - 1) * auditPageSize),
    db.select({ n: sql<number>`count(*)::int` }).from(auditLog).where(where),
  ]);
  return { rows, total: count?.n ?? 0 };
}

/** Every row that matches, a page at a time, for the CSV download (no limit, constant memory). */
export async function* auditRows(db: DbOrTx, actor: Actor | null, f: Omit<AuditFilters, "page">) {
  const base = and(scopeFilter(actor), ...filtersOf(f));
  let before: number | null = null;
  for (;;) {
    const rows = await db
      .select(columns)
      .from(auditLog)
      .where(before === null ? base : and(base, lt(auditLog.id, before)))
      .orderBy(desc(auditLog.id))
      .limit(1000);
    if (rows.length === 0) return;
    yield* rows;
    before = (rows[rows.length - 1] as { id: number }).id;
  }
}

/** Distinct action names, for the filter's choices. */
export async function auditActions(db: DbOrTx): Promise<string[]> {
  const rows = await db.selectDistinct({ action: auditLog.action }).from(auditLog).orderBy(auditLog.action);
  return rows.map((r) => r.action);
}

/** How many times a person did `action` in the last day: for limits that the log itself can count. */
export async function actionsInLastDay(
  db: DbOrTx,
  by: { userId: number } | { ip: string },
  action: string,
): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(auditLog)
    .where(
      and(
        "userId" in by ? eq(auditLog.actorUserId, by.userId) : eq(auditLog.ip, by.ip),
        eq(auditLog.action, action),
        gte(auditLog.at, sql`now() - interval '1 day'`),
      ),
    );
  return row?.n ?? 0;
}
