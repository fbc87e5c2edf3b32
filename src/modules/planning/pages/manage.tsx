import type { Context } from "hono";
import type { Db } from "../../../platform/db";
import { AppError } from "../../../platform/errors";
import { formatIndiaTime, indiaDateTime } from "../../../platform/india-time";
import { openTransitions } from "../../../platform/workflow";
import { csrfToken } from "../../../web/csrf";
import { FormPage } from "../../../web/form-page";
import {
  ErrorSummary,
  type FieldErrors,
  type FormValues,
  PostForm,
  parseForm,
  SelectField,
  TextArea,
} from "../../../web/forms";
import type { Lang } from "../../../web/i18n";
import { isId, routeId } from "../../../web/input-guard";
import { contextOf, hrefIn, Layout, nameIn } from "../../../web/layout";
import { Notice } from "../../../web/notice";
import type { PersonalRoutes } from "../../../web/personal-routes";
import { type AccountAction, type Actor, type AppEnv, mailContext, requireActor } from "../../accounts";
import { decisionsOfDistrict, depcMemberAccounts } from "../../committees";
import { getDistrict } from "../../geo";
import { commentOnPlan, createPlan, editPlan, movePlan, revisePlan } from "../commands/plans";
import { planFlow, planSections } from "../flow";
import { fyRange } from "../mail";
import { planText } from "../messages";
import { partText } from "../parts-messages";
import { can, mayComment } from "../policy";
import { commentsOf, type PlanView, planFor, plansOfDistrict } from "../queries/plans";
import { commentInput, planEdit, planInput, planStepInput } from "../schemas";
import { type BottleneckDeps, bottleneckPages } from "./bottlenecks";
import { planPartPages } from "./parts";
import { PlanSections } from "./plan-sections";
import { Paragraphs, PlanProfile, planTitle } from "./profile";

type Form = { values: FormValues; errors: FieldErrors };
const blank: Form = { values: {}, errors: {} };
const notices = [
  "created",
  "saved",
  "circulate",
  "recall",
  "adopt",
  "implement",
  "revise",
  "commented",
  "product",
  "removed",
  "targets",
  "intervention",
] as const;

/** For a district officer's account page: its district's plan, or the way to start one. */
export async function planActions(db: Db, actor: Actor, lang: Lang): Promise<AccountAction[]> {
  const pt = planText(lang);
  const out: AccountAction[] = [];
  for (const g of actor.grants)
    if (g.role === "district_officer" && g.districtLgdCode) {
      const d = await getDistrict(db, g.districtLgdCode);
      const place = d ? nameIn(lang, d.nameEn, d.nameHi) : String(g.districtLgdCode);
      const current = (await plansOfDistrict(db, g.districtLgdCode)).find((p) => p.state !== "superseded");
      out.push(
        current
          ? { href: `/export-plans/${current.id}`, label: pt("yourPlan", { place }) }
          : { href: `/export-plans/new?district=${g.districtLgdCode}`, label: pt("startPlan", { place }) },
      );
    }
  return out;
}

/** A refused command as the page's message. */
function refusal(err: unknown, lang: Lang): { errors: FieldErrors; status: 400 | 409 } {
  if (!(err instanceof AppError)) throw err;
  const pt = planText(lang);
  if (err.code === "bad_request" && err.details.field === "decisionId")
    return { errors: { decisionId: pt("notDecision") }, status: 400 };
  if (err.code !== "conflict") throw err;
  if (err.details.field === "fromYear") return { errors: { fromYear: pt("exists") }, status: 409 };
  if (typeof err.details.state === "string")
    return {
      errors: { _form: pt("outOfTurn", { state: pt(`state_${err.details.state as "draft"}`) }) },
      status: 409,
    };
  return { errors: { _form: pt("conflict") }, status: 409 };
}

const thisYear = () => Number(indiaDateTime(new Date()).date.slice(0, 4));

/** The district officer's pages of its plan, and the committee's and officers' reading and comments. */
export function planManagePages(app: PersonalRoutes<AppEnv>, db: Db, deps: BottleneckDeps): void {
  planPartPages(app, db);
  bottleneckPages(app, db, deps);
  app.get("/export-plans/new", async (c) => {
    const actor = requireActor(c.get("actor"));
    const raw = c.req.query("district");
    if (!isId(raw)) throw new AppError("not_found", "No such district");
    const d = await getDistrict(db, Number(raw));
    if (!d) throw new AppError("not_found", "No such district");
    if (!can(actor, "plan:write", { stateLgdCode: d.stateLgdCode, districtLgdCode: d.lgdCode }))
      throw new AppError("forbidden", "Not allowed: write this district's plan");
    return c.html(
      await NewForm({
        c,
        db,
        districtLgdCode: d.lgdCode,
        form: { values: { fromYear: String(thisYear()), years: "3" }, errors: {} },
      }),
    );
  });
  app.post("/export-plans/new", async (c) => {
    const actor = requireActor(c.get("actor"));
    const lang = contextOf(c).lang;
    const form = await parseForm(c, planInput, lang);
    const district = Number(form.values.districtLgdCode);
    if (!isId(form.values.districtLgdCode) || !(await getDistrict(db, district)))
      throw new AppError("bad_request", "No such district", { field: "districtLgdCode" });
    if (!form.ok) return c.html(await NewForm({ c, db, districtLgdCode: district, form }), 400);
    let id: number;
    try {
      id = await createPlan(db, actor, form.data);
    } catch (err) {
      const { errors, status } = refusal(err, lang);
      return c.html(
        await NewForm({ c, db, districtLgdCode: district, form: { values: form.values, errors } }),
        status,
      );
    }
    return c.redirect(hrefIn(`/export-plans/${id}`, lang, { done: "created" }), 303);
  });

  app.get("/export-plans/:id{[0-9]+}", async (c) => {
    const p = await planFor(db, requireActor(c.get("actor")), routeId(c));
    return c.html(
      await PlanPage({
        deps,
        c,
        db,
        p,
        edit: { values: { strategy: p.strategy, version: String(p.version) }, errors: {} },
      }),
    );
  });
  app.post("/export-plans/:id{[0-9]+}/edit", async (c) => {
    const actor = requireActor(c.get("actor"));
    const lang = contextOf(c).lang;
    const p = await planFor(db, actor, routeId(c));
    const form = await parseForm(c, planEdit, lang);
    if (!form.ok)
      return c.html(
        await PlanPage({
          deps,
          c,
          db,
          p,
          edit: form,
        }),
        400,
      );
    try {
      await editPlan(db, actor, p.id, form.data);
    } catch (err) {
      const { errors, status } = refusal(err, lang);
      const now = await planFor(db, actor, p.id);
      // A stale edit keeps what was typed beside the message: nothing the officer wrote is lost.
      return c.html(
        await PlanPage({
          deps,
          c,
          db,
          p: now,
          edit: { values: { ...form.values, version: String(now.version) }, errors },
        }),
        status,
      );
    }
    return c.redirect(hrefIn(`/export-plans/${p.id}`, lang, { done: "saved" }), 303);
  });
  app.post("/export-plans/:id{[0-9]+}/step", async (c) => {
    const actor = requireActor(c.get("actor"));
    const lang = contextOf(c).lang;
    const p = await planFor(db, actor, routeId(c));
    const form = await parseForm(c, planStepInput, lang);
    const page = (errors: FieldErrors, status: 400 | 409, step: FormValues = {}) =>
      planFor(db, actor, p.id).then(async (now) =>
        c.html(
          await PlanPage({
            deps,
            c,
            db,
            p: now,
            edit: { values: { strategy: now.strategy, version: String(now.version) }, errors: {} },
            step: { values: step, errors },
          }),
          status,
        ),
      );
    if (!form.ok) return page(form.errors, 400, form.values);
    let next = p.id;
    try {
      if (form.data.step === "revise") next = await revisePlan(db, actor, p.id, form.data.version);
      else await movePlan(db, actor, p.id, { ...form.data, step: form.data.step }, { mail: mailContext(c) });
    } catch (err) {
      const { errors, status } = refusal(err, lang);
      return page(errors, status, form.values);
    }
    return c.redirect(hrefIn(`/export-plans/${next}`, lang, { done: form.data.step }), 303);
  });
  app.post("/export-plans/:id{[0-9]+}/comments", async (c) => {
    const actor = requireActor(c.get("actor"));
    const lang = contextOf(c).lang;
    const p = await planFor(db, actor, routeId(c));
    const form = await parseForm(c, commentInput, lang);
    const again = (errors: FieldErrors, status: 400 | 409) =>
      PlanPage({ deps, c, db, p, edit: blank, comment: { values: form.values, errors } }).then((h) =>
        c.html(h, status),
      );
    if (!form.ok) return again(form.errors, 400);
    try {
      await commentOnPlan(db, actor, p.id, form.data);
    } catch (err) {
      const { errors, status } = refusal(err, lang);
      return again(errors, status);
    }
    return c.redirect(`${hrefIn(`/export-plans/${p.id}`, lang, { done: "commented" })}#comments`, 303);
  });
}

async function NewForm(props: { c: Context<AppEnv>; db: Db; districtLgdCode: number; form: Form }) {
  const ctx = contextOf(props.c);
  const pt = planText(ctx.lang);
  const d = await getDistrict(props.db, props.districtLgdCode);
  const place = d ? nameIn(ctx.lang, d.nameEn, d.nameHi) : String(props.districtLgdCode);
  const field = { values: props.form.values, errors: props.form.errors, lang: ctx.lang };
  const start = thisYear();
  return (
    <FormPage
      ctx={ctx}
      title={pt("newTitle", { place })}
      intro={pt("planIntro")}
      errors={props.form.errors}
      labels={{ fromYear: pt("fromYear"), years: pt("years"), strategy: pt("strategy") }}
      action={hrefIn("/export-plans/new", ctx.lang)}
      csrf={csrfToken(props.c)}
      submit={pt("create")}
    >
      <input type="hidden" name="districtLgdCode" value={String(props.districtLgdCode)} />
      <SelectField
        {...field}
        name="fromYear"
        label={pt("fromYear")}
        options={[start - 1, start, start + 1, start + 2].map((y) => ({
          value: String(y),
          label: fyRange([y, y]).split(" – ")[0] ?? "",
        }))}
      />
      <SelectField
        {...field}
        name="years"
        label={pt("years")}
        options={[1, 2, 3, 4, 5].map((n) => ({ value: String(n), label: String(n) }))}
      />
      <TextArea
        {...field}
        name="strategy"
        optional
        label={pt("strategy")}
        hint={pt("strategyHint")}
        maxLength={20000}
      />
    </FormPage>
  );
}

/** One plan for the people who work on it: profile, strategy (editable as a draft), next step, comments. */
async function PlanPage(props: {
  deps: BottleneckDeps;
  c: Context<AppEnv>;
  db: Db;
  p: PlanView;
  edit: Form;
  step?: Form;
  comment?: Form;
}) {
  const { c, db, p } = props;
  const ctx = contextOf(c);
  const pt = planText(ctx.lang);
  const actor = requireActor(c.get("actor"));
  const d = await getDistrict(db, p.districtLgdCode);
  const place = d ? nameIn(ctx.lang, d.nameEn, d.nameHi) : "";
  const title = planTitle(p, ctx.lang, place);
  const writer = can(actor, "plan:write", p) !== undefined;
  const member = (await depcMemberAccounts(db, p.districtLgdCode)).includes(actor.userId);
  const commenting = p.state === "circulated" && mayComment(actor, p, member) !== undefined;
  const steps = writer ? openTransitions(planFlow, p.state).filter((t) => t !== "create") : [];
  const decisions = steps.includes("adopt")
    ? (await decisionsOfDistrict(db, p.districtLgdCode)).filter((x) => x.published)
    : [];
  const comments = await commentsOf(db, p.id);
  const done = notices.find((n) => n === c.req.query("done"));
  const csrf = csrfToken(c);
  const step = props.step ?? blank;
  const comment = props.comment ?? blank;
  return (
    <Layout ctx={ctx} title={title} description={pt("planIntro")}>
      <h1>{title}</h1>
      {done && (
        <Notice kind="success">
          {done === "product" || done === "removed" || done === "targets" || done === "intervention"
            ? partText(ctx.lang)(`done_${done}`)
            : pt(`done_${done}`)}
        </Notice>
      )}
      {props.edit.errors._form && <Notice kind="error">{props.edit.errors._form}</Notice>}
      {step.errors._form && <Notice kind="error">{step.errors._form}</Notice>}
      <dl class="facts">
        <dt>{pt("stateOf")}</dt>
        <dd>
          {pt(`state_${p.state}`)} · {pt("version", { n: p.versionNo })}
        </dd>
        {p.adoptedAt && (
          <>
            <dt>{pt("decision")}</dt>
            <dd>{pt("adoptedBy", { date: formatIndiaTime(p.adoptedAt, ctx.lang, false) })}</dd>
          </>
        )}
      </dl>
      <PlanProfile db={db} ctx={ctx} districtLgdCode={p.districtLgdCode} />
      <h2 id="strategy">{pt("strategy")}</h2>
      {writer && p.state === "draft" ? (
        <PostForm action={hrefIn(`/export-plans/${p.id}/edit`, ctx.lang)} csrf={csrf}>
          <input type="hidden" name="version" value={props.edit.values.version ?? String(p.version)} />
          <TextArea
            values={props.edit.values}
            errors={props.edit.errors}
            lang={ctx.lang}
            name="strategy"
            optional
            label={pt("strategy")}
            hint={pt("strategyHint")}
            maxLength={20000}
          />
          <button type="submit">{pt("save")}</button>
        </PostForm>
      ) : (
        <Paragraphs text={p.strategy} />
      )}
      <PlanSections
        db={db}
        ctx={ctx}
        p={p}
        manage={{ writer, escalateAfterDays: props.deps.escalateAfterDays }}
      />
      {steps.length > 0 && (
        <section aria-labelledby="next-step">
          <h2 id="next-step">{pt("yourMove")}</h2>
          <ErrorSummary
            lang={ctx.lang}
            errors={step.errors}
            labels={{ decisionId: pt("decision"), step: pt("yourMove") }}
          />
          <PostForm action={hrefIn(`/export-plans/${p.id}/step`, ctx.lang)} csrf={csrf}>
            <input type="hidden" name="version" value={String(p.version)} />
            <fieldset class="field" id="f-step">
              <legend>{pt("yourMove")}</legend>
              {steps.map((s) => (
                <label class="choice">
                  <input type="radio" name="step" value={s} checked={(step.values.step ?? steps[0]) === s} />{" "}
                  {pt(`step_${s as "circulate"}`)}
                </label>
              ))}
            </fieldset>
            {steps.includes("adopt") && (
              <SelectField
                values={step.values}
                errors={step.errors}
                lang={ctx.lang}
                name="decisionId"
                optional="conditional"
                label={pt("decision")}
                hint={pt("decisionHint")}
                blank={pt("chooseDecision")}
                options={decisions.map((x) => ({
                  value: String(x.id),
                  label: `${formatIndiaTime(x.startsAt, ctx.lang, false)}: ${x.text}`,
                }))}
              />
            )}
            <button type="submit">{pt("confirm")}</button>
          </PostForm>
        </section>
      )}
      <h2 id="comments">{pt("comments")}</h2>
      {comments.length === 0 ? (
        <p>{pt("noComments")}</p>
      ) : (
        <ul class="comments">
          {comments.map((m) => (
            <li>
              <strong>{m.authorName}</strong> ({pt(`section_${m.section}`)},{" "}
              {formatIndiaTime(m.createdAt, ctx.lang, false)}): {m.body}
            </li>
          ))}
        </ul>
      )}
      {commenting && (
        <>
          <ErrorSummary
            lang={ctx.lang}
            errors={comment.errors}
            labels={{ body: pt("comment"), section: pt("section") }}
          />
          <PostForm action={hrefIn(`/export-plans/${p.id}/comments`, ctx.lang)} csrf={csrf}>
            <SelectField
              values={comment.values}
              errors={comment.errors}
              lang={ctx.lang}
              name="section"
              label={pt("section")}
              options={planSections.map((s) => ({
                value: s,
                label: pt(`section_${s}`),
              }))}
            />
            <TextArea
              values={comment.values}
              errors={comment.errors}
              lang={ctx.lang}
              name="body"
              label={pt("comment")}
              maxLength={4000}
            />
            <button type="submit">{pt("send")}</button>
          </PostForm>
        </>
      )}
    </Layout>
  );
}
