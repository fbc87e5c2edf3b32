import { and, eq, gt, isNull, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "../../../platform/db";
import { AppError } from "../../../platform/errors";
import { enqueueMail } from "../../../platform/outbox";
import { getDistrict, getState } from "../../geo";
import { accountMail } from "../mail";
import {
  type Actor,
  authorize,
  can,
  type Grant,
  type InvitationTarget,
  officerRoles,
  type Place,
} from "../policy";
import { actorOf } from "../queries/actor";
import type { InvitationInput } from "../schemas";
import { hashPassword, hashToken, newToken } from "../secrets";
import { grants, invitations, users } from "../tables";
import { recordAudit } from "./audit";
import { issuePasswordLink, type MailContext, userIdByEmail } from "./register";
import type { RequestMeta } from "./sessions";

/** Gives a role; recorded in the audit log with the grant that allowed it (none for self-service roles). */
export async function addGrant(
  tx: DbOrTx,
  by: Actor | null,
  via: Grant | null,
  userId: number,
  role: Grant["role"],
  place: Place,
  country: string | null = null,
): Promise<number> {
  const [row] = await tx
    .insert(grants)
    .values({ userId, role, ...place, country, grantedBy: by?.userId ?? null })
    .returning({ id: grants.id });
  const id = (row as { id: number }).id;
  await recordAudit(tx, by, via, {
    action: "grant.create",
    entityType: "grant",
    entityId: id,
    ...place,
    after: { userId, role, ...place, ...(country ? { country } : {}) },
  });
  return id;
}

/** The place an invitation is for, taken from the registry (never from the form: a district's State is looked up). */
async function targetOf(db: DbOrTx, input: InvitationInput): Promise<InvitationTarget> {
  if (input.role === "mission_officer")
    return { role: input.role, stateLgdCode: null, districtLgdCode: null, country: input.country as string };
  if (input.role === "state_officer") {
    const state = await getState(db, input.stateLgdCode as number);
    if (!state) throw new AppError("bad_request", "No such State/UT", { field: "stateLgdCode" });
    return { role: input.role, stateLgdCode: state.lgdCode, districtLgdCode: null };
  }
  const district = await getDistrict(db, input.districtLgdCode as number);
  if (!district) throw new AppError("bad_request", "No such district", { field: "districtLgdCode" });
  return { role: input.role, stateLgdCode: district.stateLgdCode, districtLgdCode: district.lgdCode };
}

/** Invites an officer by email. Checked by policy first: a State officer can invite only its own districts' officers. */
export async function invite(
  db: Db,
  actor: Actor,
  input: InvitationInput,
  ctx: MailContext,
): Promise<number> {
  const target = await targetOf(db, input);
  const grant = authorize(can(actor, "invitation:create", target), "invite this officer");
  const { token, hash } = newToken();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(invitations)
      .values({
        tokenHash: hash,
        email: input.email,
        role: target.role,
        stateLgdCode: target.stateLgdCode,
        districtLgdCode: target.districtLgdCode,
        country: target.country ?? null,
        invitedBy: actor.userId,
        expiresAt: sql`now() + interval '7 days'`,
      })
      .returning({ id: invitations.id });
    const id = (row as { id: number }).id;
    await recordAudit(tx, actor, grant, {
      action: "invitation.create",
      entityType: "invitation",
      entityId: id,
      stateLgdCode: target.stateLgdCode,
      districtLgdCode: target.districtLgdCode,
      after: {
        email: input.email,
        role: target.role,
        ...(target.country ? { country: target.country } : {}),
      },
    });
    await enqueueMail(
      tx,
      accountMail.invitation({
        to: input.email,
        link: `${ctx.origin}/invitations/accept?token=${token}`,
        role: target.role,
        by: actor.name,
      }),
    );
    return id;
  });
}

/**
 * Accepts an invitation: the link proves the address. Someone without an account makes one (name and password);
 * someone with one just gains the grant. Used or expired links change nothing.
 */
export async function acceptInvitation(
  db: Db,
  input: { token: string; name?: string; password?: string },
  meta: RequestMeta,
): Promise<{ userId: number; created: boolean }> {
  const passwordHash = input.password ? await hashPassword(input.password) : null;
  return db.transaction(async (tx) => {
    const [inv] = await tx
      .update(invitations)
      .set({ acceptedAt: sql`now()` })
      .where(
        and(
          eq(invitations.tokenHash, hashToken(input.token)),
          isNull(invitations.acceptedAt),
          gt(invitations.expiresAt, sql`now()`),
        ),
      )
      .returning();
    if (!inv)
      throw new AppError("bad_request", "This invitation is invalid, used or expired", { field: "token" });
    let userId = await userIdByEmail(tx, inv.email);
    const created = userId === null;
    if (userId === null) {
      if (!input.name || !passwordHash)
        throw new AppError("bad_request", "Choose a name and a password", {
          field: input.name ? "password" : "name",
        });
      const [u] = await tx
        .insert(users)
        .values({ email: inv.email, name: input.name, passwordHash, emailVerifiedAt: sql`now()` })
        .returning({ id: users.id });
      userId = (u as { id: number }).id;
    }
    const inviter = await actorOf(tx, inv.invitedBy, meta);
    const place = { stateLgdCode: inv.stateLgdCode, districtLgdCode: inv.districtLgdCode };
    const via =
      inviter?.grants.find((g) => g.role === "national_admin" || g.role === "state_officer") ?? null;
    await addGrant(tx, inviter, via, userId, inv.role, place, inv.country);
    const self = await actorOf(tx, userId, meta);
    await recordAudit(tx, self, null, {
      action: "invitation.accept",
      entityType: "invitation",
      entityId: inv.id,
      ...place,
      after: { userId, created },
    });
    return { userId, created };
  });
}

/**
 * The first national administrator (CLI). Makes the account when it does not exist, gives the grant, and returns a
 * link to choose a password (also mailed through the outbox).
 */
export async function createAdmin(
  db: Db,
  input: { email: string; name: string },
  ctx: MailContext,
): Promise<{ userId: number; link: string; created: boolean }> {
  return db.transaction(async (tx) => {
    let userId = await userIdByEmail(tx, input.email);
    const created = userId === null;
    if (userId === null) {
      const [u] = await tx
        .insert(users)
        .values({ email: input.email, name: input.name })
        .returning({ id: users.id });
      userId = (u as { id: number }).id;
      await recordAudit(tx, null, null, {
        action: "user.create",
        entityType: "user",
        entityId: userId,
        after: { email: input.email, name: input.name },
      });
    }
    const existing = await actorOf(tx, userId, { requestId: "cli", ip: null });
    if (!existing?.grants.some((g) => g.role === "national_admin"))
      await addGrant(tx, null, null, userId, "national_admin", { stateLgdCode: null, districtLgdCode: null });
    const link = await issuePasswordLink(tx, userId, ctx.origin);
    await enqueueMail(tx, accountMail.reset("en", { to: input.email, link }));
    return { userId, link, created };
  });
}

/**
 * A demo account (`npm run seed:demo`): verified, marked demo, with one grant. Returns the existing one when the
 * address is taken, so that running the command twice changes nothing.
 */
export async function createDemoUser(
  db: Db,
  input: { email: string; name: string; password: string; role: Grant["role"]; place: Place },
): Promise<{ userId: number; created: boolean }> {
  const existing = await userIdByEmail(db, input.email);
  if (existing !== null) return { userId: existing, created: false };
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const [u] = await tx
      .insert(users)
      .values({
        email: input.email,
        name: input.name,
        passwordHash,
        isDemo: true,
        emailVerifiedAt: sql`now()`,
      })
      .returning({ id: users.id });
    const userId = (u as { id: number }).id;
    await recordAudit(tx, null, null, {
      action: "user.create_demo",
      entityType: "user",
      entityId: userId,
      after: { email: input.email, name: input.name },
    });
    if (input.role !== "producer" && input.role !== "buyer")
      await addGrant(tx, null, null, userId, input.role, input.place);
    return { userId, created: true };
  });
}

/** Takes an officer's role away (a transfer, a retirement). Outside the actor's reach: 403, nothing changed. */
export async function revokeGrant(db: Db, actor: Actor, grantId: number): Promise<void> {
  await db.transaction(async (tx) => {
    const [g] = await tx.select().from(grants).where(eq(grants.id, grantId)).for("update");
    if (!g || g.revokedAt || !isOfficerRole(g.role)) throw new AppError("not_found", "No such officer role");
    const target = { role: g.role, stateLgdCode: g.stateLgdCode, districtLgdCode: g.districtLgdCode };
    const via = authorize(can(actor, "grant:revoke", target), "revoke this role");
    await tx.update(grants).set({ revokedAt: sql`now()` }).where(eq(grants.id, grantId));
    await recordAudit(tx, actor, via, {
      action: "grant.revoke",
      entityType: "grant",
      entityId: grantId,
      stateLgdCode: g.stateLgdCode,
      districtLgdCode: g.districtLgdCode,
      before: { userId: g.userId, role: g.role, revokedAt: null },
      after: { userId: g.userId, role: g.role, revokedAt: "now" },
    });
  });
}

/** Withdraws an invitation not yet accepted: its link stops working at once. Whoever could send it may withdraw it. */
export async function withdrawInvitation(db: Db, actor: Actor, invitationId: number): Promise<void> {
  await db.transaction(async (tx) => {
    const [inv] = await tx.select().from(invitations).where(eq(invitations.id, invitationId)).for("update");
    if (!inv || inv.acceptedAt || inv.expiresAt <= new Date())
      throw new AppError("not_found", "No open invitation");
    const target = { role: inv.role, stateLgdCode: inv.stateLgdCode, districtLgdCode: inv.districtLgdCode };
    if (!isOfficerRole(target.role)) throw new AppError("not_found", "No open invitation");
    const via = authorize(
      can(actor, "invitation:create", { ...target, role: target.role }),
      "withdraw this invitation",
    );
    await tx.update(invitations).set({ expiresAt: sql`now()` }).where(eq(invitations.id, invitationId));
    await recordAudit(tx, actor, via, {
      action: "invitation.withdraw",
      entityType: "invitation",
      entityId: invitationId,
      stateLgdCode: inv.stateLgdCode,
      districtLgdCode: inv.districtLgdCode,
      before: { email: inv.email, role: inv.role },
    });
  });
}

const isOfficerRole = (role: Grant["role"]): role is InvitationTarget["role"] =>
  (officerRoles as readonly string[]).includes(role);
