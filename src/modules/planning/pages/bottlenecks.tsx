import type { Context } from "hono";
import type { Db } from "../../../platform/db";
import { AppError } from "../../../platform/errors";
import type { FileStore } from "../../../platform/file-store";
import { formatIndiaTime } from "../../../platform/india-time";
import { UploadRefused } from "../../../platform/upload-check";
import { openTransitions } from "../../../platform/workflow";
import { csrfToken } from "../../../web/csrf";
import { DataTable } from "../../../web/data-table";
import { FormPage } from "../../../web/form-page";
import {
  ErrorSummary,
  type FieldErrors,
  FileField,
  type FormValues,
  PostForm,
  parseForm,
  SelectField,
  TextArea,
  TextField,
  UploadForm,
} from "../../../web/forms";
import { formatNumber, type Lang } from "../../../web/i18n";
import { routeId } from "../../../web/input-guard";
import { contextOf, hrefIn, Layout, nameIn } from "../../../web/layout";
import { Notice } from "../../../web/notice";
import { Pager } from "../../../web/pager";
import type { PersonalRoutes } from "../../../web/personal-routes";
import { uploadRefusalText } from "../../../web/upload-refusal";
import { type AccountAction, type Actor, type AppEnv, mailContext, requireActor } from "../../accounts";
import { getDistrict, getDistricts } from "../../geo";
import { type BottleneckStep, bottleneckFlow, bottleneckSteps, severities } from "../bottleneck-flow";
import {
  addCategory,
  addEvidence,
  createBottleneck,
  moveBottleneck,
  noteBottleneck,
} from "../commands/bottlenecks";
import { partKey, partText } from "../parts-messages";
import { can, canBottleneck } from "../policy";
import { bottleneckCategoryList, bottleneckFor, escalationQueue, evidenceFor } from "../queries/parts";
import { type PlanView, planFor } from "../queries/plans";
import { bottleneckInput, bottleneckNote, bottleneckStepInput, categoryInput } from "../schemas";
import { planTitle } from "./profile";
import { partRefusal } from "./refusal";

type Form = { values: FormValues; errors: FieldErrors };
const blank: Form = { values: {}, errors: {} };
const pageSize = 50;

export type BottleneckDeps = { store: FileStore; escalateAfterDays: number };

const dayMs = 86_400_000;
const ageInDays = (since: Date | null, now = Date.now()) =>
  since ? Math.max(0, Math.floor((now - since.getTime()) / dayMs)) : 0;

/** For the account page: a State officer's queue, the national queue and the categories for the administrator. */
export async function bottleneckActions(db: Db, actor: Actor, lang: Lang): Promise<AccountAction[]> {
  const t = partText(lang);
  const out: AccountAction[] = [];
  for (const g of actor.grants) {
    if (g.role === "state_officer" && g.stateLgdCode) {
      const { total } = await escalationQueue(db, actor, "at_state", { offset: 0, limit: 1 });
      out.push({ href: "/escalations", label: t("yourQueue", { n: total }) });
      break;
    }
    if (g.role === "national_admin") {
      const { total } = await escalationQueue(db, actor, "at_nation", { offset: 0, limit: 1 });
      out.push({ href: "/escalations?level=nation", label: t("nationalQueue", { n: total }) });
      out.push({ href: "/admin/bottleneck-categories", label: t("categories") });
      break;
    }
  }
  return out;
}

/** A bottleneck's pages for its officers: record, read, update, evidence, steps; the queues; the categories. */
export function bottleneckPages(app: PersonalRoutes<AppEnv>, db: Db, deps: BottleneckDeps): void {
  app.get("/export-plans/:id{[0-9]+}/bottlenecks/new", async (c) => {
    const actor = requireActor(c.get("actor"));
    const p = await planFor(db, actor, routeId(c));
    if (!can(actor, "plan:write", p))
      throw new AppError("forbidden", "Not allowed: write this district's plan");
    return c.html(await NewBottleneck({ c, db, p, form: blank, deps }));
  });
  app.post("/export-plans/:id{[0-9]+}/bottlenecks/new", async (c) => {
    const actor = requireActor(c.get("actor"));
    const lang = contextOf(c).lang;
    const p = await planFor(db, actor, routeId(c));
    const form = await parseForm(c, bottleneckInput, lang, partKey(partText(lang)));
    if (!form.ok) return c.html(await NewBottleneck({ c, db, p, form, deps }), 400);
    let id: number;
    try {
      id = await createBottleneck(db, actor, p.id, form.data);
    } catch (err) {
      const { errors, status } = partRefusal(err, lang);
      return c.html(await NewBottleneck({ c, db, p, form: { values: form.values, errors }, deps }), status);
    }
    return c.redirect(hrefIn(`/bottlenecks/${id}`, lang, { done: "bottleneck" }), 303);
  });

  app.get("/bottlenecks/:id{[0-9]+}", async (c) => c.html(await BottleneckPage({ c, db, id: routeId(c) })));
  app.post("/bottlenecks/:id{[0-9]+}/note", async (c) => {
    const actor = requireActor(c.get("actor"));
    const lang = contextOf(c).lang;
    const id = routeId(c);
    await bottleneckFor(db, actor, id);
    const form = await parseForm(c, bottleneckNote, lang);
    if (!form.ok) return c.html(await BottleneckPage({ c, db, id, note: form }), 400);
    try {
      await noteBottleneck(db, actor, id, form.data);
    } catch (err) {
      const { errors, status } = partRefusal(err, lang);
      return c.html(await BottleneckPage({ c, db, id, note: { values: form.values, errors } }), status);
    }
    return c.redirect(`${hrefIn(`/bottlenecks/${id}`, lang, { done: "note" })}#timeline`, 303);
  });
  app.post("/bottlenecks/:id{[0-9]+}/step", async (c) => {
    const actor = requireActor(c.get("actor"));
    const lang = contextOf(c).lang;
    const id = routeId(c);
    await bottleneckFor(db, actor, id);
    const form = await parseForm(c, bottleneckStepInput, lang, partKey(partText(lang)));
    if (!form.ok) return c.html(await BottleneckPage({ c, db, id, step: form }), 400);
    try {
      await moveBottleneck(db, actor, id, form.data, { mail: mailContext(c) });
    } catch (err) {
      const { errors, status } = partRefusal(err, lang);
      return c.html(await BottleneckPage({ c, db, id, step: { values: form.values, errors } }), status);
    }
    return c.redirect(hrefIn(`/bottlenecks/${id}`, lang, { done: "step" }), 303);
  });
  app.upload("/bottlenecks/:id{[0-9]+}/evidence", async (c) => {
    const actor = requireActor(c.get("actor"));
    const lang = contextOf(c).lang;
    const t = partText(lang);
    const id = routeId(c);
    await bottleneckFor(db, actor, id);
    const file = (await c.req.parseBody()).file;
    const again = (errors: FieldErrors, status: 400 | 413) =>
      BottleneckPage({ c, db, id, upload: { values: {}, errors } }).then((h) => c.html(h, status));
    if (!(file instanceof File) || file.size === 0) return again({ file: t("noFile") }, 400);
    try {
      await addEvidence(db, deps.store, actor, id, {
        name: file.name.slice(0, 200),
        bytes: Buffer.from(await file.arrayBuffer()),
      });
    } catch (err) {
      if (!(err instanceof UploadRefused)) throw err;
      return again(
        { file: t("refused", { why: uploadRefusalText(lang, err.reason) }) },
        err.reason === "tooLarge" ? 413 : 400,
      );
    }
    return c.redirect(`${hrefIn(`/bottlenecks/${id}`, lang, { done: "evidence" })}#evidence`, 303);
  });
  app.get("/bottlenecks/:id{[0-9]+}/evidence/:fid{[0-9]+}", async (c) => {
    const actor = requireActor(c.get("actor"));
    const file = await evidenceFor(db, actor, routeId(c), routeId(c, "fid"));
    const bytes = await deps.store.get(file.storageKey);
    if (!bytes) throw new AppError("not_found", "The file is gone from the store");
    // Always a download, never shown inline: an uploaded file cannot run as a page of this site.
    return c.body(new Uint8Array(bytes), 200, {
      "Content-Type": file.contentType,
      "Content-Disposition": `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
      "Cache-Control": "private, no-store",
    });
  });

  app.get("/escalations", async (c) => {
    const actor = requireActor(c.get("actor"));
    const ctx = contextOf(c);
    const t = partText(ctx.lang);
    const level = c.req.query("level") === "nation" ? "at_nation" : "at_state";
    const page = Math.max(1, Math.min(10_000, Number(c.req.query("page")) || 1));
    const { items, total } = await escalationQueue(db, actor, level, {
      offset: (page - 1) * pageSize,
      limit: pageSize,
    });
    const names = new Map(
      (await getDistricts(db, [...new Set(items.map((b) => b.districtLgdCode))])).map((d) => [
        d.lgdCode,
        nameIn(ctx.lang, d.nameEn, d.nameHi),
      ]),
    );
    const title = level === "at_state" ? t("queueState") : t("queueNation");
    return c.html(
      <Layout ctx={ctx} title={title} description={t("queueIntro")}>
        <h1>{title}</h1>
        <p>{t("queueIntro")}</p>
        <p>
          {t("inQueue", { n: formatNumber(total) })} ·{" "}
          <a href={hrefIn("/escalations", ctx.lang, { level: level === "at_state" ? "nation" : "state" })}>
            {level === "at_state" ? t("queueNation") : t("queueState")}
          </a>
        </p>
        <DataTable
          label={title}
          rows={items}
          empty={t("queueEmpty")}
          columns={[
            {
              label: t("description"),
              cell: (b) => <a href={hrefIn(`/bottlenecks/${b.id}`, ctx.lang)}>{b.description}</a>,
            },
            { label: t("district"), cell: (b) => names.get(b.districtLgdCode) ?? "" },
            { label: t("age"), cell: (b) => t("days", { n: ageInDays(b.escalatedAt) }) },
            { label: t("ownerAgency"), cell: (b) => b.ownerAgency },
            { label: t("severity"), cell: (b) => t(`severity_${b.severity}`) },
            { label: t("dueDate"), cell: (b) => b.dueDate },
            {
              label: t("history"),
              cell: (b) => <a href={hrefIn(`/bottlenecks/${b.id}`, ctx.lang)}>{t("timeline")}</a>,
            },
          ]}
        />
        <Pager
          t={ctx.t}
          page={page}
          pages={Math.ceil(total / pageSize)}
          href={(n) =>
            hrefIn("/escalations", ctx.lang, {
              level: level === "at_state" ? "state" : "nation",
              page: String(n),
            })
          }
        />
      </Layout>,
    );
  });

  app.get("/admin/bottleneck-categories", async (c) => c.html(await CategoriesPage({ c, db, form: blank })));
  app.post("/admin/bottleneck-categories", async (c) => {
    const actor = requireActor(c.get("actor"));
    const lang = contextOf(c).lang;
    if (!actor.grants.some((g) => g.role === "national_admin"))
      throw new AppError("forbidden", "Not allowed: add a category of bottleneck");
    const form = await parseForm(c, categoryInput, lang, partKey(partText(lang)));
    if (!form.ok) return c.html(await CategoriesPage({ c, db, form }), 400);
    try {
      await addCategory(db, actor, form.data);
    } catch (err) {
      const { errors, status } = partRefusal(err, lang);
      return c.html(await CategoriesPage({ c, db, form: { values: form.values, errors } }), status);
    }
    return c.redirect(hrefIn("/admin/bottleneck-categories", lang, { done: "category" }), 303);
  });
}

async function NewBottleneck(props: {
  c: Context<AppEnv>;
  db: Db;
  p: PlanView;
  form: Form;
  deps: BottleneckDeps;
}) {
  const { c, db, p } = props;
  const ctx = contextOf(c);
  const t = partText(ctx.lang);
  const d = await getDistrict(db, p.districtLgdCode);
  const place = d ? nameIn(ctx.lang, d.nameEn, d.nameHi) : "";
  const categories = await bottleneckCategoryList(db);
  const field = { values: props.form.values, errors: props.form.errors, lang: ctx.lang };
  return (
    <FormPage
      ctx={ctx}
      title={`${t("newBottleneck")}: ${planTitle(p, ctx.lang, place)}`}
      intro={t("bottlenecksIntro", { days: props.deps.escalateAfterDays })}
      errors={props.form.errors}
      labels={{
        category: t("category"),
        description: t("description"),
        severity: t("severity"),
        ownerAgency: t("ownerAgency"),
        dueDate: t("dueDate"),
      }}
      action={hrefIn(`/export-plans/${p.id}/bottlenecks/new`, ctx.lang)}
      csrf={csrfToken(c)}
      submit={t("addBottleneck")}
    >
      <SelectField
        {...field}
        name="category"
        label={t("category")}
        options={categories.map((k) => ({ value: k.code, label: ctx.lang === "hi" ? k.nameHi : k.nameEn }))}
      />
      <TextArea {...field} name="description" label={t("description")} maxLength={4000} />
      <SelectField
        {...field}
        name="severity"
        label={t("severity")}
        options={severities.map((s) => ({ value: s, label: t(`severity_${s}`) }))}
      />
      <TextField {...field} name="ownerAgency" label={t("ownerAgency")} maxLength={200} />
      <TextField {...field} name="dueDate" label={t("dueDate")} hint={t("dateHint")} maxLength={10} />
    </FormPage>
  );
}

/** The steps open to this person now: those of the bottleneck's state that their grant allows. */
function stepsFor(actor: Actor, b: { status: string; stateLgdCode: number; districtLgdCode: number }) {
  return openTransitions(bottleneckFlow, b.status as "open").filter(
    (s): s is BottleneckStep =>
      (bottleneckSteps as readonly string[]).includes(s) &&
      canBottleneck(actor, bottleneckFlow[s].by, b) !== undefined,
  );
}

const notices = ["bottleneck", "note", "evidence", "step"] as const;

async function BottleneckPage(props: {
  c: Context<AppEnv>;
  db: Db;
  id: number;
  note?: Form;
  step?: Form;
  upload?: Form;
}) {
  const { c, db } = props;
  const ctx = contextOf(c);
  const t = partText(ctx.lang);
  const actor = requireActor(c.get("actor"));
  const { b, events, evidence } = await bottleneckFor(db, actor, props.id);
  const p = await planFor(db, actor, b.planId);
  const d = await getDistrict(db, b.districtLgdCode);
  const place = d ? nameIn(ctx.lang, d.nameEn, d.nameHi) : "";
  const steps = stepsFor(actor, b);
  const done = notices.find((n) => n === c.req.query("done"));
  const note = props.note ?? blank;
  const step = props.step ?? blank;
  const upload = props.upload ?? blank;
  const csrf = csrfToken(c);
  const open = b.status !== "resolved";
  const formError = note.errors._form ?? step.errors._form;
  const stepValues = { step: steps[0] ?? "", ...step.values };
  return (
    <Layout ctx={ctx} title={t("bottleneckOf", { n: b.id, place })} description={b.description}>
      <h1>{t("bottleneckOf", { n: b.id, place })}</h1>
      {done && <Notice kind="success">{t(`done_${done}`)}</Notice>}
      {formError && <Notice kind="error">{formError}</Notice>}
      <p>
        <a href={hrefIn(`/export-plans/${p.id}`, ctx.lang)}>{planTitle(p, ctx.lang, place)}</a>
      </p>
      <dl class="facts">
        <dt>{t("status")}</dt>
        <dd>
          {t(`bstate_${b.status}`)}
          {b.escalatedAt && b.status !== "resolved" && b.status !== "open"
            ? ` · ${t("age")}: ${t("days", { n: ageInDays(b.escalatedAt) })}`
            : ""}
        </dd>
        <dt>{t("description")}</dt>
        <dd>{b.description}</dd>
        <dt>{t("category")}</dt>
        <dd>{ctx.lang === "hi" ? b.categoryHi : b.categoryEn}</dd>
        <dt>{t("severity")}</dt>
        <dd>{t(`severity_${b.severity}`)}</dd>
        <dt>{t("ownerAgency")}</dt>
        <dd>{b.ownerAgency}</dd>
        <dt>{t("dueDate")}</dt>
        <dd>{b.dueDate}</dd>
      </dl>
      {steps.length > 0 && (
        <section aria-labelledby="step">
          <h2 id="step">{t("step")}</h2>
          <ErrorSummary
            lang={ctx.lang}
            errors={Object.fromEntries(Object.entries(step.errors).filter(([k]) => k !== "_form"))}
            labels={{ step: t("step"), note: t("reason"), dueDate: t("newDueDate") }}
          />
          <PostForm action={hrefIn(`/bottlenecks/${b.id}/step`, ctx.lang)} csrf={csrf}>
            <input type="hidden" name="version" value={String(b.version)} />
            <fieldset class="field" id="f-step">
              <legend>{t("step")}</legend>
              {steps.map((s) => (
                <label class="choice">
                  <input type="radio" name="step" value={s} checked={stepValues.step === s} />{" "}
                  {t(`step_${s}`)}
                </label>
              ))}
            </fieldset>
            <TextArea
              values={step.values}
              errors={step.errors}
              lang={ctx.lang}
              name="note"
              optional="conditional"
              label={t("reason")}
              hint={t("reasonHint")}
              maxLength={4000}
            />
            {steps.includes("sendBack") && (
              <TextField
                values={step.values}
                errors={step.errors}
                lang={ctx.lang}
                name="dueDate"
                optional="conditional"
                label={t("newDueDate")}
                hint={t("dateHint")}
                maxLength={10}
              />
            )}
            <button type="submit">{t("confirm")}</button>
          </PostForm>
        </section>
      )}
      <h2 id="timeline">{t("timeline")}</h2>
      <ol class="timeline">
        {events.map((e) => (
          <li>
            <time datetime={e.at.toISOString()}>{formatIndiaTime(e.at, ctx.lang)}</time>:{" "}
            {t(`event_${e.kind as "note"}`)}
            {e.byName ? ` · ${e.byName}` : ""}
            {e.body ? ` — ${e.body}` : ""}
          </li>
        ))}
      </ol>
      {open && (
        <>
          <ErrorSummary
            lang={ctx.lang}
            errors={Object.fromEntries(Object.entries(note.errors).filter(([k]) => k !== "_form"))}
            labels={{ body: t("update") }}
          />
          <PostForm action={hrefIn(`/bottlenecks/${b.id}/note`, ctx.lang)} csrf={csrf}>
            <input type="hidden" name="version" value={String(b.version)} />
            <TextArea
              values={note.values}
              errors={note.errors}
              lang={ctx.lang}
              name="body"
              label={t("update")}
              maxLength={4000}
            />
            <button type="submit">{t("addNote")}</button>
          </PostForm>
        </>
      )}
      <h2 id="evidence">{t("evidence")}</h2>
      {evidence.length === 0 ? (
        <p>{t("noEvidence")}</p>
      ) : (
        <ul>
          {evidence.map((f) => (
            <li>
              <a href={hrefIn(`/bottlenecks/${b.id}/evidence/${f.id}`, ctx.lang)} download>
                {f.fileName}
              </a>{" "}
              <span class="muted small">
                ({formatNumber(Math.ceil(f.bytes / 1024))} KB, {formatIndiaTime(f.createdAt, ctx.lang, false)}
                )
              </span>
            </li>
          ))}
        </ul>
      )}
      {open && (
        <>
          <ErrorSummary lang={ctx.lang} errors={upload.errors} labels={{ file: t("file") }} />
          <UploadForm action={hrefIn(`/bottlenecks/${b.id}/evidence`, ctx.lang)} csrf={csrf}>
            <FileField
              errors={upload.errors}
              lang={ctx.lang}
              name="file"
              label={t("file")}
              hint={t("fileHint")}
              accept=".pdf,.jpg,.jpeg,.png,.webp,.docx,.xlsx"
            />
            <button type="submit">{t("upload")}</button>
          </UploadForm>
        </>
      )}
    </Layout>
  );
}

async function CategoriesPage(props: { c: Context<AppEnv>; db: Db; form: Form }) {
  const { c, db } = props;
  const ctx = contextOf(c);
  const t = partText(ctx.lang);
  const actor = requireActor(c.get("actor"));
  if (!actor.grants.some((g) => g.role === "national_admin"))
    throw new AppError("forbidden", "Not allowed: manage categories of bottleneck");
  const categories = await bottleneckCategoryList(db);
  const field = { values: props.form.values, errors: props.form.errors, lang: ctx.lang };
  return (
    <FormPage
      ctx={ctx}
      title={t("categories")}
      intro={t("categoriesIntro")}
      errors={props.form.errors}
      labels={{ code: t("code"), nameEn: t("nameEn"), nameHi: t("nameHi") }}
      action={hrefIn("/admin/bottleneck-categories", ctx.lang)}
      csrf={csrfToken(c)}
      submit={t("addCategory")}
      before={
        <>
          {c.req.query("done") === "category" && <Notice kind="success">{t("done_category")}</Notice>}
          <DataTable
            label={t("categories")}
            rows={categories}
            empty=""
            columns={[
              { label: t("code"), cell: (k) => <code>{k.code}</code> },
              { label: t("nameEn"), cell: (k) => <span lang="en">{k.nameEn}</span> },
              { label: t("nameHi"), cell: (k) => <span lang="hi">{k.nameHi}</span> },
            ]}
          />
          <h2>{t("addCategory")}</h2>
        </>
      }
    >
      <TextField {...field} name="code" label={t("code")} hint={t("codeHint")} maxLength={40} />
      <TextField {...field} name="nameEn" label={t("nameEn")} maxLength={80} />
      <TextField {...field} name="nameHi" label={t("nameHi")} maxLength={80} />
    </FormPage>
  );
}
