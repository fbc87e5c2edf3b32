import type { Context } from "hono";
import type { Db } from "../../../platform/db";
import { AppError } from "../../../platform/errors";
import { countryOptions } from "../../../web/countries";
import { csrfToken } from "../../../web/csrf";
import { FormPage } from "../../../web/form-page";
import {
  type FieldErrors,
  type FormValues,
  parseForm,
  SelectField,
  TextArea,
  TextField,
} from "../../../web/forms";
import { contextOf, hrefIn } from "../../../web/layout";
import { Notice } from "../../../web/notice";
import type { PersonalRoutes } from "../../../web/personal-routes";
import { type AppEnv, requireActor } from "../../accounts";
import { saveBuyer } from "../commands";
import { tradeKey, tradeText } from "../messages";
import { buyerOf } from "../queries";
import { buyerInput } from "../schemas";

/** A buyer's own profile: organisation, country, what it looks for. */
export function buyerPages(app: PersonalRoutes<AppEnv>, db: Db) {
  app.get("/buyers/me", async (c) => {
    const actor = requireActor(c.get("actor"));
    const row = await buyerOf(db, actor.userId);
    const values: FormValues = row
      ? {
          organisation: row.organisation,
          country: row.country,
          interests: row.interests,
          version: String(row.version),
        }
      : {};
    return c.html(<BuyerPage c={c} values={values} errors={{}} saved={c.req.query("done") === "saved"} />);
  });
  app.post("/buyers/me", async (c) => {
    const actor = requireActor(c.get("actor"));
    const ctx = contextOf(c);
    const pt = tradeText(ctx.lang);
    const form = await parseForm(c, buyerInput, ctx.lang, tradeKey(pt));
    if (!form.ok) return c.html(<BuyerPage c={c} {...form} />, 400);
    const version = /^\d+$/.test(form.values.version ?? "") ? Number(form.values.version) : null;
    try {
      await saveBuyer(db, actor, form.data, version);
    } catch (err) {
      if (!(err instanceof AppError && err.code === "conflict")) throw err;
      return c.html(<BuyerPage c={c} values={form.values} errors={{}} conflict />, 409);
    }
    return c.redirect(hrefIn("/buyers/me", ctx.lang, { done: "saved" }), 303);
  });
}

function BuyerPage(props: {
  c: Context<AppEnv>;
  values: FormValues;
  errors: FieldErrors;
  saved?: boolean;
  conflict?: boolean;
}) {
  const { c, values, errors } = props;
  const ctx = contextOf(c);
  const pt = tradeText(ctx.lang);
  const field = { values, errors, lang: ctx.lang };
  return (
    <FormPage
      ctx={ctx}
      title={pt("buyerTitle")}
      intro={pt("buyerIntro")}
      errors={errors}
      labels={{ organisation: pt("organisation"), country: pt("country"), interests: pt("interests") }}
      action={hrefIn("/buyers/me", ctx.lang)}
      csrf={csrfToken(c)}
      submit={pt("save")}
      before={
        <>
          {props.saved && <Notice kind="success">{pt("buyerSaved")}</Notice>}
          {props.conflict && <Notice kind="error">{pt("conflict")}</Notice>}
        </>
      }
      after={
        <p>
          <a href={hrefIn("/bazaar", ctx.lang)}>{pt("bazaarTitle")}</a>
        </p>
      }
    >
      {values.version && <input type="hidden" name="version" value={values.version} />}
      <TextField
        {...field}
        name="organisation"
        label={pt("organisation")}
        autocomplete="organization"
        maxLength={200}
      />
      <SelectField
        {...field}
        name="country"
        label={pt("country")}
        blank={pt("chooseCountry")}
        options={countryOptions(ctx.lang)}
      />
      <TextArea {...field} name="interests" label={pt("interests")} maxLength={1000} />
    </FormPage>
  );
}
