import type { Context } from "hono";
import type { Db } from "../../../platform/db";
import { AppError } from "../../../platform/errors";
import { formatIndiaTime } from "../../../platform/india-time";
import { openTransitions } from "../../../platform/workflow";
import { csrfToken } from "../../../web/csrf";
import { DataTable } from "../../../web/data-table";
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
import type { Lang } from "../../../web/i18n";
import { isId, routeId } from "../../../web/input-guard";
import { contextOf, hrefIn, Layout, nameIn, type PageContext } from "../../../web/layout";
import { Notice } from "../../../web/notice";
import { Pager, pageHref, pageNumber } from "../../../web/pager";
import type { PersonalRoutes } from "../../../web/personal-routes";
import { type AccountAction, type Actor, type AppEnv, mailContext, requireActor } from "../../accounts";
import { decisionsOfDistrict } from "../../committees";
import { getDistrict, getDistricts, getState } from "../../geo";
import { resubmitProposal, type Step, stepProposal, submitProposal } from "../commands";
import { type ProposalState, proposalFlow, proposalStates, whoseMove } from "../proposals/flow";
import { proposalKey, proposalText } from "../proposals/messages";
import { can } from "../proposals/policy";
import { bases, proposalEdit, proposalInput, proposalKinds, ranks, stepInput } from "../proposals/schemas";
import {
  exportsBySector,
  giName,
  hsHeadingText,
  type ProposalView,
  proposalChoices,
  proposalFor,
  proposalsInScope,
  proposalsPerPage,
  proposalsWaitingFor,
  stepsOf,
} from "../queries";
import { sectorTaxonomy } from "../sectors";
import { ExportsBySector } from "./shared";

type Form = { values: FormValues; errors: FieldErrors };

const sectorLabel = (code: string, lang: Lang) => {
  const s = sectorTaxonomy.find((x) => x.code === code);
  return s ? (lang === "hi" ? s.nameHi : s.nameEn) : code;
};

/** For the account page: the way to the proposals, with how many wait for this officer; a district officer proposes. */
export async function proposalActions(db: Db, actor: Actor, lang: Lang): Promise<AccountAction[]> {
  const pt = proposalText(lang);
  if (!actor.grants.some((g) => ["district_officer", "state_officer", "national_admin"].includes(g.role)))
    return [];
  const waiting = await proposalsWaitingFor(db, actor);
  const out: AccountAction[] = [
    {
      href: "/proposals",
      label: pt("proposals"),
      waiting: pt("waiting", { n: waiting }),
      urgent: waiting > 0,
    },
  ];
  for (const g of actor.grants)
    if (g.role === "district_officer" && g.districtLgdCode) {
      const d = await getDistrict(db, g.districtLgdCode);
      out.push({
        href: `/proposals/new?district=${g.districtLgdCode}`,
        label: pt("propose", { place: d ? nameIn(lang, d.nameEn, d.nameHi) : String(g.districtLgdCode) }),
      });
    }
  return out;
}

/** A thrown command error as the form's errors and status: a field at fault, a stale version, a step out of turn. */
function refusal(err: unknown, lang: Lang): { errors: FieldErrors; status: 400 | 409 } {
  if (!(err instanceof AppError)) throw err;
  const pt = proposalText(lang);
  const field = err.details.field as string | undefined;
  if (err.code === "bad_request" && field) {
    const known = proposalKey(pt)(String(err.details.reason ?? ""));
    return { errors: { [field]: known ?? err.message }, status: 400 };
  }
  if (err.code !== "conflict") throw err;
  if (err.details.reason === "draftConflict") return { errors: { _form: pt("draftConflict") }, status: 409 };
  if (typeof err.details.state === "string")
    return {
      errors: { _form: pt("outOfTurn", { state: pt(`state_${err.details.state as ProposalState}`) }) },
      status: 409,
    };
  return { errors: { _form: pt("conflict") }, status: 409 };
}

/** A proposal's fields as its form shows them, to correct it. */
const valuesOf = (p: ProposalView): FormValues => ({
  kind: p.kind,
  districtLgdCode: String(p.districtLgdCode),
  productSlug: p.productSlug ?? "",
  name: p.name ?? "",
  nameHi: p.nameHi ?? "",
  sectorCode: p.sectorCode ?? "",
  hsHeading: p.hsHeading ?? "",
  rank: p.rank ?? "",
  ...Object.fromEntries(p.basis.map((b) => [`basis_${b}`, "on"])),
  producersAndUnits: p.producersAndUnits ?? "",
  production: p.production ?? "",
  giId: p.giId ? String(p.giId) : "",
  evidence: p.evidence ?? "",
  decisionId: p.decisionId ? String(p.decisionId) : "",
  version: String(p.version),
});

/** The officers' pages of proposals: the list in their reach, proposing, one proposal with its steps. */
export function proposalPages(app: PersonalRoutes<AppEnv>, db: Db): void {
  app.get("/proposals", async (c) => {
    const actor = requireActor(c.get("actor"));
    if (!actor.grants.some((g) => ["district_officer", "state_officer", "national_admin"].includes(g.role)))
      throw new AppError("forbidden", "Not allowed: see proposals");
    const ctx = contextOf(c);
    const pt = proposalText(ctx.lang);
    const state = proposalStates.find((s) => s === c.req.query("state"));
    const page = pageNumber(c.req.query("page"));
    const { rows, total } = await proposalsInScope(db, actor, { state, page });
    const districts = new Map(
      (await getDistricts(db, [...new Set(rows.map((r) => r.districtLgdCode))])).map((d) => [d.lgdCode, d]),
    );
    const proposing = actor.grants.filter((g) => g.role === "district_officer" && g.districtLgdCode);
    return c.html(
      <Layout ctx={ctx} title={pt("proposals")} description={pt("proposalsIntro")}>
        <h1>{pt("proposals")}</h1>
        <p>{pt("proposalsIntro")}</p>
        {proposing.map((g) => (
          <p>
            <a class="button" href={hrefIn(`/proposals/new?district=${g.districtLgdCode}`, ctx.lang)}>
              {pt("propose", {
                place: (() => {
                  const d = districts.get(g.districtLgdCode as number);
                  return d ? nameIn(ctx.lang, d.nameEn, d.nameHi) : String(g.districtLgdCode);
                })(),
              })}
            </a>
          </p>
        ))}
        <form method="get" action="/proposals" class="filters">
          {ctx.lang === "hi" && <input type="hidden" name="lang" value="hi" />}
          <label for="f-state">{pt("stateOf")}</label>{" "}
          <select id="f-state" name="state">
            <option value="">{pt("allStates")}</option>
            {proposalStates.map((s) => (
              <option value={s} selected={s === state}>
                {pt(`state_${s}`)}
              </option>
            ))}
          </select>{" "}
          <button type="submit">{pt("filter")}</button>
        </form>
        <DataTable
          label={pt("proposals")}
          rows={rows}
          empty={pt("noProposals")}
          columns={[
            {
              label: pt("proposal", { n: "" }).trim(),
              cell: (p) => <a href={hrefIn(`/proposals/${p.id}`, ctx.lang)}>{pt("proposal", { n: p.id })}</a>,
            },
            {
              label: pt("district"),
              cell: (p) => {
                const d = districts.get(p.districtLgdCode);
                return d ? nameIn(ctx.lang, d.nameEn, d.nameHi) : String(p.districtLgdCode);
              },
            },
            { label: pt("kind"), cell: (p) => pt(`kind_${p.kind}`) },
            { label: pt("product"), cell: (p) => p.liveName ?? p.name ?? p.productSlug },
            { label: pt("stateOf"), cell: (p) => pt(`state_${p.state}`) },
            { label: pt("whose"), cell: (p) => pt(`whose_${whoseMove[p.state] ?? "none"}`) },
            { label: pt("updated"), cell: (p) => formatIndiaTime(p.updatedAt, ctx.lang, false) },
          ]}
        />
        <Pager
          t={ctx.t}
          page={page}
          pages={Math.ceil(total / proposalsPerPage)}
          href={pageHref("/proposals", {
            ...(state ? { state } : {}),
            ...(ctx.lang === "hi" ? { lang: "hi" } : {}),
          })}
        />
      </Layout>,
    );
  });

  app.get("/proposals/new", async (c) => {
    const actor = requireActor(c.get("actor"));
    const raw = c.req.query("district");
    if (!isId(raw)) throw new AppError("not_found", "No such district");
    const district = await getDistrict(db, Number(raw));
    if (!district) throw new AppError("not_found", "No such district");
    const place = { stateLgdCode: district.stateLgdCode, districtLgdCode: district.lgdCode };
    if (!can(actor, "proposal:submit", place)) throw new AppError("forbidden", "Not allowed: propose for it");
    return c.html(
      await ProposalForm({
        c,
        db,
        districtLgdCode: district.lgdCode,
        form: { values: { kind: "add" }, errors: {} },
      }),
    );
  });
  app.post("/proposals/new", async (c) => {
    const actor = requireActor(c.get("actor"));
    const lang = contextOf(c).lang;
    const form = await parseForm(c, proposalInput, lang, proposalKey(proposalText(lang)));
    const districtLgdCode = Number(form.values.districtLgdCode);
    if (!isId(form.values.districtLgdCode) || !(await getDistrict(db, districtLgdCode)))
      throw new AppError("bad_request", "No such district", { field: "districtLgdCode" });
    if (!form.ok) return c.html(await ProposalForm({ c, db, districtLgdCode, form }), 400);
    let id: number;
    try {
      id = await submitProposal(db, actor, form.data, { mail: mailContext(c) });
    } catch (err) {
      const { errors, status } = refusal(err, lang);
      return c.html(
        await ProposalForm({ c, db, districtLgdCode, form: { values: form.values, errors } }),
        status,
      );
    }
    return c.redirect(hrefIn(`/proposals/${id}`, lang, { done: "submitted" }), 303);
  });

  app.get("/proposals/:id{[0-9]+}", async (c) => {
    const p = await proposalFor(db, requireActor(c.get("actor")), routeId(c));
    return c.html(
      await ProposalPage({ c, db, p, step: { values: { version: String(p.version) }, errors: {} } }),
    );
  });
  app.post("/proposals/:id{[0-9]+}/step", async (c) => {
    const actor = requireActor(c.get("actor"));
    const lang = contextOf(c).lang;
    const p = await proposalFor(db, actor, routeId(c));
    const form = await parseForm(c, stepInput, lang, proposalKey(proposalText(lang)));
    if (!form.ok) return c.html(await ProposalPage({ c, db, p, step: form }), 400);
    try {
      await stepProposal(db, actor, p.id, form.data, { mail: mailContext(c) });
    } catch (err) {
      const { errors, status } = refusal(err, lang);
      const now = await proposalFor(db, actor, p.id);
      // A missing reason keeps what was typed; a stale or out-of-turn step shows the proposal as it now is.
      const values = status === 400 ? form.values : { version: String(now.version) };
      return c.html(await ProposalPage({ c, db, p: now, step: { values, errors } }), status);
    }
    return c.redirect(hrefIn(`/proposals/${p.id}`, lang, { done: form.data.step }), 303);
  });

  app.get("/proposals/:id{[0-9]+}/edit", async (c) => {
    const actor = requireActor(c.get("actor"));
    const p = await proposalFor(db, actor, routeId(c));
    if (!can(actor, "proposal:submit", p))
      throw new AppError("forbidden", "Not allowed: correct this proposal");
    return c.html(
      await ProposalForm({
        c,
        db,
        districtLgdCode: p.districtLgdCode,
        proposal: p,
        form: { values: valuesOf(p), errors: {} },
      }),
    );
  });
  app.post("/proposals/:id{[0-9]+}/edit", async (c) => {
    const actor = requireActor(c.get("actor"));
    const lang = contextOf(c).lang;
    const p = await proposalFor(db, actor, routeId(c));
    const form = await parseForm(c, proposalEdit, lang, proposalKey(proposalText(lang)));
    const shown = { c, db, districtLgdCode: p.districtLgdCode, proposal: p };
    if (!form.ok) return c.html(await ProposalForm({ ...shown, form }), 400);
    try {
      await resubmitProposal(db, actor, p.id, form.data.version, form.data, { mail: mailContext(c) });
    } catch (err) {
      const { errors, status } = refusal(err, lang);
      const values = status === 409 ? valuesOf(await proposalFor(db, actor, p.id)) : form.values;
      return c.html(await ProposalForm({ ...shown, form: { values, errors } }), status);
    }
    return c.redirect(hrefIn(`/proposals/${p.id}`, lang, { done: "resubmit" }), 303);
  });
}

const formLabels = (lang: Lang) => {
  const pt = proposalText(lang);
  return {
    kind: pt("kind"),
    productSlug: pt("product"),
    name: pt("name"),
    nameHi: pt("nameHi"),
    sectorCode: pt("sector"),
    hsHeading: pt("hsHeading"),
    rank: pt("rank"),
    basis: pt("basis"),
    producersAndUnits: pt("producersAndUnits"),
    production: pt("production"),
    giId: pt("gi"),
    evidence: pt("evidence"),
    decisionId: pt("decision"),
    districtLgdCode: pt("district"),
    reason: pt("reason"),
  };
};

/** Propose, or correct a returned proposal (`proposal` given): what, which product, the new values, basis, evidence. */
async function ProposalForm(props: {
  c: Context<AppEnv>;
  db: Db;
  districtLgdCode: number;
  proposal?: ProposalView;
  form: Form;
}) {
  const ctx = contextOf(props.c);
  const pt = proposalText(ctx.lang);
  const district = await getDistrict(props.db, props.districtLgdCode);
  const place = district ? nameIn(ctx.lang, district.nameEn, district.nameHi) : "";
  const state = district ? await getState(props.db, district.stateLgdCode) : null;
  const choices = await proposalChoices(props.db, props.districtLgdCode, state?.nameEn ?? "");
  const decisions = await decisionsOfDistrict(props.db, props.districtLgdCode);
  const { values, errors } = props.form;
  const field = { values, errors, lang: ctx.lang };
  const p = props.proposal;
  const title = p ? pt("editTitle", { n: p.id }) : pt("proposeTitle", { place });
  return (
    <Layout ctx={ctx} title={title} description={pt("proposeIntro")}>
      <h1>{title}</h1>
      {errors._form && <Notice kind="error">{errors._form}</Notice>}
      {p?.reason && (
        <Notice kind="info">
          {pt("reason")}: {p.reason}
        </Notice>
      )}
      <p>{pt("proposeIntro")}</p>
      <ErrorSummary lang={ctx.lang} errors={errors} labels={formLabels(ctx.lang)} />
      <PostForm
        action={hrefIn(p ? `/proposals/${p.id}/edit` : "/proposals/new", ctx.lang)}
        csrf={csrfToken(props.c)}
      >
        <input type="hidden" name="districtLgdCode" value={String(props.districtLgdCode)} />
        {p && <input type="hidden" name="version" value={values.version ?? ""} />}
        <fieldset class={errors.kind ? "field has-error" : "field"} id="f-kind">
          <legend>{pt("kind")}</legend>
          {proposalKinds.map((k) => (
            <label class="choice">
              <input type="radio" name="kind" value={k} checked={(values.kind ?? "add") === k} />{" "}
              {pt(`kind_${k}`)}
            </label>
          ))}
        </fieldset>
        <SelectField
          {...field}
          name="productSlug"
          optional="conditional"
          label={pt("product")}
          hint={pt("productHint")}
          blank={pt("chooseProduct")}
          options={choices.products.map((x) => ({
            value: x.slug,
            label: `${x.name} (${pt(`rank_${x.rank}`)})`,
          }))}
        />
        <TextField
          {...field}
          name="name"
          optional="conditional"
          label={pt("name")}
          hint={pt("nameHint")}
          maxLength={200}
        />
        <TextField
          {...field}
          name="nameHi"
          optional
          label={pt("nameHi")}
          hint={pt("nameHiHint")}
          maxLength={200}
        />
        <SelectField
          {...field}
          name="sectorCode"
          optional="conditional"
          label={pt("sector")}
          blank={pt("keep")}
          options={choices.sectors.map((s) => ({
            value: s.code,
            label: ctx.lang === "hi" ? s.nameHi : s.nameEn,
          }))}
        />
        <TextField
          {...field}
          name="hsHeading"
          optional
          label={pt("hsHeading")}
          hint={pt("hsHint")}
          maxLength={4}
        />
        <SelectField
          {...field}
          name="rank"
          optional="conditional"
          label={pt("rank")}
          blank={pt("keep")}
          options={ranks.map((r) => ({ value: r, label: pt(`rank_${r}`) }))}
        />
        <fieldset class={errors.basis ? "field has-error" : "field"} id="f-basis">
          <legend>{pt("basis")}</legend>
          <p class="hint">{pt("basisHint")}</p>
          {errors.basis && <p class="field-error">{errors.basis}</p>}
          {bases.map((b) => (
            <label class="choice">
              <input type="checkbox" name={`basis_${b}`} checked={values[`basis_${b}`] === "on"} />{" "}
              {pt(`basis_${b}`)}
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>{pt("evidenceTitle")}</legend>
          <TextField
            {...field}
            name="producersAndUnits"
            optional
            label={pt("producersAndUnits")}
            hint={pt("producersHint")}
            maxLength={500}
          />
          <TextField
            {...field}
            name="production"
            optional
            label={pt("production")}
            hint={pt("productionHint")}
            maxLength={500}
          />
          <SelectField
            {...field}
            name="giId"
            optional
            label={pt("gi")}
            blank={pt("noGi")}
            options={choices.gi.map((g) => ({
              value: String(g.id),
              label: `${g.name} (${g.goodsCategory})`,
            }))}
          />
          <SelectField
            {...field}
            name="decisionId"
            optional
            label={pt("decision")}
            hint={pt("decisionHint")}
            blank={pt("noDecision")}
            options={decisions.map((d) => ({
              value: String(d.id),
              label: `${formatIndiaTime(d.startsAt, ctx.lang, false)}: ${d.text}`,
            }))}
          />
          <TextArea {...field} name="evidence" optional label={pt("evidence")} maxLength={4000} />
        </fieldset>
        <button type="submit">{p ? pt("resubmit") : pt("submit")}</button>
      </PostForm>
    </Layout>
  );
}

/** The steps the actor may take on the proposal now: its flow's open transitions that the actor's role holds. */
function stepsFor(actor: Actor, p: ProposalView): Step[] {
  return openTransitions(proposalFlow, p.state).filter(
    (t): t is Step =>
      (["forward", "returnByState", "accept", "returnByNation", "withdraw"] as const).includes(t as Step) &&
      can(actor, proposalFlow[t].by, p) !== undefined,
  );
}

/** One proposal: what it asks, its basis and evidence beside the district's exports, its history, and the next step. */
async function ProposalPage(props: { c: Context<AppEnv>; db: Db; p: ProposalView; step: Form }) {
  const { c, db, p } = props;
  const ctx = contextOf(c);
  const pt = proposalText(ctx.lang);
  const actor = requireActor(c.get("actor"));
  const district = await getDistrict(db, p.districtLgdCode);
  const place = district ? nameIn(ctx.lang, district.nameEn, district.nameHi) : "";
  const [steps, exports, hs, gi, decisions] = await Promise.all([
    stepsOf(db, p.id),
    exportsBySector(db, { districtLgdCode: p.districtLgdCode }),
    hsHeadingText(db, p.hsHeading),
    giName(db, p.giId),
    decisionsOfDistrict(db, p.districtLgdCode),
  ]);
  const decision = decisions.find((d) => d.id === p.decisionId);
  const done = c.req.query("done");
  const doneKey = [
    "submitted",
    "forward",
    "returnByState",
    "accept",
    "returnByNation",
    "withdraw",
    "resubmit",
  ].find((d) => d === done);
  const mine = stepsFor(actor, p);
  const { values, errors } = props.step;
  return (
    <Layout ctx={ctx} title={`${pt("proposal", { n: p.id })}: ${place}`} description={pt("proposalsIntro")}>
      <h1>
        {pt("proposal", { n: p.id })}: {pt(`kind_${p.kind}`)}, {place}
      </h1>
      {doneKey && <Notice kind="success">{pt(`done_${doneKey as "forward"}`)}</Notice>}
      {errors._form && <Notice kind="error">{errors._form}</Notice>}
      <dl class="facts">
        <dt>{pt("stateOf")}</dt>
        <dd>{pt(`state_${p.state}`)}</dd>
        <dt>{pt("whose")}</dt>
        <dd>{pt(`whose_${whoseMove[p.state] ?? "none"}`)}</dd>
        {p.productSlug && (
          <>
            <dt>{pt("currentList")}</dt>
            <dd>
              {p.liveName ? (
                <a href={hrefIn(`/products/${p.productSlug}`, ctx.lang)}>{p.liveName}</a>
              ) : (
                p.productSlug
              )}
            </dd>
          </>
        )}
        {p.name && (
          <>
            <dt>{pt("name")}</dt>
            <dd>{p.name}</dd>
          </>
        )}
        {p.nameHi && (
          <>
            <dt>{pt("nameHi")}</dt>
            <dd lang="hi">{p.nameHi}</dd>
          </>
        )}
        {p.sectorCode && (
          <>
            <dt>{pt("sector")}</dt>
            <dd>{sectorLabel(p.sectorCode, ctx.lang)}</dd>
          </>
        )}
        {p.hsHeading && (
          <>
            <dt>{pt("hsHeading")}</dt>
            <dd>
              {p.hsHeading}
              {hs ? `: ${hs}` : ""}
            </dd>
          </>
        )}
        {p.rank && (
          <>
            <dt>{pt("rank")}</dt>
            <dd>{pt(`rank_${p.rank}`)}</dd>
          </>
        )}
        <dt>{pt("basis")}</dt>
        <dd>{p.basis.map((b) => pt(`basis_${b as "gi"}`)).join("; ") || "—"}</dd>
        {p.producersAndUnits && (
          <>
            <dt>{pt("producersAndUnits")}</dt>
            <dd>{p.producersAndUnits}</dd>
          </>
        )}
        {p.production && (
          <>
            <dt>{pt("production")}</dt>
            <dd>{p.production}</dd>
          </>
        )}
        {gi && (
          <>
            <dt>{pt("gi")}</dt>
            <dd>
              <a href={hrefIn(`/gi/${p.giId}`, ctx.lang)}>{gi}</a>
            </dd>
          </>
        )}
        {decision && (
          <>
            <dt>{pt("decision")}</dt>
            <dd>
              <a href={hrefIn(`/committee-meetings/${decision.meetingId}#decision-${decision.id}`, ctx.lang)}>
                {formatIndiaTime(decision.startsAt, ctx.lang, false)}
              </a>
              : {decision.text}
            </dd>
          </>
        )}
        {p.evidence && (
          <>
            <dt>{pt("evidence")}</dt>
            <dd>{p.evidence}</dd>
          </>
        )}
        {p.reason && (
          <>
            <dt>{pt("reason")}</dt>
            <dd>{p.reason}</dd>
          </>
        )}
      </dl>
      {mine.length > 0 && <StepForm c={c} p={p} steps={mine} values={values} errors={errors} />}
      {p.state === "returned" && can(actor, "proposal:submit", p) && (
        <p>
          <a class="button" href={hrefIn(`/proposals/${p.id}/edit`, ctx.lang)}>
            {pt("correct")}
          </a>
        </p>
      )}
      <h2 id="exports-heading">{pt("exportsBeside")}</h2>
      <ExportsBySector
        ctx={ctx as PageContext}
        id="exports-heading"
        label={pt("exportsBeside")}
        rows={exports}
      />
      <h2>{pt("history")}</h2>
      <ol class="history">
        {steps.map((s) => (
          <li>
            {formatIndiaTime(s.at, ctx.lang, false)}: {pt(`step_${s.transition as "submit"}`)}
            {s.reason ? ` (${pt("reason")}: ${s.reason})` : ""}
          </li>
        ))}
      </ol>
      <p>
        <a href={hrefIn("/proposals", ctx.lang)}>{pt("proposals")}</a>
      </p>
    </Layout>
  );
}

/** The next step: a choice of the steps the actor may take, with the reasons a return needs. */
function StepForm(props: {
  c: Context<AppEnv>;
  p: ProposalView;
  steps: Step[];
  values: FormValues;
  errors: FieldErrors;
}) {
  const ctx = contextOf(props.c);
  const pt = proposalText(ctx.lang);
  const { values, errors } = props;
  const chosen = values.step ?? props.steps[0];
  return (
    <section aria-labelledby="your-move">
      <h2 id="your-move">{pt("yourMove")}</h2>
      <ErrorSummary
        lang={ctx.lang}
        errors={errors}
        labels={{ reason: pt("reason"), step: pt("stepLegend") }}
      />
      <PostForm action={hrefIn(`/proposals/${props.p.id}/step`, ctx.lang)} csrf={csrfToken(props.c)}>
        <input type="hidden" name="version" value={values.version ?? String(props.p.version)} />
        <fieldset class={errors.step ? "field has-error" : "field"} id="f-step">
          <legend>{pt("stepLegend")}</legend>
          {props.steps.map((s) => (
            <label class="choice">
              <input type="radio" name="step" value={s} checked={chosen === s} /> {pt(s)}
            </label>
          ))}
        </fieldset>
        <TextArea
          values={values}
          errors={errors}
          lang={ctx.lang}
          name="reason"
          optional="conditional"
          label={pt("reason")}
          hint={pt("reasonHint")}
          maxLength={2000}
        />
        <button type="submit">{pt("stepSubmit")}</button>
      </PostForm>
    </section>
  );
}
