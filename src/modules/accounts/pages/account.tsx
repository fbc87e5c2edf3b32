import type { Context } from "hono";
import type { Db } from "../../../platform/db";
import { AppError } from "../../../platform/errors";
import { csrfToken } from "../../../web/csrf";
import { DataTable } from "../../../web/data-table";
import { addressText, deviceText } from "../../../web/device";
import { FormPage } from "../../../web/form-page";
import {
  ErrorSummary,
  type FieldErrors,
  type FormValues,
  formText,
  PostForm,
  parseForm,
  TextField,
} from "../../../web/forms";
import type { Lang } from "../../../web/i18n";
import { contextOf, hrefIn, Layout } from "../../../web/layout";
import { Notice } from "../../../web/notice";
import type { PersonalRoutes } from "../../../web/personal-routes";
import { acceptInvitation } from "../commands/grants";
import { changePassword, resendVerification, signOutEverywhere } from "../commands/register";
import { throttle } from "../commands/sessions";
import { accountKey, accountText } from "../messages";
import { type Actor, can, requireActor } from "../policy";
import { invitationByToken, sessionsOf } from "../queries/account";
import { acceptInput, changePasswordInput } from "../schemas";
import { type AppEnv, clearSessionCookie, currentSessionToken, mailContext, requestMeta } from "../web";
import { NewPasswordFields } from "./auth";
import { formatWhen, placeNames, roleName } from "./shared";

/** Links a module offers on the account page to the people whose roles can use them. */
export type AccountAction = {
  href: string;
  label: string;
  /** For a worklist item: what waits ("3 producers to verify; the oldest has waited 5 days"). */
  waiting?: string;
  /** Something waits: shown first, marked. */
  urgent?: boolean;
};
export type ActionLinks = (actor: Actor, lang: Lang) => Promise<AccountAction[]>;

/** Notices the account page shows, by code (never text from the address bar), and the message each shows. */
const notices = {
  signedUp: "signedUp",
  signedIn: "signedIn",
  accepted_existing: "accepted_existing",
  passwordChanged: "passwordChanged",
  verified: "verified_notice",
  verifyFirst: "verifyFirst",
} as const;
const noticeOf = (code: string | undefined) =>
  code && Object.hasOwn(notices, code) ? notices[code as keyof typeof notices] : undefined;

/** The account page, invitations sent and accepted. */
export function accountPages(app: PersonalRoutes<AppEnv>, db: Db, actionLinks: ActionLinks) {
  app.get("/account", async (c) => {
    const actor = requireActor(c.get("actor"));
    const ctx = contextOf(c);
    const at = accountText(ctx.lang);
    const [sessions, place] = await Promise.all([
      sessionsOf(db, actor.userId, currentSessionToken(c)),
      placeNames(db, ctx.lang, actor.grants),
    ]);
    const done = noticeOf(c.req.query("done"));
    const links = [
      ...(mayInvite(actor)
        ? [
            { href: "/account/invite", label: at("inviteTitle") },
            { href: "/account/officers", label: at("officersTitle") },
          ]
        : []),
      ...(can(actor, "audit:read", null) ? [{ href: "/audit", label: at("auditTitle") }] : []),
      ...(await actionLinks(actor, ctx.lang)),
    ] as AccountAction[];
    const work = links.filter((l) => l.waiting !== undefined);
    return c.html(
      <Layout ctx={ctx} title={at("accountTitle")} description={at("accountTitle")}>
        <h1>{at("accountTitle")}</h1>
        {done && <Notice kind={done === "verifyFirst" ? "error" : "success"}>{at(done)}</Notice>}
        {c.req.query("done") === "verificationSent" && (
          <Notice kind="success">{at("verificationSent", { email: actor.email })}</Notice>
        )}
        {actor.isDemo && <Notice kind="info">{at("demoNote")}</Notice>}
        <dl class="facts">
          <dt>{at("name")}</dt>
          <dd>{actor.name}</dd>
          <dt>{at("email")}</dt>
          <dd>
            {actor.email} {actor.emailVerified ? `(${at("verified")})` : ""}
          </dd>
        </dl>
        {!actor.emailVerified && (
          <Notice kind="info">
            {at("notVerified")}
            <PostForm action={hrefIn("/account/verify-email", ctx.lang)} csrf={csrfToken(c)}>
              <button type="submit">{at("resendVerification")}</button>
            </PostForm>
          </Notice>
        )}
        <h2>{at("roles")}</h2>
        {actor.grants.length === 0 ? (
          <p>{at("noRoles")}</p>
        ) : (
          <ul>
            {actor.grants.map((g) => (
              <li>
                {roleName(ctx.lang, g.role)} · {place(g)}
              </li>
            ))}
          </ul>
        )}
        {links.length > 0 && (
          <>
            {work.length > 0 && (
              <>
                <h2>{at("waitingForYou")}</h2>
                <ul class="worklist">
                  {work.map((l) => (
                    <li class={l.urgent ? "urgent" : undefined}>
                      <a href={hrefIn(l.href, ctx.lang)}>{l.label}</a>: {l.waiting}
                    </li>
                  ))}
                </ul>
              </>
            )}
            <h2>{at("whatYouCanDo")}</h2>
            <ul class="actions">
              {links
                .filter((l) => l.waiting === undefined)
                .map((l) => (
                  <li>
                    <a href={hrefIn(l.href, ctx.lang)}>{l.label}</a>
                  </li>
                ))}
            </ul>
          </>
        )}
        <h2>{at("sessions")}</h2>
        <DataTable
          label={at("sessions")}
          rows={sessions}
          empty=""
          columns={[
            {
              label: at("sessionStarted"),
              cell: (s) => (
                <>
                  {formatWhen(s.createdAt, ctx.lang)} {s.current && <strong>({at("thisSession")})</strong>}
                </>
              ),
            },
            { label: at("sessionExpires"), cell: (s) => formatWhen(s.expiresAt, ctx.lang) },
            {
              label: at("sessionDevice"),
              cell: (s) => <span title={s.userAgent ?? ""}>{deviceText(s.userAgent, ctx.lang)}</span>,
            },
            { label: at("sessionAddress"), cell: (s) => addressText(s.ip, ctx.lang) },
          ]}
        />
        <div class="button-row">
          <a class="button-link" href={hrefIn("/account/password", ctx.lang)}>
            {at("changePassword")}
          </a>
          <PostForm action={hrefIn("/sign-out", ctx.lang)} csrf={csrfToken(c)} class="inline">
            <button type="submit">{at("signOut")}</button>
          </PostForm>
          <PostForm
            action={hrefIn("/account/sign-out-everywhere", ctx.lang)}
            csrf={csrfToken(c)}
            class="inline"
          >
            <button type="submit" class="secondary" aria-describedby="everywhere-hint">
              {at("signOutEverywhere")}
            </button>
          </PostForm>
        </div>
        <p class="hint" id="everywhere-hint">
          {at("signOutEverywhereHint")}
        </p>
      </Layout>,
    );
  });

  app.get("/account/password", (c) => {
    requireActor(c.get("actor"));
    return c.html(<PasswordPage c={c} values={{}} errors={{}} />);
  });
  app.post("/account/password", async (c) => {
    const actor = requireActor(c.get("actor"));
    const ctx = contextOf(c);
    const at = accountText(ctx.lang);
    const form = await parseForm(c, changePasswordInput, ctx.lang, accountKey(at));
    if (!form.ok) return c.html(<PasswordPage c={c} {...form} />, 400);
    try {
      await changePassword(db, actor, form.data, currentSessionToken(c));
    } catch (err) {
      if (!(err instanceof AppError) || (err.code !== "bad_request" && err.code !== "too_many")) throw err;
      const message =
        err.code === "too_many" ? at("throttled", { minutes: throttle.windowMinutes }) : at("currentWrong");
      return c.html(
        <PasswordPage c={c} values={form.values} errors={{ current: message }} />,
        err.code === "too_many" ? 429 : 400,
      );
    }
    return c.redirect(hrefIn("/account", ctx.lang, { done: "passwordChanged" }), 303);
  });

  app.post("/account/verify-email", async (c) => {
    const actor = requireActor(c.get("actor"));
    await resendVerification(db, actor, mailContext(c));
    return c.redirect(hrefIn("/account", contextOf(c).lang, { done: "verificationSent" }), 303);
  });

  app.post("/account/sign-out-everywhere", async (c) => {
    await signOutEverywhere(db, requireActor(c.get("actor")));
    clearSessionCookie(c);
    return c.redirect(hrefIn("/sign-in", contextOf(c).lang), 303);
  });

  app.get("/invitations/accept", async (c) =>
    c.html(await AcceptPage({ c, db, values: { token: c.req.query("token") ?? "" }, errors: {} })),
  );
  app.post("/invitations/accept", async (c) => {
    const ctx = contextOf(c);
    const at = accountText(ctx.lang);
    const form = await parseForm(c, acceptInput, ctx.lang, accountKey(at));
    if (!form.ok) return c.html(await AcceptPage({ c, db, ...form }), 400);
    try {
      const { created } = await acceptInvitation(db, form.data, requestMeta(c));
      return c.redirect(
        created
          ? hrefIn("/sign-in", ctx.lang, { done: "accepted_new" })
          : hrefIn("/account", ctx.lang, { done: "accepted_existing" }),
        303,
      );
    } catch (err) {
      const field = err instanceof AppError && err.code === "bad_request" ? String(err.details.field) : null;
      if (!field) throw err;
      const message = field === "token" ? at("linkInvalid") : formText(ctx.lang)("required");
      return c.html(await AcceptPage({ c, db, values: form.values, errors: { [field]: message } }), 400);
    }
  });
}

/** Whether to offer the invitation form at all; what each invitation may be for is the policy's answer. */
export const mayInvite = (actor: Actor) =>
  actor.grants.some((g) => g.role === "national_admin" || g.role === "state_officer");

type PageProps = { c: Context<AppEnv>; db: Db; values: FormValues; errors: FieldErrors };

async function AcceptPage({ c, db, values, errors }: PageProps) {
  const ctx = contextOf(c);
  const at = accountText(ctx.lang);
  const inv = values.token ? await invitationByToken(db, values.token) : null;
  if (!inv)
    return (
      <Layout ctx={ctx} title={at("acceptTitle")} description={at("acceptTitle")}>
        <h1>{at("acceptTitle")}</h1>
        <Notice kind="error">{at("linkInvalid")}</Notice>
      </Layout>
    );
  const place = await placeNames(db, ctx.lang, [inv]);
  const field = { values, errors, lang: ctx.lang };
  return (
    <Layout ctx={ctx} title={at("acceptTitle")} description={at("acceptTitle")}>
      <h1>{at("acceptTitle")}</h1>
      <p>{at("acceptIntro", { role: roleName(ctx.lang, inv.role), place: place(inv), email: inv.email })}</p>
      <ErrorSummary lang={ctx.lang} errors={errors} labels={{ name: at("name"), password: at("password") }} />
      <PostForm action={hrefIn("/invitations/accept", ctx.lang)} csrf={csrfToken(c)}>
        <input type="hidden" name="token" value={values.token} />
        {inv.hasAccount ? (
          <p>{at("acceptExisting")}</p>
        ) : (
          <>
            <TextField {...field} name="name" label={at("name")} autocomplete="name" maxLength={120} />
            <TextField
              {...field}
              name="password"
              type="password"
              label={at("password")}
              hint={at("newPasswordHint")}
              autocomplete="new-password"
            />
          </>
        )}
        <button type="submit">{at("acceptButton")}</button>
      </PostForm>
    </Layout>
  );
}

function PasswordPage({
  c,
  values,
  errors,
}: {
  c: Context<AppEnv>;
  values: FormValues;
  errors: FieldErrors;
}) {
  const ctx = contextOf(c);
  const at = accountText(ctx.lang);
  const field = { values, errors, lang: ctx.lang };
  return (
    <FormPage
      ctx={ctx}
      title={at("changePassword")}
      intro={at("changePasswordIntro")}
      errors={errors}
      labels={{ current: at("currentPassword"), password: at("password"), confirm: at("confirm") }}
      action={hrefIn("/account/password", ctx.lang)}
      csrf={csrfToken(c)}
      submit={at("resetSave")}
    >
      <TextField
        {...field}
        name="current"
        type="password"
        label={at("currentPassword")}
        autocomplete="current-password"
      />
      <NewPasswordFields {...field} />
    </FormPage>
  );
}
