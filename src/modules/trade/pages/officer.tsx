import type { Context } from "hono";
import type { Db } from "../../../platform/db";
import { AppError } from "../../../platform/errors";
import { csrfToken } from "../../../web/csrf";
import { DataTable } from "../../../web/data-table";
import {
  type FieldErrors,
  type FormValues,
  PostForm,
  parseForm,
  SelectField,
  TextArea,
  TextField,
} from "../../../web/forms";
import { formatNumber } from "../../../web/i18n";
import { routeId } from "../../../web/input-guard";
import { contextOf, hrefIn, Layout, nameIn } from "../../../web/layout";
import { Notice } from "../../../web/notice";
import type { PersonalRoutes } from "../../../web/personal-routes";
import { type AppEnv, formatWhen, mailContext, requireActor } from "../../accounts";
import { getDistricts, listDistricts, listStates } from "../../geo";
import { producerSummary, verifiedProducersOfDistrict } from "../../producers";
import { respond, setGem, setRfqApproval } from "../commands";
import { gemStatuses } from "../kinds";
import { tradeKey, tradeText } from "../messages";
import { can } from "../policy";
import { approvingDistricts, gemOf, gemOfProducers, heldForOfficer, pipeline } from "../queries";
import { rfqKey, rfqText } from "../rfq-messages";
import { approvalInput, gemInput, reasonInput } from "../schemas";
import { rfqRefusal } from "./rfq-refusal";

const keyOf = (lang: "en" | "hi") => rfqKey(rfqText(lang), tradeKey(tradeText(lang)));

/** Officers' trade pages: RFQs held for approval, the approval setting, the pipeline; GeM onboarding (also owners'). */
export function officerTradePages(app: PersonalRoutes<AppEnv>, db: Db) {
  app.get("/officer/rfqs", async (c) => {
    const actor = requireActor(c.get("actor"));
    const ctx = contextOf(c);
    const t = rfqText(ctx.lang);
    const csrf = csrfToken(c);
    const { rows, names } = await heldForOfficer(db, actor);
    const own = actor.grants
      .filter((g) => g.role === "district_officer")
      .map((g) => g.districtLgdCode as number);
    const [districts, approving] = await Promise.all([getDistricts(db, own), approvingDistricts(db, own)]);
    return c.html(
      <Layout ctx={ctx} title={t("approvals")} description={t("approvalsIntro")}>
        <h1>{t("approvals")}</h1>
        <p>{t("approvalsIntro")}</p>
        {districts.map((d) => {
          const on = approving.has(d.lgdCode);
          const district = nameIn(ctx.lang, d.nameEn, d.nameHi);
          return (
            <PostForm action={hrefIn("/officer/rfqs/approval", ctx.lang)} csrf={csrf} class="inline">
              <p>{t(on ? "approvalOn" : "approvalOff", { district })}</p>
              <input type="hidden" name="district" value={String(d.lgdCode)} />
              <input type="hidden" name="on" value={on ? "" : "on"} />
              <button type="submit" class="secondary">
                {t(on ? "approvalTurnOff" : "approvalTurnOn")}
              </button>
            </PostForm>
          );
        })}
        <DataTable
          label={t("approvals")}
          rows={rows}
          empty={t("approvalsEmpty")}
          columns={[
            { label: t("request"), cell: (r) => r.rfq.subject },
            { label: t("details"), cell: (r) => r.rfq.details ?? "" },
            { label: t("producer"), cell: (r) => names.get(r.response.producerId) ?? "" },
            { label: t("closes"), cell: (r) => formatWhen(r.rfq.closesAt, ctx.lang) },
            {
              label: t("approve"),
              hiddenLabel: true,
              cell: (r) => (
                <>
                  <PostForm
                    action={hrefIn(`/rfqs/responses/${r.response.id}/approve`, ctx.lang)}
                    csrf={csrf}
                    class="inline"
                  >
                    <input type="hidden" name="version" value={String(r.response.version)} />
                    <button type="submit">
                      {t("approve")}
                      <span class="sr-only"> {r.rfq.subject}</span>
                    </button>
                  </PostForm>{" "}
                  <a
                    href={hrefIn(`/rfqs/responses/${r.response.id}/refuse`, ctx.lang, {
                      version: String(r.response.version),
                    })}
                  >
                    {t("refuse")}
                    <span class="sr-only"> {r.rfq.subject}</span>
                  </a>
                </>
              ),
            },
          ]}
        />
      </Layout>,
    );
  });
  app.post("/officer/rfqs/approval", async (c) => {
    const actor = requireActor(c.get("actor"));
    const lang = contextOf(c).lang;
    const form = await parseForm(c, approvalInput, lang);
    if (!form.ok) throw new AppError("bad_request", "No district");
    await setRfqApproval(db, actor, form.data.district, form.data.on);
    return c.redirect(hrefIn("/officer/rfqs", lang), 303);
  });
  app.get("/rfqs/responses/:rid{[0-9]+}/refuse", async (c) =>
    c.html(await RefusePage({ c, id: routeId(c, "rid"), values: {}, errors: {} })),
  );
  app.post("/rfqs/responses/:rid{[0-9]+}/refuse", async (c) => {
    const actor = requireActor(c.get("actor"));
    const lang = contextOf(c).lang;
    const id = routeId(c, "rid");
    const form = await parseForm(c, reasonInput, lang, keyOf(lang));
    if (!form.ok) return c.html(await RefusePage({ c, id, ...form }), 400);
    try {
      await respond(
        db,
        actor,
        id,
        { transition: "refuse", version: form.data.version, reason: form.data.reason },
        mailContext(c),
      );
    } catch (err) {
      if (err instanceof AppError && (err.code === "forbidden" || err.code === "not_found")) throw err;
      const { errors, status } = rfqRefusal(err, lang);
      return c.html(await RefusePage({ c, id, values: form.values, errors }), status === 429 ? 409 : status);
    }
    return c.redirect(hrefIn("/officer/rfqs", lang), 303);
  });

  app.get("/officer/trade", async (c) => {
    const actor = requireActor(c.get("actor"));
    const ctx = contextOf(c);
    const t = rfqText(ctx.lang);
    const grant = actor.grants.find((g) =>
      ["district_officer", "state_officer", "national_admin"].includes(g.role),
    );
    if (!grant) throw new AppError("forbidden", "Officers only");
    const place = { stateLgdCode: grant.stateLgdCode, districtLgdCode: grant.districtLgdCode };
    const rows = await pipeline(db, actor, place);
    const byState = place.stateLgdCode === null;
    const [states, districts] = await Promise.all([
      listStates(db),
      byState ? Promise.resolve([]) : listDistricts(db, { stateLgdCode: place.stateLgdCode as number }),
    ]);
    const nameOf = (code: number) => {
      const p = byState ? states.find((s) => s.lgdCode === code) : districts.find((d) => d.lgdCode === code);
      return p ? nameIn(ctx.lang, p.nameEn, p.nameHi) : String(code);
    };
    const n = (x: number) => formatNumber(x);
    const producers =
      place.districtLgdCode !== null ? await verifiedProducersOfDistrict(db, place.districtLgdCode) : [];
    const gem = await gemOfProducers(
      db,
      producers.map((p) => p.id),
    );
    return c.html(
      <Layout ctx={ctx} title={t("pipeline")} description={t("pipelineIntro")}>
        <h1>{t("pipeline")}</h1>
        <p>{t("pipelineIntro")}</p>
        <DataTable
          label={t("pipeline")}
          rows={rows}
          empty={t("pipelineEmpty")}
          columns={[
            { label: t("place"), cell: (r) => nameOf(r.code) },
            { label: t("enquiries"), cell: (r) => n(r.enquiries) },
            { label: t("quotes"), cell: (r) => n(r.quotes) },
            { label: t("orders"), cell: (r) => n(r.orders) },
            { label: t("delivered"), cell: (r) => n(r.delivered) },
            { label: t("value"), cell: (r) => formatNumber(r.valueInr, 2) },
            {
              label: t("hoursToQuote"),
              cell: (r) => (r.medianHoursToQuote === null ? "—" : formatNumber(r.medianHoursToQuote, 1)),
            },
            { label: t("gemApplied"), cell: (r) => n(r.gemApplied) },
            { label: t("gemRegistered"), cell: (r) => n(r.gemRegistered) },
            { label: t("gemListed"), cell: (r) => n(r.gemListed) },
          ]}
        />
        {place.districtLgdCode !== null && (
          <>
            <h2>{t("gemTitle")}</h2>
            <DataTable
              label={t("gemTitle")}
              rows={producers}
              empty={t("pipelineEmpty")}
              columns={[
                {
                  label: t("producer"),
                  cell: (p) => <a href={hrefIn(`/producers/${p.id}/gem`, ctx.lang)}>{p.name}</a>,
                },
                { label: t("gemStatus"), cell: (p) => t(`gem_${gem.get(p.id)?.status ?? "not_started"}`) },
                { label: t("sellerId"), cell: (p) => gem.get(p.id)?.sellerId ?? "" },
              ]}
            />
          </>
        )}
      </Layout>,
    );
  });

  app.get("/producers/:id{[0-9]+}/gem", async (c) => c.html(await GemPage({ c, db, id: routeId(c) })));
  app.post("/producers/:id{[0-9]+}/gem", async (c) => {
    const actor = requireActor(c.get("actor"));
    const lang = contextOf(c).lang;
    const id = routeId(c);
    const form = await parseForm(c, gemInput, lang, keyOf(lang));
    if (!form.ok) return c.html(await GemPage({ c, db, id, form }), 400);
    try {
      await setGem(db, actor, id, form.data);
    } catch (err) {
      if (!(err instanceof AppError && err.code === "conflict")) throw err;
      return c.html(
        await GemPage({
          c,
          db,
          id,
          form: { values: form.values, errors: { _form: rfqText(lang)("stillConflict") } },
        }),
        409,
      );
    }
    return c.redirect(hrefIn(`/producers/${id}/gem`, lang, { done: "saved" }), 303);
  });
}

async function RefusePage(props: {
  c: Context<AppEnv>;
  id: number;
  values: FormValues;
  errors: FieldErrors;
}) {
  const { c, values, errors } = props;
  const ctx = contextOf(c);
  const t = rfqText(ctx.lang);
  requireActor(c.get("actor"));
  return (
    <Layout
      ctx={ctx}
      title={t("refuseTitle")}
      description={t("approvalsIntro")}
      crumbs={[{ href: "/officer/rfqs", label: t("approvals") }]}
    >
      <h1>{t("refuseTitle")}</h1>
      {errors._form && <Notice kind="error">{errors._form}</Notice>}
      <PostForm action={hrefIn(`/rfqs/responses/${props.id}/refuse`, ctx.lang)} csrf={csrfToken(c)}>
        <input type="hidden" name="version" value={values.version ?? c.req.query("version") ?? "1"} />
        <TextArea
          name="reason"
          label={t("reason")}
          values={values}
          errors={errors}
          lang={ctx.lang}
          maxLength={1000}
        />
        <button type="submit">{t("refuse")}</button>{" "}
        <a href={hrefIn("/officer/rfqs", ctx.lang)}>{tradeText(ctx.lang)("cancel")}</a>
      </PostForm>
    </Layout>
  );
}

async function GemPage(props: {
  c: Context<AppEnv>;
  db: Db;
  id: number;
  form?: { values: FormValues; errors: FieldErrors };
}) {
  const { c, db, id } = props;
  const ctx = contextOf(c);
  const t = rfqText(ctx.lang);
  const actor = requireActor(c.get("actor"));
  const producer = await producerSummary(db, id);
  if (producer?.status !== "verified" || !can(actor, "gem:set", producer))
    throw new AppError("not_found", "No such producer");
  const gem = await gemOf(db, id);
  const values = props.form?.values ?? {
    status: gem?.status ?? "not_started",
    sellerId: gem?.sellerId ?? "",
    version: String(gem?.version ?? 0),
  };
  const errors = props.form?.errors ?? {};
  return (
    <Layout ctx={ctx} title={`${t("gemTitle")}: ${producer.name}`} description={t("gemIntro")}>
      <h1>
        {t("gemTitle")}: {producer.name}
      </h1>
      {c.req.query("done") === "saved" && <Notice kind="success">{t("gemSaved")}</Notice>}
      {errors._form && <Notice kind="error">{errors._form}</Notice>}
      <p>{t("gemIntro")}</p>
      <PostForm action={hrefIn(`/producers/${id}/gem`, ctx.lang)} csrf={csrfToken(c)}>
        <input type="hidden" name="version" value={values.version ?? "0"} />
        <SelectField
          name="status"
          label={t("gemStatus")}
          values={values}
          errors={errors}
          lang={ctx.lang}
          options={gemStatuses.map((s) => ({ value: s, label: t(`gem_${s}`) }))}
        />
        <TextField
          name="sellerId"
          label={t("sellerId")}
          optional="conditional"
          values={values}
          errors={errors}
          lang={ctx.lang}
          maxLength={40}
        />
        <button type="submit">{tradeText(ctx.lang)("save")}</button>
      </PostForm>
    </Layout>
  );
}
