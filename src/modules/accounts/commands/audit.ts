import type { DbOrTx } from "../../../platform/db";
import type { Actor, Grant, Place } from "../policy";
import { auditLog } from "../tables";

export type AuditEntry = Partial<Place> & {
  action: string;
  entityType: string;
  entityId: string | number;
  before?: unknown;
  after?: unknown;
};

/**
 * Writes the audit row of a change, in the transaction of the change: both happen or neither does. `grant` is the
 * role the actor used (null for a person acting on their own account, or the CLI).
 */
export async function recordAudit(
  tx: DbOrTx,
  actor: Actor | null,
  grant: Grant | null,
  entry: AuditEntry,
): Promise<void> {
  await recordAudits(tx, actor, grant, [entry]);
}

/** Password hashes and tokens never enter the log, whatever a caller passes. */
function stripSecrets(value: unknown): unknown {
  if (!value || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>).filter(([k]) => !/password|token/i.test(k)),
  );
}

/**
 * Many audit rows at once, for work done in bulk (an escalation pass over thousands of records): the same rows as
 * `recordAudit` gives one by one, written in batches.
 */
export async function recordAudits(
  tx: DbOrTx,
  actor: Actor | null,
  grant: Grant | null,
  entries: AuditEntry[],
): Promise<void> {
  for (let i = 0; i < entries.length; i += 1000)
    await tx.insert(auditLog).values(
      entries.slice(i, i + 1000).map((entry) => ({
        actorUserId: actor?.userId ?? null,
        actorEmail: actor?.email ?? null,
        role: grant?.role ?? (actor ? "self" : "system"),
        action: entry.action,
        entityType: entry.entityType,
        entityId: String(entry.entityId),
        stateLgdCode: entry.stateLgdCode ?? null,
        districtLgdCode: entry.districtLgdCode ?? null,
        before: entry.before === undefined ? null : stripSecrets(entry.before),
        after: entry.after === undefined ? null : stripSecrets(entry.after),
        requestId: actor?.requestId ?? null,
        ip: actor?.ip ?? null,
      })),
    );
}
