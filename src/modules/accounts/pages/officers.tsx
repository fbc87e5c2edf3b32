import type { Context } from "hono";
import type { Db } from "../../../platform/db";
import { AppError } from "../../../platform/errors";
import { allCountries } from "../../../web/countries";
import { csrfToken } from "../../../web/csrf";
import { DataTable } from "../../../web/data-table";
import {
  ErrorSummary,
  type FieldErrors,
  type FormValues,
  PostForm,
  parseForm,
  SelectField,
  TextField,
} from "../../../web/forms";
import { routeId } from "../../../web/input-guard";
import { contextOf, hrefIn, Layout, nameIn } from "../../../web/layout";
import { Notice } from "../../../web/notice";
import { Pager, pageHref, pageNumber } from "../../../web/pager";
import type { PersonalRoutes } from "../../../web/personal-routes";
import { listDistricts, listStates } from "../../geo";
import { invite, revokeGrant, withdrawInvitation } from "../commands/grants";
import { accountKey, accountText } from "../messages";
import { requireActor } from "../policy";
import {
  invitationsSentBy,
  officerInScope,
  officersInScope,
  officersPageSize,
  openInvitation,
} from "../queries/account";
import { invitationInput } from "../schemas";
import { type AppEnv, mailContext } from "../web";
import { mayInvite } from "./account";
import { formatWhen, placeNames, roleName } from "./shared";

/** The officers' side of accounts: inviting officers, the officers one manages, and taking a role away. */
export function officerPages(app: PersonalRoutes<AppEnv>, db: Db) {
  app.get("/account/invite", async (c) => {
    requireActor(c.get("actor"));
    return c.html(await InvitePage({ c, db, values: {}, errors: {} }));
  });
  app.post("/account/invite", async (c) => {
    const actor = requireActor(c.get("actor"));
    const ctx = contextOf(c);
    const at = accountText(ctx.lang);
    const form = await parseForm(c, invitationInput, ctx.lang, accountKey(at));
    if (!form.ok) return c.html(await InvitePage({ c, db, ...form }), 400);
    try {
      await invite(db, actor, form.data, mailContext(c));
    } catch (err) {
      const field = err instanceof AppError && err.code === "bad_request" ? String(err.details.field) : null;
      if (!field) throw err;
      const message = at(
        field === "stateLgdCode"
          ? "stateRequired"
          : field === "country"
            ? "countryRequired"
            : "districtRequired",
      );
      return c.html(await InvitePage({ c, db, values: form.values, errors: { [field]: message } }), 400);
    }
    return c.redirect(hrefIn("/account/invite", ctx.lang, { done: "inviteSent" }), 303);
  });

  app.get("/account/officers", async (c) => {
    const actor = requireActor(c.get("actor"));
    if (!mayInvite(actor)) throw new AppError("forbidden", "Not allowed: manage officers");
    const ctx = contextOf(c);
    const at = accountText(ctx.lang);
    const page = pageNumber(c.req.query("page"));
    const { rows: officers, total } = await officersInScope(db, actor, page);
    const place = await placeNames(db, ctx.lang, officers);
    return c.html(
      <Layout ctx={ctx} title={at("officersTitle")} description={at("officersIntro")}>
        <h1>{at("officersTitle")}</h1>
        {c.req.query("done") === "revoked" && <Notice kind="success">{at("revoked")}</Notice>}
        <p>{at("officersIntro")}</p>
        <DataTable
          label={at("officersTitle")}
          rows={officers}
          empty={at("officersNone")}
          columns={[
            { label: at("personName"), cell: (o) => o.name },
            { label: at("email"), cell: (o) => o.email },
            { label: at("inviteRole"), cell: (o) => roleName(ctx.lang, o.role) },
            { label: at("auditPlace"), cell: (o) => place(o) },
            { label: at("since"), cell: (o) => formatWhen(o.createdAt, ctx.lang) },
            {
              label: at("revoke"),
              hiddenLabel: true,
              cell: (o) => (
                <a href={hrefIn(`/account/officers/${o.grantId}/revoke`, ctx.lang)}>
                  {at("revoke")}
                  <span class="sr-only"> {o.name}</span>
                </a>
              ),
            },
          ]}
        />
        <Pager
          t={ctx.t}
          page={page}
          pages={Math.ceil(total / officersPageSize)}
          href={pageHref("/account/officers", c.req.query())}
        />
        <p>
          <a href={hrefIn("/account/invite", ctx.lang)}>{at("inviteTitle")}</a>
        </p>
      </Layout>,
    );
  });

  app.get("/account/invitations/:id{[0-9]+}/withdraw", async (c) => {
    const actor = requireActor(c.get("actor"));
    const ctx = contextOf(c);
    const at = accountText(ctx.lang);
    const inv = await openInvitation(db, actor, routeId(c));
    if (!inv) throw new AppError("not_found", "No open invitation");
    const place = await placeNames(db, ctx.lang, [inv]);
    const question = at("withdrawQuestion", {
      email: inv.email,
      role: roleName(ctx.lang, inv.role),
      place: place(inv),
    });
    return c.html(
      <Layout ctx={ctx} title={at("withdraw")} description={question}>
        <h1>{at("withdraw")}</h1>
        <p>{question}</p>
        <PostForm action={hrefIn(`/account/invitations/${inv.id}/withdraw`, ctx.lang)} csrf={csrfToken(c)}>
          <button type="submit">{at("withdrawConfirm")}</button>{" "}
          <a href={hrefIn("/account/invite", ctx.lang)}>{at("cancel")}</a>
        </PostForm>
      </Layout>,
    );
  });
  app.post("/account/invitations/:id{[0-9]+}/withdraw", async (c) => {
    await withdrawInvitation(db, requireActor(c.get("actor")), routeId(c));
    return c.redirect(hrefIn("/account/invite", contextOf(c).lang, { done: "withdrawn" }), 303);
  });

  // Taking a role away is asked for on its own page first: a link never changes anything.
  app.get("/account/officers/:id{[0-9]+}/revoke", async (c) => {
    const actor = requireActor(c.get("actor"));
    const ctx = contextOf(c);
    const at = accountText(ctx.lang);
    const officer = await officerInScope(db, actor, routeId(c));
    if (!officer) throw new AppError("not_found", "No such officer role in your scope");
    const place = await placeNames(db, ctx.lang, [officer]);
    const question = at("revokeQuestion", {
      name: officer.name,
      role: roleName(ctx.lang, officer.role),
      place: place(officer),
    });
    return c.html(
      <Layout ctx={ctx} title={at("revoke")} description={question}>
        <h1>{at("revoke")}</h1>
        <p>{question}</p>
        <p>{at("revokeEffect")}</p>
        <PostForm
          action={hrefIn(`/account/officers/${officer.grantId}/revoke`, ctx.lang)}
          csrf={csrfToken(c)}
        >
          <button type="submit">{at("revokeConfirm")}</button>{" "}
          <a href={hrefIn("/account/officers", ctx.lang)}>{at("cancel")}</a>
        </PostForm>
      </Layout>,
    );
  });
  app.post("/account/officers/:id{[0-9]+}/revoke", async (c) => {
    await revokeGrant(db, requireActor(c.get("actor")), routeId(c));
    return c.redirect(hrefIn("/account/officers", contextOf(c).lang, { done: "revoked" }), 303);
  });
}

const isOpen = (i: { acceptedAt: Date | null; expiresAt: Date }) =>
  !i.acceptedAt && new Date(i.expiresAt) > new Date();

type PageProps = { c: Context<AppEnv>; db: Db; values: FormValues; errors: FieldErrors };

async function InvitePage({ c, db, values, errors }: PageProps) {
  const actor = requireActor(c.get("actor"));
  const ctx = contextOf(c);
  const at = accountText(ctx.lang);
  if (!mayInvite(actor)) throw new AppError("forbidden", "Not allowed: invite officers");
  const admin = actor.grants.some((g) => g.role === "national_admin");
  const ownStates = new Set(
    actor.grants.filter((g) => g.role === "state_officer").map((g) => g.stateLgdCode),
  );
  const [states, districts, sent] = await Promise.all([
    listStates(db),
    listDistricts(db),
    invitationsSentBy(db, actor.userId),
  ]);
  const place = await placeNames(db, ctx.lang, sent);
  const stateName = new Map(states.map((s) => [s.lgdCode, nameIn(ctx.lang, s.nameEn, s.nameHi)]));
  const field = { values, errors, lang: ctx.lang };
  const roles = admin
    ? (["state_officer", "district_officer", "mission_officer"] as const)
    : (["district_officer"] as const);
  return (
    <Layout ctx={ctx} title={at("inviteTitle")} description={at("inviteIntro")}>
      <h1>{at("inviteTitle")}</h1>
      {c.req.query("done") === "withdrawn" && <Notice kind="success">{at("withdrawn")}</Notice>}
      {c.req.query("done") === "inviteSent" && <Notice kind="success">{at("inviteSent")}</Notice>}
      <p>{at("inviteIntro")}</p>
      <ErrorSummary
        lang={ctx.lang}
        errors={errors}
        labels={{
          email: at("email"),
          role: at("inviteRole"),
          stateLgdCode: at("inviteState"),
          districtLgdCode: at("inviteDistrict"),
          country: at("inviteCountry"),
        }}
      />
      <PostForm action={hrefIn("/account/invite", ctx.lang)} csrf={csrfToken(c)}>
        <TextField {...field} name="email" type="email" label={at("email")} autocomplete="off" />
        <SelectField
          {...field}
          name="role"
          label={at("inviteRole")}
          options={roles.map((r) => ({ value: r, label: roleName(ctx.lang, r) }))}
        />
        {admin && (
          <SelectField
            {...field}
            name="stateLgdCode"
            optional="conditional"
            hint={at("forStateOfficer")}
            label={at("inviteState")}
            blank={at("choose")}
            options={states.map((s) => ({
              value: String(s.lgdCode),
              label: nameIn(ctx.lang, s.nameEn, s.nameHi),
            }))}
          />
        )}
        <SelectField
          {...field}
          name="districtLgdCode"
          optional={admin ? "conditional" : false}
          hint={admin ? at("forDistrictOfficer") : undefined}
          label={at("inviteDistrict")}
          blank={at("choose")}
          options={districts
            .filter((d) => admin || ownStates.has(d.stateLgdCode))
            .map((d) => ({
              value: String(d.lgdCode),
              label: `${nameIn(ctx.lang, d.nameEn, d.nameHi)} (${stateName.get(d.stateLgdCode) ?? ""})`,
            }))}
        />
        {admin && (
          <SelectField
            {...field}
            name="country"
            optional="conditional"
            hint={at("forMissionOfficer")}
            label={at("inviteCountry")}
            blank={at("choose")}
            options={allCountries(ctx.lang)
              .filter((k) => k.code !== "IN")
              .map((k) => ({ value: k.code, label: k.name }))}
          />
        )}
        <button type="submit">{at("inviteSend")}</button>
      </PostForm>
      <h2>{at("invitationsSent")}</h2>
      <DataTable
        label={at("invitationsSent")}
        rows={sent}
        empty={at("noInvitations")}
        columns={[
          { label: at("email"), cell: (i) => i.email },
          { label: at("inviteRole"), cell: (i) => roleName(ctx.lang, i.role) },
          { label: at("auditPlace"), cell: (i) => place(i) },
          {
            label: at("invitationStatus"),
            cell: (i) => (i.acceptedAt ? at("accepted") : isOpen(i) ? at("waiting") : at("expired")),
          },
          {
            label: at("withdraw"),
            hiddenLabel: true,
            cell: (i) =>
              isOpen(i) ? (
                <a href={hrefIn(`/account/invitations/${i.id}/withdraw`, ctx.lang)}>
                  {at("withdraw")}
                  <span class="sr-only"> {i.email}</span>
                </a>
              ) : null,
          },
        ]}
      />
    </Layout>
  );
}
