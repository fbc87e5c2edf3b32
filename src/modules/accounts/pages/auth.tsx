import type { Context } from "hono";
import type { Db } from "../../../platform/db";
import { AppError } from "../../../platform/errors";
import { csrfToken, rotateCsrfToken } from "../../../web/csrf";
import { FormPage } from "../../../web/form-page";
import {
  ErrorSummary,
  type FieldErrors,
  type FormValues,
  PostForm,
  parseForm,
  SelectField,
  TextField,
} from "../../../web/forms";
import { contextOf, hrefIn, Layout } from "../../../web/layout";
import { Notice } from "../../../web/notice";
import type { PersonalRoutes } from "../../../web/personal-routes";
import { requestPasswordReset, resetPassword, signUp, verifyEmail } from "../commands/register";
import { signIn, signOut, throttle } from "../commands/sessions";
import { accountKey, accountText } from "../messages";
import { forgotInput, resetInput, signInInput, signUpInput } from "../schemas";
import {
  type AppEnv,
  clearSessionCookie,
  currentSessionToken,
  mailContext,
  requestMeta,
  setSessionCookie,
} from "../web";

/** Only same-site paths: `next` must never send someone to another site after signing in. */
export const safeNext = (next: string | undefined) =>
  next && /^\/(?![/\\])[\w\-./?=&%]*$/.test(next) ? next : "/account";

/** Sign-up, sign-in and out, password reset and email verification. */
export function authPages(app: PersonalRoutes<AppEnv>, db: Db) {
  const origin = (c: Context<AppEnv>) => mailContext(c).origin;

  app.get("/sign-up", (c) =>
    c.html(
      <SignUpForm c={c} values={{ lang: contextOf(c).lang, next: c.req.query("next") ?? "" }} errors={{}} />,
    ),
  );
  app.post("/sign-up", async (c) => {
    const ctx = contextOf(c);
    const at = accountText(ctx.lang);
    const form = await parseForm(c, signUpInput, ctx.lang, accountKey(at));
    if (!form.ok) return c.html(<SignUpForm c={c} values={form.values} errors={form.errors} />, 400);
    try {
      await signUp(
        db,
        { ...form.data, next: safeNext(form.data.next) },
        { ...requestMeta(c), origin: origin(c) },
      );
    } catch (err) {
      if (err instanceof AppError && err.code === "too_many") {
        const errors = { _form: at("signUpThrottled", { minutes: throttle.windowMinutes }) };
        return c.html(<SignUpForm c={c} values={form.values} errors={errors} />, 429);
      }
      throw err;
    }
    // The same answer whether or not the address had an account: the mail says which.
    return c.redirect(hrefIn("/sign-up/sent", ctx.lang), 303);
  });
  app.get("/sign-up/sent", (c) => {
    const ctx = contextOf(c);
    const at = accountText(ctx.lang);
    return c.html(
      <Layout ctx={ctx} title={at("checkMailTitle")} description={at("checkMail")}>
        <h1>{at("checkMailTitle")}</h1>
        <Notice kind="success">{at("checkMail")}</Notice>
        <p>{at("checkMailHint")}</p>
        <p>
          <a href={hrefIn("/sign-in", ctx.lang)}>{at("signInTitle")}</a>
        </p>
      </Layout>,
    );
  });

  app.get("/sign-in", (c) =>
    c.html(<SignInForm c={c} values={{ next: c.req.query("next") ?? "" }} errors={{}} />),
  );
  app.post("/sign-in", async (c) => {
    const ctx = contextOf(c);
    const at = accountText(ctx.lang);
    const form = await parseForm(c, signInInput, ctx.lang);
    if (!form.ok) return c.html(<SignInForm c={c} values={form.values} errors={form.errors} />, 400);
    try {
      const { token } = await signIn(db, form.data, {
        ...requestMeta(c),
        previousToken: currentSessionToken(c),
      });
      setSessionCookie(c, token);
      rotateCsrfToken(c);
      const next = new URL(safeNext(form.values.next), "http://next.invalid");
      return c.redirect(hrefIn(next.pathname, ctx.lang, Object.fromEntries(next.searchParams)), 303);
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      if (err.code === "too_many")
        return c.html(
          <SignInForm
            c={c}
            values={form.values}
            errors={{ _form: at("throttled", { minutes: throttle.windowMinutes }) }}
          />,
          429,
        );
      if (err.code === "unauthorized")
        return c.html(<SignInForm c={c} values={form.values} errors={{ _form: at("wrongPassword") }} />, 401);
      throw err;
    }
  });

  app.post("/sign-out", async (c) => {
    await signOut(db, c.get("actor"), currentSessionToken(c));
    clearSessionCookie(c);
    return c.redirect(hrefIn("/", contextOf(c).lang), 303);
  });

  app.get("/forgot-password", (c) => c.html(<ForgotForm c={c} values={{}} errors={{}} sent={false} />));
  app.post("/forgot-password", async (c) => {
    const ctx = contextOf(c);
    const form = await parseForm(c, forgotInput, ctx.lang);
    if (!form.ok)
      return c.html(<ForgotForm c={c} values={form.values} errors={form.errors} sent={false} />, 400);
    await requestPasswordReset(db, form.data.email, { origin: origin(c) });
    // The same answer whether or not the address has an account, or was throttled: it tells nobody anything.
    return c.html(<ForgotForm c={c} values={{}} errors={{}} sent={true} />);
  });

  app.get("/reset-password", (c) =>
    c.html(<ResetForm c={c} values={{ token: c.req.query("token") ?? "" }} errors={{}} />),
  );
  app.post("/reset-password", async (c) => {
    const ctx = contextOf(c);
    const at = accountText(ctx.lang);
    const form = await parseForm(c, resetInput, ctx.lang, accountKey(at));
    if (!form.ok) {
      const errors = form.errors.token ? { ...form.errors, _form: at("linkInvalid") } : form.errors;
      return c.html(<ResetForm c={c} values={form.values} errors={errors} />, 400);
    }
    try {
      await resetPassword(db, form.data, requestMeta(c));
    } catch (err) {
      if (err instanceof AppError && err.code === "bad_request")
        return c.html(<ResetForm c={c} values={form.values} errors={{ _form: at("linkInvalid") }} />, 400);
      throw err;
    }
    clearSessionCookie(c);
    return c.redirect(hrefIn("/sign-in", ctx.lang, { done: "resetDone" }), 303);
  });

  // The mailed link confirms the address and signs the person in, then goes on to where they were headed.
  app.get("/verify-email", async (c) => {
    const ctx = contextOf(c);
    const at = accountText(ctx.lang);
    try {
      const { token } = await verifyEmail(db, c.req.query("token") ?? "", {
        ...requestMeta(c),
        previousToken: currentSessionToken(c),
      });
      setSessionCookie(c, token);
      rotateCsrfToken(c);
    } catch (err) {
      if (!(err instanceof AppError && err.code === "bad_request")) throw err;
      return c.html(
        <Layout ctx={ctx} title={at("verifyTitle")} description={at("verifyTitle")}>
          <h1>{at("verifyTitle")}</h1>
          <Notice kind="error">{at("linkInvalid")}</Notice>
          <p>
            <a href={hrefIn("/account", ctx.lang)}>{at("accountTitle")}</a>
          </p>
        </Layout>,
        400,
      );
    }
    const next = c.req.query("next");
    if (next) {
      const to = new URL(safeNext(next), "http://next.invalid");
      return c.redirect(hrefIn(to.pathname, ctx.lang, Object.fromEntries(to.searchParams)), 303);
    }
    return c.redirect(hrefIn("/account", ctx.lang, { done: "verified" }), 303);
  });
}

type FormProps = { c: Context<AppEnv>; values: FormValues; errors: FieldErrors };

function SignUpForm({ c, values, errors }: FormProps) {
  const ctx = contextOf(c);
  const at = accountText(ctx.lang);
  const field = { values, errors, lang: ctx.lang };
  return (
    <FormPage
      ctx={ctx}
      title={at("signUpTitle")}
      intro={at("signUpIntro")}
      errors={errors}
      labels={{ name: at("name"), email: at("email"), password: at("password"), confirm: at("confirm") }}
      action={hrefIn("/sign-up", ctx.lang)}
      csrf={csrfToken(c)}
      submit={at("create")}
      after={
        <p>
          {at("haveAccount")} <a href={hrefIn("/sign-in", ctx.lang)}>{at("signInTitle")}</a>
        </p>
      }
    >
      <input type="hidden" name="next" value={values.next ?? ""} />
      <TextField {...field} name="name" label={at("name")} autocomplete="name" maxLength={120} />
      <TextField {...field} name="email" type="email" label={at("email")} autocomplete="email" />
      <NewPasswordFields {...field} />
      <SelectField
        {...field}
        name="lang"
        label={at("language")}
        options={[
          { value: "en", label: "English" },
          { value: "hi", label: "हिन्दी" },
        ]}
      />
    </FormPage>
  );
}

function SignInForm({ c, values, errors }: FormProps) {
  const ctx = contextOf(c);
  const at = accountText(ctx.lang);
  const field = { values, errors, lang: ctx.lang };
  const done = c.req.query("done");
  return (
    <FormPage
      ctx={ctx}
      title={at("signInTitle")}
      errors={errors}
      labels={{ email: at("email"), password: at("password") }}
      action={hrefIn("/sign-in", ctx.lang)}
      csrf={csrfToken(c)}
      submit={at("signInTitle")}
      before={(done === "resetDone" || done === "accepted_new") && <Notice kind="success">{at(done)}</Notice>}
      after={
        <>
          <p>
            <a href={hrefIn("/forgot-password", ctx.lang)}>{at("forgot")}</a>
          </p>
          <p>
            {at("noAccount")}{" "}
            <a href={hrefIn("/sign-up", ctx.lang, values.next ? { next: values.next } : {})}>
              {at("signUpTitle")}
            </a>
          </p>
        </>
      }
    >
      <input type="hidden" name="next" value={values.next ?? ""} />
      <TextField {...field} name="email" type="email" label={at("email")} autocomplete="username" />
      <TextField
        {...field}
        name="password"
        type="password"
        label={at("password")}
        autocomplete="current-password"
      />
    </FormPage>
  );
}

function ForgotForm({ c, values, errors, sent }: FormProps & { sent: boolean }) {
  const ctx = contextOf(c);
  const at = accountText(ctx.lang);
  return (
    <Layout ctx={ctx} title={at("forgotTitle")} description={at("forgotIntro")}>
      <h1>{at("forgotTitle")}</h1>
      {sent ? (
        <>
          <Notice kind="success">{at("forgotSent")}</Notice>
          <p class="muted">{at("outboxNote")}</p>
        </>
      ) : (
        <>
          <p>{at("forgotIntro")}</p>
          <ErrorSummary lang={ctx.lang} errors={errors} labels={{ email: at("email") }} />
          <PostForm action={hrefIn("/forgot-password", ctx.lang)} csrf={csrfToken(c)}>
            <TextField
              values={values}
              errors={errors}
              lang={ctx.lang}
              name="email"
              type="email"
              label={at("email")}
              autocomplete="email"
            />
            <button type="submit">{at("sendLink")}</button>
          </PostForm>
        </>
      )}
    </Layout>
  );
}

function ResetForm({ c, values, errors }: FormProps) {
  const ctx = contextOf(c);
  const at = accountText(ctx.lang);
  return (
    <FormPage
      ctx={ctx}
      title={at("resetTitle")}
      errors={errors}
      labels={{ password: at("password"), confirm: at("confirm") }}
      action={hrefIn("/reset-password", ctx.lang)}
      csrf={csrfToken(c)}
      submit={at("resetSave")}
    >
      <input type="hidden" name="token" value={values.token ?? ""} />
      <NewPasswordFields values={values} errors={errors} lang={ctx.lang} />
    </FormPage>
  );
}

/** A new password twice, with the advice on choosing one. */
export function NewPasswordFields(field: { values: FormValues; errors: FieldErrors; lang: "en" | "hi" }) {
  const at = accountText(field.lang);
  return (
    <>
      <TextField
        {...field}
        name="password"
        type="password"
        label={at("password")}
        hint={at("newPasswordHint")}
        autocomplete="new-password"
      />
      <TextField
        {...field}
        name="confirm"
        type="password"
        label={at("confirm")}
        autocomplete="new-password"
      />
    </>
  );
}
