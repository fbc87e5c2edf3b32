import type { Context } from "hono";
import type { Db } from "../../../platform/db";
import { AppError } from "../../../platform/errors";
import { csrfToken } from "../../../web/csrf";
import { DataTable } from "../../../web/data-table";
import {
  ErrorSummary,
  type FieldErrors,
  type FormValues,
  PostForm,
  parseForm,
  TextArea,
} from "../../../web/forms";
import { routeId } from "../../../web/input-guard";
import { contextOf, hrefIn, Layout, nameIn } from "../../../web/layout";
import { Notice } from "../../../web/notice";
import { Pager, pageHref, pageNumber } from "../../../web/pager";
import type { PersonalRoutes } from "../../../web/personal-routes";
import { type AppEnv, accountSummary, formatWhen, mailContext, requireActor } from "../../accounts";
import { getDistricts } from "../../geo";
import { reviewProducer } from "../commands";
import { verificationStatuses } from "../kinds";
import { producerKey, producerText } from "../messages";
import { type ProducerRow, producerForActor, queuePageSize, reviewQueue } from "../queries";
import { producerEdit, reviewInput } from "../schemas";
import { productNames } from "./shared";

const statuses = verificationStatuses;

/** The officer's side: the queue of its districts' producers, and the decision on one. */
export function reviewPages(app: PersonalRoutes<AppEnv>, db: Db) {
  app.get("/officer/producers", async (c) => {
    const ctx = contextOf(c);
    const pt = producerText(ctx.lang);
    const status = statuses.find((s) => s === c.req.query("status")) ?? "pending";
    const page = pageNumber(c.req.query("page"));
    const { rows, total } = await reviewQueue(db, requireActor(c.get("actor")), status, page);
    const districts = new Map(
      (await getDistricts(db, [...new Set(rows.map((r) => r.districtLgdCode))])).map((d) => [
        d.lgdCode,
        nameIn(ctx.lang, d.nameEn, d.nameHi),
      ]),
    );
    const done = c.req.query("done") === "reviewed";
    return c.html(
      <Layout ctx={ctx} title={pt("queueTitle")} description={pt("queueIntro")}>
        <h1>{pt("queueTitle")}</h1>
        {done && <Notice kind="success">{pt("reviewed")}</Notice>}
        <p>{pt("queueIntro")}</p>
        <nav class="tabs" aria-label={pt("status")}>
          {statuses.map((s) => (
            <a
              href={hrefIn("/officer/producers", ctx.lang, { status: s })}
              aria-current={s === status ? "page" : undefined}
            >
              {pt(`show_${s}`)}
            </a>
          ))}
        </nav>
        <DataTable
          label={pt("queueTitle")}
          rows={rows}
          empty={pt("queueEmpty")}
          columns={[
            { label: pt("name"), cell: (p) => p.name },
            { label: pt("district"), cell: (p) => districts.get(p.districtLgdCode) },
            { label: pt("kind"), cell: (p) => pt(`kind_${p.kind}`) },
            { label: pt("submitted"), cell: (p) => formatWhen(p.createdAt, ctx.lang) },
            {
              label: pt("review"),
              hiddenLabel: true,
              cell: (p) => (
                <a href={hrefIn(`/officer/producers/${p.id}`, ctx.lang)}>
                  {pt("review")}
                  <span class="sr-only"> {p.name}</span>
                </a>
              ),
            },
          ]}
        />
        <Pager
          t={ctx.t}
          page={page}
          pages={Math.ceil(total / queuePageSize)}
          href={pageHref("/officer/producers", c.req.query())}
        />
      </Layout>,
    );
  });

  app.get("/officer/producers/:id{[0-9]+}", async (c) => {
    const row = await producerForActor(db, requireActor(c.get("actor")), routeId(c), "review");
    return c.html(await ReviewPage({ c, db, row, values: { version: String(row.version) }, errors: {} }));
  });
  app.post("/officer/producers/:id{[0-9]+}", async (c) => {
    const actor = requireActor(c.get("actor"));
    const ctx = contextOf(c);
    const row = await producerForActor(db, actor, routeId(c), "review");
    const form = await parseForm(
      c,
      reviewInput.and(producerEdit),
      ctx.lang,
      producerKey(producerText(ctx.lang)),
    );
    if (!form.ok) return c.html(await ReviewPage({ c, db, row, ...form }), 400);
    try {
      await reviewProducer(db, actor, row.id, form.data.version, form.data, {
        origin: mailContext(c).origin,
      });
    } catch (err) {
      if (!(err instanceof AppError && err.code === "conflict")) throw err;
      const current = await producerForActor(db, actor, row.id, "review");
      const values = { ...form.values, version: String(current.version) };
      return c.html(await ReviewPage({ c, db, row: current, values, errors: {}, conflict: true }), 409);
    }
    return c.redirect(hrefIn("/officer/producers", ctx.lang, { done: "reviewed" }), 303);
  });
}

async function ReviewPage(props: {
  c: Context<AppEnv>;
  db: Db;
  row: ProducerRow;
  values: FormValues;
  errors: FieldErrors;
  conflict?: boolean;
}) {
  const { c, db, row, values, errors } = props;
  const ctx = contextOf(c);
  const pt = producerText(ctx.lang);
  const [district] = await getDistricts(db, [row.districtLgdCode]);
  const products = await productNames(db, [row]);
  const owner = await accountSummary(db, row.ownerUserId);
  const facts: [string, string | null][] = [
    [
      pt("submittedBy"),
      owner
        ? `${owner.name} <${owner.email}> · ${pt(owner.emailVerified ? "addressConfirmed" : "addressNotConfirmed")} · ${pt("accountSince", { date: formatWhen(owner.createdAt, ctx.lang) })}`
        : null,
    ],
    [pt("kind"), pt(`kind_${row.kind}`)],
    [
      pt("district"),
      district ? nameIn(ctx.lang, district.nameEn, district.nameHi) : String(row.districtLgdCode),
    ],
    [pt("odopProduct"), row.odopProductId ? (products.get(row.odopProductId) ?? null) : null],
    [pt("otherProducts"), row.otherProducts],
    [pt("description"), row.description],
    [pt("phone"), row.phone],
    [pt("email"), row.email],
    [pt("udyam"), row.udyam],
    [pt("gstin"), row.gstin],
    [pt("iec"), row.iec],
    [pt("pan"), row.pan],
    [pt("status"), pt(`status_${row.status}`)],
    [pt("reason"), row.statusReason],
  ];
  return (
    <Layout
      ctx={ctx}
      title={pt("reviewTitle", { name: row.name })}
      description={pt("queueIntro")}
      crumbs={[{ href: "/officer/producers", label: pt("queueTitle") }]}
    >
      <h1>{pt("reviewTitle", { name: row.name })}</h1>
      {props.conflict && <Notice kind="error">{pt("reviewConflict")}</Notice>}
      <dl class="facts">
        {facts
          .filter(([, v]) => v)
          .map(([k, v]) => (
            <>
              <dt>{k}</dt>
              <dd>{v}</dd>
            </>
          ))}
      </dl>
      <ErrorSummary
        lang={ctx.lang}
        errors={errors}
        labels={{ decision: pt("decision"), reason: pt("reasonLabel") }}
      />
      <PostForm action={hrefIn(`/officer/producers/${row.id}`, ctx.lang)} csrf={csrfToken(c)}>
        <input type="hidden" name="version" value={values.version} />
        <fieldset class={errors.decision ? "field has-error" : "field"} id="f-decision">
          <legend>{pt("decision")}</legend>
          {errors.decision && <p class="field-error">{errors.decision}</p>}
          {(["verified", "returned", "rejected"] as const).map((d) => (
            <label class="choice">
              <input type="radio" name="decision" value={d} checked={values.decision === d} />{" "}
              {pt(`decide_${d}`)}
            </label>
          ))}
        </fieldset>
        <TextArea
          values={values}
          errors={errors}
          lang={ctx.lang}
          name="reason"
          label={pt("reasonLabel")}
          hint={pt("reasonHint")}
          maxLength={1000}
        />
        <button type="submit">{pt("record")}</button>
      </PostForm>
    </Layout>
  );
}
