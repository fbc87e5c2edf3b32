import type { Context } from "hono";
import type { Db } from "../../../platform/db";
import { AppError } from "../../../platform/errors";
import { formatIndiaTime } from "../../../platform/india-time";
import { csrfToken } from "../../../web/csrf";
import { FormPage } from "../../../web/form-page";
import {
  ErrorSummary,
  type FieldErrors,
  type FormValues,
  formValues,
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
import { type AppEnv, requireActor } from "../../accounts";
import { decisionsOfDistrict } from "../../committees";
import { getDistrict } from "../../geo";
import { interventionStatuses } from "../bottleneck-flow";
import { addIntervention, reportProgress } from "../commands/interventions";
import { addMeasure, addPlanProduct, removePlanProduct, saveTargets } from "../commands/plan-parts";
import { fyRange } from "../mail";
import { standardMeasures } from "../measures";
import { partKey, partText } from "../parts-messages";
import { can } from "../policy";
import { districtProducts } from "../queries/district-products";
import { interventionById, interventionsOfPlan, productsOfPlan, targetsOfPlan } from "../queries/parts";
import { type PlanView, planFor } from "../queries/plans";
import { interventionInput, measureInput, productInput, progressInput, removeInput } from "../schemas";
import { measureName, ProgressBar, targetGrid } from "./parts-view";
import { planTitle } from "./profile";
import { partRefusal } from "./refusal";

type Form = { values: FormValues; errors: FieldErrors };
const blank: Form = { values: {}, errors: {} };
const yearsOf = (p: PlanView) => Array.from({ length: p.toYear - p.fromYear + 1 }, (_, i) => p.fromYear + i);
const fy = (y: number) => fyRange([y, y]).split(" – ")[0] ?? String(y);

/** The plan for its writer (the district officer), or 403. */
async function writable(c: Context<AppEnv>, db: Db) {
  const actor = requireActor(c.get("actor"));
  const p = await planFor(db, actor, routeId(c));
  if (!can(actor, "plan:write", p))
    throw new AppError("forbidden", "Not allowed: write this district's plan");
  return { actor, p };
}

async function placeOf(db: Db, p: PlanView, lang: "en" | "hi") {
  const d = await getDistrict(db, p.districtLgdCode);
  return d ? nameIn(lang, d.nameEn, d.nameHi) : "";
}

/** The pages where a district officer fills its plan's parts: products and markets, targets, interventions. */
export function planPartPages(app: PersonalRoutes<AppEnv>, db: Db): void {
  app.get("/export-plans/:id{[0-9]+}/products/new", async (c) => {
    const { p } = await writable(c, db);
    return c.html(
      await ProductForm({ c, db, p, form: { values: { version: String(p.version) }, errors: {} } }),
    );
  });
  app.post("/export-plans/:id{[0-9]+}/products/new", async (c) => {
    const { actor, p } = await writable(c, db);
    const lang = contextOf(c).lang;
    const form = await parseForm(c, productInput, lang, partKey(partText(lang)));
    if (!form.ok) return c.html(await ProductForm({ c, db, p, form }), 400);
    try {
      await addPlanProduct(db, actor, p.id, form.data);
    } catch (err) {
      const { errors, status } = partRefusal(err, lang);
      const now = await planFor(db, actor, p.id);
      return c.html(
        await ProductForm({
          c,
          db,
          p: now,
          form: { values: { ...form.values, version: String(now.version) }, errors },
        }),
        status,
      );
    }
    return c.redirect(`${hrefIn(`/export-plans/${p.id}`, lang, { done: "product" })}#covered`, 303);
  });

  // Removing asks first: a page that names what goes, then the button.
  app.get("/export-plans/:id{[0-9]+}/products/:pid{[0-9]+}/remove", async (c) => {
    const { p } = await writable(c, db);
    return c.html(await RemoveForm({ c, db, p, productId: routeId(c, "pid"), errors: {} }));
  });
  app.post("/export-plans/:id{[0-9]+}/products/:pid{[0-9]+}/remove", async (c) => {
    const { actor, p } = await writable(c, db);
    const lang = contextOf(c).lang;
    const form = await parseForm(c, removeInput, lang);
    const productId = routeId(c, "pid");
    try {
      if (!form.ok) throw new AppError("conflict", "stale");
      await removePlanProduct(db, actor, p.id, productId, form.data.version);
    } catch (err) {
      const { errors, status } = partRefusal(err, lang);
      return c.html(
        await RemoveForm({ c, db, p: await planFor(db, actor, p.id), productId, errors }),
        status,
      );
    }
    return c.redirect(`${hrefIn(`/export-plans/${p.id}`, lang, { done: "removed" })}#covered`, 303);
  });

  app.get("/export-plans/:id{[0-9]+}/targets", async (c) => {
    const { p } = await writable(c, db);
    return c.html(await TargetsForm({ c, db, p }));
  });
  app.post("/export-plans/:id{[0-9]+}/targets", async (c) => {
    const { actor, p } = await writable(c, db);
    const lang = contextOf(c).lang;
    const t = partText(lang);
    const values = formValues(await c.req.parseBody());
    const errors: FieldErrors = {};
    const cells = Object.entries(values)
      .filter(([k]) => k.startsWith("c|"))
      .map(([k, v]) => {
        const [, measure = "", year = ""] = k.split("|");
        const value = v.trim() === "" ? null : Number(v.trim().replace(/,/g, ""));
        if (value !== null && (!Number.isFinite(value) || value < 0 || value > 1e12))
          errors[k] = t("notNumber");
        return { measure, year: Number(year), value };
      });
    const version = Number(values.version);
    if (Object.keys(errors).length || !Number.isInteger(version))
      return c.html(await TargetsForm({ c, db, p, grid: { values, errors } }), 400);
    try {
      await saveTargets(db, actor, p.id, { version, cells });
    } catch (err) {
      const { errors: e, status } = partRefusal(err, lang);
      return c.html(
        await TargetsForm({ c, db, p: await planFor(db, actor, p.id), grid: { values, errors: e } }),
        status,
      );
    }
    return c.redirect(`${hrefIn(`/export-plans/${p.id}`, lang, { done: "targets" })}#targets`, 303);
  });
  app.post("/export-plans/:id{[0-9]+}/measures", async (c) => {
    const { actor, p } = await writable(c, db);
    const lang = contextOf(c).lang;
    const form = await parseForm(c, measureInput, lang);
    if (!form.ok) return c.html(await TargetsForm({ c, db, p, measure: form }), 400);
    try {
      await addMeasure(db, actor, p.id, form.data);
    } catch (err) {
      const { errors, status } = partRefusal(err, lang);
      return c.html(
        await TargetsForm({
          c,
          db,
          p: await planFor(db, actor, p.id),
          measure: { values: form.values, errors },
        }),
        status,
      );
    }
    return c.redirect(hrefIn(`/export-plans/${p.id}/targets`, lang, { done: "measure" }), 303);
  });

  app.get("/export-plans/:id{[0-9]+}/interventions/new", async (c) => {
    const { p } = await writable(c, db);
    const parent = c.req.query("parent");
    return c.html(
      await InterventionForm({
        c,
        db,
        p,
        form: { values: { version: String(p.version), weight: "1", parentId: parent ?? "" }, errors: {} },
      }),
    );
  });
  app.post("/export-plans/:id{[0-9]+}/interventions/new", async (c) => {
    const { actor, p } = await writable(c, db);
    const lang = contextOf(c).lang;
    const form = await parseForm(c, interventionInput, lang, partKey(partText(lang)));
    if (!form.ok) return c.html(await InterventionForm({ c, db, p, form }), 400);
    try {
      await addIntervention(db, actor, p.id, form.data);
    } catch (err) {
      const { errors, status } = partRefusal(err, lang);
      return c.html(await InterventionForm({ c, db, p, form: { values: form.values, errors } }), status);
    }
    return c.redirect(
      `${hrefIn(`/export-plans/${p.id}`, lang, { done: "intervention" })}#interventions`,
      303,
    );
  });

  app.get("/interventions/:id{[0-9]+}", async (c) => {
    const actor = requireActor(c.get("actor"));
    const { i } = await interventionById(db, routeId(c));
    const p = await planFor(db, actor, i.planId);
    return c.html(await InterventionPage({ c, db, p, id: i.id, form: blank }));
  });
  app.post("/interventions/:id{[0-9]+}/progress", async (c) => {
    const actor = requireActor(c.get("actor"));
    const lang = contextOf(c).lang;
    const { i } = await interventionById(db, routeId(c));
    const p = await planFor(db, actor, i.planId);
    const form = await parseForm(c, progressInput, lang);
    if (!form.ok) return c.html(await InterventionPage({ c, db, p, id: i.id, form }), 400);
    try {
      await reportProgress(db, actor, i.id, form.data);
    } catch (err) {
      const { errors, status } = partRefusal(err, lang);
      return c.html(
        await InterventionPage({ c, db, p, id: i.id, form: { values: form.values, errors } }),
        status,
      );
    }
    return c.redirect(hrefIn(`/interventions/${i.id}`, lang, { done: "progress" }), 303);
  });
}

async function ProductForm(props: { c: Context<AppEnv>; db: Db; p: PlanView; form: Form }) {
  const { c, db, p } = props;
  const ctx = contextOf(c);
  const t = partText(ctx.lang);
  const place = await placeOf(db, p, ctx.lang);
  const own = await districtProducts(db, p.districtLgdCode);
  const field = { values: props.form.values, errors: props.form.errors, lang: ctx.lang };
  return (
    <FormPage
      ctx={ctx}
      title={`${t("addProduct")}: ${planTitle(p, ctx.lang, place)}`}
      intro={t("coveredIntro")}
      errors={props.form.errors}
      labels={{
        productSlug: t("odopProduct"),
        name: t("itemName"),
        hsHeadings: t("hsHeadings"),
        markets: t("markets"),
      }}
      action={hrefIn(`/export-plans/${p.id}/products/new`, ctx.lang)}
      csrf={csrfToken(c)}
      submit={t("addProduct")}
    >
      <input type="hidden" name="version" value={props.form.values.version ?? String(p.version)} />
      <SelectField
        {...field}
        name="productSlug"
        optional
        label={t("odopProduct")}
        blank={t("chooseProduct")}
        options={own.map((x) => ({
          value: x.slug,
          label: x.hs.length ? `${x.name} (HS ${x.hs.join(", ")})` : x.name,
        }))}
      />
      <TextField
        {...field}
        name="name"
        optional
        label={t("itemName")}
        hint={t("itemNameHint")}
        maxLength={200}
      />
      <TextField {...field} name="hsHeadings" label={t("hsHeadings")} hint={t("hsHint")} maxLength={200} />
      <TextArea {...field} name="markets" label={t("markets")} hint={t("marketsHint")} maxLength={8000} />
    </FormPage>
  );
}

async function RemoveForm(props: {
  c: Context<AppEnv>;
  db: Db;
  p: PlanView;
  productId: number;
  errors: FieldErrors;
}) {
  const { c, db, p } = props;
  const ctx = contextOf(c);
  const t = partText(ctx.lang);
  const item = (await productsOfPlan(db, p.id)).find((x) => x.id === props.productId);
  if (!item) throw new AppError("not_found", "No such product in the plan");
  return (
    <FormPage
      ctx={ctx}
      title={t("removeConfirm", { name: item.name })}
      errors={props.errors}
      labels={{}}
      action={hrefIn(`/export-plans/${p.id}/products/${item.id}/remove`, ctx.lang)}
      csrf={csrfToken(c)}
      submit={t("remove")}
      after={
        <p>
          <a href={hrefIn(`/export-plans/${p.id}`, ctx.lang)}>
            {planTitle(p, ctx.lang, await placeOf(db, p, ctx.lang))}
          </a>
        </p>
      }
    >
      <input type="hidden" name="version" value={String(p.version)} />
    </FormPage>
  );
}

/** The targets table as a form: targets while a draft, actuals once adopted; and a measure of the district's own. */
async function TargetsForm(props: { c: Context<AppEnv>; db: Db; p: PlanView; grid?: Form; measure?: Form }) {
  const { c, db, p } = props;
  const ctx = contextOf(c);
  const t = partText(ctx.lang);
  const place = await placeOf(db, p, ctx.lang);
  const years = yearsOf(p);
  const rows = await targetsOfPlan(db, p.id);
  const shown = [
    ...standardMeasures
      .filter((m) => !rows.some((r) => r.measure === m))
      .map((m) => ({
        id: 0,
        planId: p.id,
        measure: m,
        label: "",
        unit: "",
        year: p.fromYear,
        target: null,
        actual: null,
      })),
    ...rows,
  ];
  const grid = targetGrid(shown, years);
  const column = p.state === "draft" ? "target" : "actual";
  const editable = p.state === "draft" || p.state === "adopted" || p.state === "in_implementation";
  const g = props.grid ?? blank;
  const m = props.measure ?? blank;
  const done = c.req.query("done") === "measure";
  const csrf = csrfToken(c);
  return (
    <Layout
      ctx={ctx}
      title={`${t("targets")}: ${planTitle(p, ctx.lang, place)}`}
      description={t("targetsIntro")}
    >
      <h1>
        {t("targets")}: {planTitle(p, ctx.lang, place)}
      </h1>
      {done && <Notice kind="success">{t("done_measure")}</Notice>}
      {g.errors._form && <Notice kind="error">{g.errors._form}</Notice>}
      <p>{t("targetsIntro")}</p>
      <ErrorSummary
        lang={ctx.lang}
        errors={Object.fromEntries(Object.entries(g.errors).filter(([k]) => k !== "_form"))}
        labels={Object.fromEntries(
          grid.flatMap((r) =>
            years.map((y) => [`c|${r.measure}|${y}`, `${measureName(ctx.lang, r.head)}, ${fy(y)}`]),
          ),
        )}
      />
      {editable && (
        <PostForm action={hrefIn(`/export-plans/${p.id}/targets`, ctx.lang)} csrf={csrf}>
          <input type="hidden" name="version" value={String(p.version)} />
          <section class="table-wrap" tabindex={0} aria-label={t("targets")}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("measure")}</th>
                  {years.map((y) => (
                    <th scope="col">{fy(y)}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {grid.map((r) => (
                  <tr>
                    <th scope="row">{measureName(ctx.lang, r.head)}</th>
                    {years.map((y, i) => {
                      const name = `c|${r.measure}|${y}`;
                      const cell = r.byYear[i];
                      const typed = g.values[name];
                      return (
                        <td class={g.errors[name] ? "has-error" : undefined}>
                          {column === "actual" && (
                            <span class="muted small">
                              {t("target")}: {cell?.target ?? "–"}
                              <br />
                            </span>
                          )}
                          <input
                            id={`f-${name}`}
                            name={name}
                            inputmode="decimal"
                            size={8}
                            value={
                              typed ??
                              (cell?.[column] === null || cell === null ? "" : String(cell?.[column]))
                            }
                            aria-label={`${measureName(ctx.lang, r.head)}, ${fy(y)}, ${t(column)}`}
                            aria-invalid={g.errors[name] ? "true" : undefined}
                          />
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
          <button type="submit">{column === "target" ? t("saveTargets") : t("saveActuals")}</button>
        </PostForm>
      )}
      {p.state === "draft" && (
        <section aria-labelledby="measure">
          <h2 id="measure">{t("addMeasure")}</h2>
          <ErrorSummary
            lang={ctx.lang}
            errors={m.errors}
            labels={{ label: t("measureLabel"), unit: t("unit") }}
          />
          <PostForm action={hrefIn(`/export-plans/${p.id}/measures`, ctx.lang)} csrf={csrf}>
            <input type="hidden" name="version" value={String(p.version)} />
            <TextField
              values={m.values}
              errors={m.errors}
              lang={ctx.lang}
              name="label"
              label={t("measureLabel")}
              maxLength={120}
            />
            <TextField
              values={m.values}
              errors={m.errors}
              lang={ctx.lang}
              name="unit"
              label={t("unit")}
              maxLength={40}
            />
            <button type="submit">{t("addMeasure")}</button>
          </PostForm>
        </section>
      )}
      <p>
        <a href={hrefIn(`/export-plans/${p.id}`, ctx.lang)}>{planTitle(p, ctx.lang, place)}</a>
      </p>
    </Layout>
  );
}

async function InterventionForm(props: { c: Context<AppEnv>; db: Db; p: PlanView; form: Form }) {
  const { c, db, p } = props;
  const ctx = contextOf(c);
  const t = partText(ctx.lang);
  const place = await placeOf(db, p, ctx.lang);
  const [{ nodes }, decisions] = await Promise.all([
    interventionsOfPlan(db, p.id),
    decisionsOfDistrict(db, p.districtLgdCode),
  ]);
  const field = { values: props.form.values, errors: props.form.errors, lang: ctx.lang };
  return (
    <FormPage
      ctx={ctx}
      title={`${t("addIntervention")}: ${planTitle(p, ctx.lang, place)}`}
      intro={t("interventionsIntro")}
      errors={props.form.errors}
      labels={{
        parentId: t("parent"),
        title: t("title"),
        owner: t("owner"),
        startsOn: t("startsOn"),
        endsOn: t("endsOn"),
        weight: t("weight"),
        decisionId: t("decision"),
      }}
      action={hrefIn(`/export-plans/${p.id}/interventions/new`, ctx.lang)}
      csrf={csrfToken(c)}
      submit={t("addIntervention")}
    >
      <input type="hidden" name="version" value={String(p.version)} />
      <SelectField
        {...field}
        name="parentId"
        optional
        label={t("parent")}
        blank={t("topLevel")}
        options={nodes
          .filter((n) => n.parentId === null)
          .map((n) => ({ value: String(n.id), label: n.title }))}
      />
      <TextField {...field} name="title" label={t("title")} maxLength={300} />
      <TextField {...field} name="owner" label={t("owner")} maxLength={200} />
      <TextField {...field} name="startsOn" label={t("startsOn")} hint={t("dateHint")} maxLength={10} />
      <TextField {...field} name="endsOn" label={t("endsOn")} hint={t("dateHint")} maxLength={10} />
      <TextField {...field} name="weight" label={t("weight")} hint={t("weightHint")} maxLength={3} />
      <SelectField
        {...field}
        name="decisionId"
        optional
        label={t("decision")}
        blank={t("noDecision")}
        options={decisions
          .filter((d) => d.published)
          .map((d) => ({
            value: String(d.id),
            label: `${formatIndiaTime(d.startsAt, ctx.lang, false)}: ${d.text}`,
          }))}
      />
    </FormPage>
  );
}

/** One intervention or action: what it is, its progress and timeline, and (a leaf of an adopted plan) the report. */
async function InterventionPage(props: { c: Context<AppEnv>; db: Db; p: PlanView; id: number; form: Form }) {
  const { c, db, p } = props;
  const ctx = contextOf(c);
  const t = partText(ctx.lang);
  const actor = requireActor(c.get("actor"));
  const place = await placeOf(db, p, ctx.lang);
  const [{ i, events, hasActions }, { nodes }] = await Promise.all([
    interventionById(db, props.id),
    interventionsOfPlan(db, p.id),
  ]);
  const rolled = nodes.find((n) => n.id === i.id)?.rolled ?? i.progress;
  const reporting =
    !hasActions && can(actor, "plan:write", p) && (p.state === "adopted" || p.state === "in_implementation");
  const decision = i.decisionId
    ? (await decisionsOfDistrict(db, p.districtLgdCode)).find((d) => d.id === i.decisionId)
    : undefined;
  const f = props.form;
  const values = { version: String(i.version), progress: String(i.progress), status: i.status, ...f.values };
  return (
    <Layout ctx={ctx} title={i.title} description={t("interventionsIntro")}>
      <h1>{i.title}</h1>
      {c.req.query("done") === "progress" && <Notice kind="success">{t("done_progress")}</Notice>}
      {f.errors._form && <Notice kind="error">{f.errors._form}</Notice>}
      <p>
        <a href={hrefIn(`/export-plans/${p.id}`, ctx.lang)}>{planTitle(p, ctx.lang, place)}</a>
      </p>
      <dl class="facts">
        <dt>{t("progress")}</dt>
        <dd>
          <ProgressBar value={rolled} label={t("progress")} />
        </dd>
        <dt>{t("status")}</dt>
        <dd>{t(`status_${i.status}`)}</dd>
        <dt>{t("owner")}</dt>
        <dd>{i.owner}</dd>
        <dt>
          {t("startsOn")} – {t("endsOn")}
        </dt>
        <dd>
          {i.startsOn} – {i.endsOn}
        </dd>
        <dt>{t("weight")}</dt>
        <dd>{i.weight}</dd>
        {decision && (
          <>
            <dt>{t("decision")}</dt>
            <dd>
              <a href={hrefIn(`/committee-meetings/${decision.meetingId}`, ctx.lang)}>
                {t("carriesOut", { date: formatIndiaTime(decision.startsAt, ctx.lang, false) })}
              </a>
              : {decision.text}
            </dd>
          </>
        )}
      </dl>
      {reporting && (
        <section aria-labelledby="report">
          <h2 id="report">{t("report")}</h2>
          <ErrorSummary
            lang={ctx.lang}
            errors={Object.fromEntries(Object.entries(f.errors).filter(([k]) => k !== "_form"))}
            labels={{ progress: t("progress"), status: t("status"), note: t("note") }}
          />
          <PostForm action={hrefIn(`/interventions/${i.id}/progress`, ctx.lang)} csrf={csrfToken(c)}>
            <input type="hidden" name="version" value={String(i.version)} />
            <TextField
              values={values}
              errors={f.errors}
              lang={ctx.lang}
              name="progress"
              label={`${t("progress")} (0–100)`}
              maxLength={3}
            />
            <SelectField
              values={values}
              errors={f.errors}
              lang={ctx.lang}
              name="status"
              label={t("status")}
              options={interventionStatuses.map((s) => ({ value: s, label: t(`status_${s}`) }))}
            />
            <TextArea
              values={values}
              errors={f.errors}
              lang={ctx.lang}
              name="note"
              optional
              label={t("note")}
              maxLength={2000}
            />
            <button type="submit">{t("report")}</button>
          </PostForm>
        </section>
      )}
      {!hasActions && (
        <>
          <h2>{t("timeline")}</h2>
          {events.length === 0 ? (
            <p>{t("noTimeline")}</p>
          ) : (
            <ul class="timeline">
              {events.map((e) => (
                <li>
                  <time datetime={e.at.toISOString()}>{formatIndiaTime(e.at, ctx.lang)}</time>: {e.progress}%
                  · {t(`status_${e.status}`)}
                  {e.byName ? ` · ${e.byName}` : ""}
                  {e.note ? ` — ${e.note}` : ""}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </Layout>
  );
}
