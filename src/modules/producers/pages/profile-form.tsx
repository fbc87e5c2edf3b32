import type { Context } from "hono";
import type { Db } from "../../../platform/db";
import { AppError } from "../../../platform/errors";
import { csrfToken } from "../../../web/csrf";
import {
  ErrorSummary,
  type FieldErrors,
  type FormValues,
  PostForm,
  parseForm,
  SelectField,
  TextArea,
  TextField,
} from "../../../web/forms";
import { routeId } from "../../../web/input-guard";
import { contextOf, hrefIn, Layout, nameIn } from "../../../web/layout";
import { Notice } from "../../../web/notice";
import type { PersonalRoutes } from "../../../web/personal-routes";
import { type AppEnv, requireActor, requireVerifiedActor } from "../../accounts";
import { getDistrict, listDistricts, listStates } from "../../geo";
import { districtProducts, registerProducer, updateProducer } from "../commands";
import { producerKinds } from "../kinds";
import { producerKey, producerText } from "../messages";
import { type ProducerRow, producerForActor } from "../queries";
import { producerEdit, producerInput } from "../schemas";

const positive = (s: string | undefined) => (s && /^\d{1,9}$/.test(s) ? Number(s) : null);

/** Registering (in two steps without JavaScript: the district, then the form with its products) and editing. */
export function profileFormPages(app: PersonalRoutes<AppEnv>, db: Db) {
  app.get("/producers/new", async (c) => {
    const actor = requireVerifiedActor(c.get("actor")); // before the person types anything
    const pt = producerText(contextOf(c).lang);
    const district = positive(c.req.query("district"));
    if (district && (await getDistrict(db, district))) {
      // Step two: the district's ODOP product chosen, the account's name and address offered as a start.
      const [first] = await districtProducts(db, district);
      const values: FormValues = {
        districtLgdCode: String(district),
        odopProductId: first ? String(first.id) : "",
        name: actor.name,
        email: actor.email,
      };
      return c.html(await ProducerForm({ c, db, values, errors: {} }));
    }
    // Step one, in two parts without JavaScript: the State, then its districts. A part sent empty says so.
    const state = positive(c.req.query("state"));
    const errors: FieldErrors = {};
    if (c.req.query("district") !== undefined) errors.district = pt("districtRequired");
    else if (c.req.query("state") !== undefined && !state) errors.state = pt("stateRequired");
    const values: FormValues = state ? { state: String(state) } : {};
    return c.html(await ProducerForm({ c, db, values, errors }), Object.keys(errors).length ? 400 : 200);
  });
  app.post("/producers/new", async (c) => {
    const actor = requireActor(c.get("actor"));
    const ctx = contextOf(c);
    const form = await parseForm(c, producerInput, ctx.lang, producerKey(producerText(ctx.lang)));
    if (!form.ok) return c.html(await ProducerForm({ c, db, ...form }), 400);
    const failed = await fieldFailure(c, db, form.values, () => registerProducer(db, actor, form.data));
    if (failed) return failed;
    return c.redirect(hrefIn("/producers/mine", ctx.lang, { done: "registered" }), 303);
  });

  app.get("/producers/:id{[0-9]+}/edit", async (c) => {
    const row = await producerForActor(db, c.get("actor"), routeId(c), "edit");
    return c.html(await ProducerForm({ c, db, values: valuesOf(row), errors: {}, row }));
  });
  app.post("/producers/:id{[0-9]+}/edit", async (c) => {
    const actor = requireActor(c.get("actor"));
    const ctx = contextOf(c);
    const pt = producerText(ctx.lang);
    const row = await producerForActor(db, actor, routeId(c), "edit");
    const form = await parseForm(c, producerInput.and(producerEdit), ctx.lang, producerKey(pt));
    if (!form.ok) return c.html(await ProducerForm({ c, db, ...form, row }), 400);
    try {
      const failed = await fieldFailure(c, db, form.values, () =>
        updateProducer(db, actor, row.id, form.data.version, form.data),
      );
      if (failed) return failed;
    } catch (err) {
      if (!(err instanceof AppError && err.code === "conflict")) throw err;
      // Show the current profile to edit again, and keep what this person typed beside it: nothing is lost.
      const current = await producerForActor(db, actor, row.id, "edit");
      return c.html(
        await ProducerForm({ c, db, values: valuesOf(current), errors: {}, row: current, mine: form.values }),
        409,
      );
    }
    return c.redirect(hrefIn("/producers/mine", ctx.lang, { done: "updated" }), 303);
  });
}

/** Runs a command; a 400 naming a field (a district or product that does not fit) is shown on the form. */
async function fieldFailure(c: Context<AppEnv>, db: Db, values: FormValues, run: () => Promise<unknown>) {
  try {
    await run();
    return null;
  } catch (err) {
    if (!(err instanceof AppError && err.code === "bad_request" && err.details.field)) throw err;
    const pt = producerText(contextOf(c).lang);
    const field = String(err.details.field);
    const message = field === "districtLgdCode" ? pt("unknownDistrict") : pt("productNotOfDistrict");
    return c.html(await ProducerForm({ c, db, values, errors: { [field]: message } }), 400);
  }
}

function valuesOf(row: ProducerRow): FormValues {
  const out: FormValues = {};
  for (const k of Object.keys(producerInput.shape))
    out[k] = String((row as Record<string, unknown>)[k] ?? "");
  out.version = String(row.version);
  return out;
}

async function ProducerForm(props: {
  c: Context<AppEnv>;
  db: Db;
  values: FormValues;
  errors: FieldErrors;
  row?: ProducerRow;
  mine?: FormValues;
}) {
  const { c, db, values, errors, row } = props;
  const ctx = contextOf(c);
  const pt = producerText(ctx.lang);
  const districtCode = positive(values.districtLgdCode);
  const district = districtCode ? await getDistrict(db, districtCode) : null;
  const title = row ? pt("editTitle", { name: row.name }) : pt("register");
  const action = row ? `/producers/${row.id}/edit` : "/producers/new";
  const field = { values, errors, lang: ctx.lang };
  const labels = Object.fromEntries(
    ["name", "kind", "districtLgdCode", "odopProductId", "otherProducts", "description", "phone", "email"]
      .concat(["udyam", "gstin", "iec", "pan"])
      .map((k) => [
        k,
        pt(k === "districtLgdCode" ? "district" : k === "odopProductId" ? "odopProduct" : (k as "name")),
      ])
      .concat([
        ["state", pt("state")],
        ["district", pt("district")],
      ]),
  );
  return (
    <Layout ctx={ctx} title={title} description={pt("registerIntro")}>
      <h1>{title}</h1>
      {props.mine && <Notice kind="error">{pt("conflict")}</Notice>}
      {!row && <p>{pt("registerIntro")}</p>}
      <ErrorSummary lang={ctx.lang} errors={errors} labels={labels} />
      {!district ? (
        <DistrictStep c={c} db={db} values={values} errors={errors} />
      ) : (
        <PostForm action={hrefIn(action, ctx.lang)} csrf={csrfToken(c)}>
          {row && <input type="hidden" name="version" value={values.version ?? String(row.version)} />}
          <input type="hidden" name="districtLgdCode" value={String(district.lgdCode)} />
          <p>
            {pt("district")}: <strong>{nameIn(ctx.lang, district.nameEn, district.nameHi)}</strong>{" "}
            {!row && <a href={hrefIn("/producers/new", ctx.lang)}>({pt("changeDistrict")})</a>}
          </p>
          <TextField {...field} name="name" label={labels.name as string} maxLength={160} />
          <SelectField
            {...field}
            name="kind"
            label={pt("kind")}
            blank=""
            options={producerKinds.map((k) => ({ value: k, label: pt(`kind_${k}`) }))}
          />
          <SelectField
            {...field}
            name="odopProductId"
            optional
            label={pt("odopProduct")}
            hint={pt("odopProductHint")}
            blank={pt("noOdopProduct")}
            options={(await districtProducts(db, district.lgdCode)).map((p) => ({
              value: String(p.id),
              label: p.name,
            }))}
          />
          <TextField {...field} name="otherProducts" optional label={pt("otherProducts")} maxLength={500} />
          <TextArea {...field} name="description" optional label={pt("description")} maxLength={2000} />
          <TextField {...field} name="phone" type="tel" label={pt("phone")} autocomplete="tel" />
          <TextField {...field} name="email" type="email" label={pt("email")} autocomplete="email" />
          <fieldset>
            <legend>{pt("identifiers")}</legend>
            <p class="hint">{pt("identifiersHint")}</p>
            <TextField
              {...field}
              name="udyam"
              optional
              label={pt("udyam")}
              hint={pt("udyamHint")}
              maxLength={30}
            />
            <TextField {...field} name="gstin" optional label={pt("gstin")} maxLength={20} />
            <TextField {...field} name="iec" optional label={pt("iec")} maxLength={15} />
            <TextField {...field} name="pan" optional label={pt("pan")} maxLength={15} />
          </fieldset>
          <button type="submit">{row ? pt("save") : pt("submit")}</button>
        </PostForm>
      )}
      {props.mine && (
        <section>
          <h2>{pt("yourVersion")}</h2>
          <dl class="facts">
            {Object.entries(props.mine)
              .filter(([k, v]) => v !== "" && labels[k])
              .map(([k, v]) => (
                <>
                  <dt>{labels[k]}</dt>
                  <dd>{v}</dd>
                </>
              ))}
          </dl>
        </section>
      )}
    </Layout>
  );
}

/**
 * Step one without JavaScript: the State (or UT), then one of its districts, so that step two can list the
 * district's ODOP products. Each is a short list with a prompt, not one select of 787 districts.
 */
async function DistrictStep(props: { c: Context<AppEnv>; db: Db; values: FormValues; errors: FieldErrors }) {
  const ctx = contextOf(props.c);
  const pt = producerText(ctx.lang);
  const field = { values: props.values, errors: props.errors, lang: ctx.lang };
  const state = positive(props.values.state);
  const states = await listStates(props.db);
  const chosen = state ? states.find((s) => s.lgdCode === state) : undefined;
  if (!chosen)
    return (
      <form method="get" action="/producers/new" class="form" novalidate>
        {ctx.lang === "hi" && <input type="hidden" name="lang" value="hi" />}
        <SelectField
          {...field}
          name="state"
          label={pt("stepState")}
          blank={pt("chooseState")}
          options={states.map((s) => ({
            value: String(s.lgdCode),
            label: nameIn(ctx.lang, s.nameEn, s.nameHi),
          }))}
        />
        <button type="submit">{pt("continue")}</button>
      </form>
    );
  const districts = await listDistricts(props.db, { stateLgdCode: chosen.lgdCode });
  return (
    <form method="get" action="/producers/new" class="form" novalidate>
      {ctx.lang === "hi" && <input type="hidden" name="lang" value="hi" />}
      <input type="hidden" name="state" value={String(chosen.lgdCode)} />
      <p>
        {pt("state")}: <strong>{nameIn(ctx.lang, chosen.nameEn, chosen.nameHi)}</strong>{" "}
        <a href={hrefIn("/producers/new", ctx.lang)}>({pt("changeState")})</a>
      </p>
      <SelectField
        {...field}
        name="district"
        label={pt("stepDistrict")}
        blank={pt("chooseDistrict")}
        options={districts.map((d) => ({
          value: String(d.lgdCode),
          label: nameIn(ctx.lang, d.nameEn, d.nameHi),
        }))}
      />
      <button type="submit">{pt("continue")}</button>
    </form>
  );
}
