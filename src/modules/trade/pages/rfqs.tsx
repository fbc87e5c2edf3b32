import type { Context } from "hono";
import type { Db } from "../../../platform/db";
import { AppError } from "../../../platform/errors";
import { intId } from "../../../platform/ids";
import { indiaDateTime } from "../../../platform/india-time";
import { countryName, countryOptions } from "../../../web/countries";
import { csrfToken } from "../../../web/csrf";
import { DataTable } from "../../../web/data-table";
import { Fact } from "../../../web/fact";
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
import { formatNumber } from "../../../web/i18n";
import { routeId } from "../../../web/input-guard";
import { contextOf, hrefIn, Layout } from "../../../web/layout";
import { Notice } from "../../../web/notice";
import type { PersonalRoutes } from "../../../web/personal-routes";
import { type AppEnv, formatWhen, mailContext, requireActor } from "../../accounts";
import { productsByIds } from "../../catalog";
import { cancelRfq, postMessage, respond, sendRfq } from "../commands";
import { listingUnits } from "../kinds";
import { tradeKey, tradeText } from "../messages";
import { can } from "../policy";
import {
  buyerRfqs,
  producerInbox,
  publicListing,
  responseForProducer,
  rfqForBuyer,
  rfqOfResponse,
} from "../queries";
import { incoterms, maxRevisions, responseFlow } from "../rfq-flow";
import { rfqKey, rfqText } from "../rfq-messages";
import { messageInput, quoteInput, rfqInput, stepInput } from "../schemas";
import { listingTitle } from "../search-entry";
import { QuoteTerms, Thread } from "./rfq-parts";
import { rfqRefusal } from "./rfq-refusal";

const keyOf = (lang: "en" | "hi") => rfqKey(rfqText(lang), tradeKey(tradeText(lang)));

/** A buyer's requests for quotes, a producer's inbox and quotes, and the thread between them. */
export function rfqPages(app: PersonalRoutes<AppEnv>, db: Db) {
  app.get("/rfqs/new", async (c) => {
    requireActor(c.get("actor"));
    const listing = c.req.query("listing");
    const product = c.req.query("product");
    const values: FormValues = {
      // An id from the address that no integer column holds (2147483648) names nothing: the form starts empty.
      listingId: intId.safeParse(listing).success ? (listing as string) : "",
      odopProductId: intId.safeParse(product).success ? (product as string) : "",
      unit: "piece",
      incoterm: "FOB",
      openDays: "14",
    };
    return c.html(await NewRfqPage({ c, db, values, errors: {} }));
  });
  app.post("/rfqs/new", async (c) => {
    const actor = requireActor(c.get("actor"));
    const lang = contextOf(c).lang;
    const form = await parseForm(c, rfqInput, lang, keyOf(lang));
    if (!form.ok) return c.html(await NewRfqPage({ c, db, ...form }), 400);
    let id: number;
    try {
      id = await sendRfq(db, actor, form.data, mailContext(c));
    } catch (err) {
      if (err instanceof AppError && err.code === "forbidden") throw err;
      const { errors, status } = rfqRefusal(err, lang);
      return c.html(await NewRfqPage({ c, db, values: form.values, errors }), status);
    }
    return c.redirect(hrefIn(`/rfqs/${id}`, lang, { done: "sent" }), 303);
  });

  app.get("/rfqs", async (c) => {
    const actor = requireActor(c.get("actor"));
    const ctx = contextOf(c);
    const t = rfqText(ctx.lang);
    const rows = await buyerRfqs(db, actor);
    return c.html(
      <Layout ctx={ctx} title={t("myRfqs")} description={t("rfqIntro")}>
        <h1>{t("myRfqs")}</h1>
        <p>
          <a href={hrefIn("/bazaar", ctx.lang)}>{tradeText(ctx.lang)("bazaarTitle")}</a> ·{" "}
          <a href={hrefIn("/rfqs/new", ctx.lang)}>{t("rfqNew")}</a> ·{" "}
          <a href={hrefIn("/orders", ctx.lang)}>{t("orders")}</a>
        </p>
        <DataTable
          label={t("myRfqs")}
          rows={rows}
          empty={t("noRfqs")}
          columns={[
            {
              label: t("subject"),
              cell: (r) => <a href={hrefIn(`/rfqs/${r.rfq.id}`, ctx.lang)}>{r.rfq.subject}</a>,
            },
            { label: t("state"), cell: (r) => t(`rfqState_${r.rfq.state}`) },
            { label: t("reached"), cell: (r) => r.reached },
            { label: t("quotedCount"), cell: (r) => r.quoted },
            { label: t("closes"), cell: (r) => formatWhen(r.rfq.closesAt, ctx.lang) },
          ]}
        />
      </Layout>,
    );
  });

  app.get("/rfqs/:id{[0-9]+}", async (c) => {
    const actor = requireActor(c.get("actor"));
    const ctx = contextOf(c);
    const t = rfqText(ctx.lang);
    const { rfq, responses, names, orderId } = await rfqForBuyer(db, actor, routeId(c));
    const csrf = csrfToken(c);
    const unit = tradeText(ctx.lang)(`unit_${rfq.unit}`);
    return c.html(
      <Layout
        ctx={ctx}
        title={rfq.subject}
        description={t("rfqIntro")}
        crumbs={[{ href: "/rfqs", label: t("myRfqs") }]}
      >
        <h1>{rfq.subject}</h1>
        {c.req.query("done") === "sent" && <Notice kind="success">{t("sent")}</Notice>}
        <p>
          {t("state")}: <strong>{t(`rfqState_${rfq.state}`)}</strong> · {t("closes")}:{" "}
          {formatWhen(rfq.closesAt, ctx.lang)}
          {orderId && (
            <>
              {" · "}
              <a href={hrefIn(`/orders/${orderId}`, ctx.lang)}>{t("orders")}</a>
            </>
          )}
        </p>
        <RfqTerms ctx={ctx} rfq={rfq} />
        <DataTable
          label={t("quotes")}
          rows={responses}
          empty={t("noRecipients")}
          columns={[
            {
              label: t("producer"),
              cell: (r) =>
                r.state === "held" || r.state === "refused" ? (
                  (names.get(r.producerId) ?? "")
                ) : (
                  <a href={hrefIn(`/rfqs/responses/${r.id}`, ctx.lang)}>{names.get(r.producerId)}</a>
                ),
            },
            { label: t("state"), cell: (r) => t(`rstate_${r.state}`) },
            {
              label: t("price"),
              cell: (r) => (r.priceInr === null ? "—" : `₹${formatNumber(r.priceInr, 2)} / ${unit}`),
            },
            { label: t("leadTime"), cell: (r) => r.leadTimeDays ?? "—" },
            { label: t("validUntil"), cell: (r) => r.validUntil ?? "—" },
          ]}
        />
        {rfq.state === "open" && (
          <PostForm action={hrefIn(`/rfqs/${rfq.id}/cancel`, ctx.lang)} csrf={csrf} class="inline">
            <input type="hidden" name="version" value={String(rfq.version)} />
            <button type="submit" class="secondary">
              {t("cancelRfq")}
            </button>
          </PostForm>
        )}
      </Layout>,
    );
  });
  app.post("/rfqs/:id{[0-9]+}/cancel", async (c) => {
    const actor = requireActor(c.get("actor"));
    const lang = contextOf(c).lang;
    const id = routeId(c);
    await rfqForBuyer(db, actor, id);
    const form = await parseForm(c, stepInput, lang);
    if (!form.ok) throw new AppError("bad_request", "No version");
    await cancelRfq(db, actor, id, form.data.version, mailContext(c));
    return c.redirect(hrefIn(`/rfqs/${id}`, lang), 303);
  });

  app.get("/rfqs/inbox", async (c) => {
    const actor = requireActor(c.get("actor"));
    const ctx = contextOf(c);
    const t = rfqText(ctx.lang);
    const { rows, names } = await producerInbox(db, actor);
    return c.html(
      <Layout ctx={ctx} title={t("inbox")} description={t("inbox")}>
        <h1>{t("inbox")}</h1>
        <p>
          <a href={hrefIn("/orders", ctx.lang)}>{t("orders")}</a>
        </p>
        <DataTable
          label={t("inbox")}
          rows={rows}
          empty={t("inboxEmpty")}
          columns={[
            {
              label: t("request"),
              cell: (r) => <a href={hrefIn(`/rfqs/responses/${r.response.id}`, ctx.lang)}>{r.rfq.subject}</a>,
            },
            { label: t("producer"), cell: (r) => names.get(r.response.producerId) ?? "" },
            { label: t("state"), cell: (r) => t(`rstate_${r.response.state}`) },
            {
              label: t("quantity"),
              cell: (r) => `${formatNumber(r.rfq.quantity, 2)} ${tradeText(ctx.lang)(`unit_${r.rfq.unit}`)}`,
            },
            { label: t("destination"), cell: (r) => countryName(r.rfq.destinationCountry, ctx.lang) },
            { label: t("closes"), cell: (r) => formatWhen(r.rfq.closesAt, ctx.lang) },
          ]}
        />
      </Layout>,
    );
  });

  // One producer's part: the producer quotes here; the buyer reads the quote, accepts or declines it; both write.
  app.get("/rfqs/responses/:rid{[0-9]+}", async (c) =>
    c.html(await ResponsePage({ c, db, id: routeId(c, "rid") })),
  );
  app.post("/rfqs/responses/:rid{[0-9]+}/quote", async (c) => {
    const actor = requireActor(c.get("actor"));
    const lang = contextOf(c).lang;
    const id = routeId(c, "rid");
    const { response } = await responseForProducer(db, actor, id);
    const form = await parseForm(c, quoteInput, lang, keyOf(lang));
    if (!form.ok) return c.html(await ResponsePage({ c, db, id, quote: form }), 400);
    try {
      await respond(
        db,
        actor,
        id,
        { transition: response.state === "quoted" ? "revise" : "quote", quote: form.data },
        mailContext(c),
      );
    } catch (err) {
      const { errors, status } = rfqRefusal(err, lang);
      return c.html(
        await ResponsePage({ c, db, id, quote: { values: form.values, errors } }),
        status === 429 ? 409 : status,
      );
    }
    return c.redirect(hrefIn(`/rfqs/responses/${id}`, lang), 303);
  });
  for (const transition of ["decline", "reject", "approve"] as const)
    app.post(`/rfqs/responses/:rid{[0-9]+}/${transition}`, async (c) => {
      const actor = requireActor(c.get("actor"));
      const lang = contextOf(c).lang;
      const id = routeId(c, "rid");
      const form = await parseForm(c, stepInput, lang);
      if (!form.ok) throw new AppError("bad_request", "No version");
      try {
        await respond(db, actor, id, { transition, version: form.data.version }, mailContext(c));
      } catch (err) {
        if (err instanceof AppError && (err.code === "forbidden" || err.code === "not_found")) throw err;
        const { errors } = rfqRefusal(err, lang);
        throw new AppError("conflict", errors._form ?? "Out of turn");
      }
      return c.redirect(
        hrefIn(transition === "approve" ? "/officer/rfqs" : `/rfqs/responses/${id}`, lang),
        303,
      );
    });
  app.get("/rfqs/responses/:rid{[0-9]+}/accept", async (c) => {
    const actor = requireActor(c.get("actor"));
    const ctx = contextOf(c);
    const t = rfqText(ctx.lang);
    const id = routeId(c, "rid");
    const { rfq, responses, names } = await rfqOfResponse(db, actor, id);
    const r = responses.find((x) => x.id === id);
    if (r?.state !== "quoted")
      throw new AppError("conflict", t("outOfTurn", { state: t(`rstate_${r?.state ?? "expired"}`) }));
    return c.html(
      <Layout ctx={ctx} title={t("acceptTitle")} description={t("acceptTitle")}>
        <h1>{t("acceptTitle")}</h1>
        <p>{t("acceptIntro", { producer: names.get(r.producerId) ?? "" })}</p>
        <h2>{rfq.subject}</h2>
        <QuoteTerms ctx={ctx} r={r} unit={rfq.unit} />
        <PostForm action={hrefIn(`/rfqs/responses/${id}/accept`, ctx.lang)} csrf={csrfToken(c)}>
          <input type="hidden" name="version" value={String(r.version)} />
          <button type="submit">{t("accept")}</button>{" "}
          <a href={hrefIn(`/rfqs/responses/${id}`, ctx.lang)}>{tradeText(ctx.lang)("cancel")}</a>
        </PostForm>
      </Layout>,
    );
  });
  app.post("/rfqs/responses/:rid{[0-9]+}/accept", async (c) => {
    const actor = requireActor(c.get("actor"));
    const lang = contextOf(c).lang;
    const id = routeId(c, "rid");
    const form = await parseForm(c, stepInput, lang);
    if (!form.ok) throw new AppError("bad_request", "No version");
    let orderId: number | undefined;
    try {
      ({ orderId } = await respond(
        db,
        actor,
        id,
        { transition: "accept", version: form.data.version },
        mailContext(c),
      ));
    } catch (err) {
      if (err instanceof AppError && (err.code === "forbidden" || err.code === "not_found")) throw err;
      const { errors } = rfqRefusal(err, lang);
      throw new AppError("conflict", errors._form ?? "Out of turn");
    }
    return c.redirect(hrefIn(`/orders/${orderId}`, lang), 303);
  });
  app.post("/rfqs/responses/:rid{[0-9]+}/messages", async (c) => {
    const actor = requireActor(c.get("actor"));
    const lang = contextOf(c).lang;
    const id = routeId(c, "rid");
    const form = await parseForm(c, messageInput, lang);
    if (!form.ok) return c.html(await ResponsePage({ c, db, id, messageError: form.errors.body }), 400);
    await postMessage(db, actor, id, form.data.body, mailContext(c));
    return c.redirect(`${hrefIn(`/rfqs/responses/${id}`, lang)}#thread-${id}`, 303);
  });
}

/** What the buyer asked for, as a definition list. */
function RfqTerms(props: {
  ctx: ReturnType<typeof contextOf>;
  rfq: Awaited<ReturnType<typeof rfqForBuyer>>["rfq"];
}) {
  const { ctx, rfq } = props;
  const t = rfqText(ctx.lang);
  return (
    <dl class="facts">
      <dt>{t("quantity")}</dt>
      <dd>
        {formatNumber(rfq.quantity, 2)} {tradeText(ctx.lang)(`unit_${rfq.unit}`)}
      </dd>
      {rfq.targetPriceInr !== null && (
        <Fact term={t("targetPrice")}>₹{formatNumber(rfq.targetPriceInr, 2)}</Fact>
      )}
      <dt>{t("destination")}</dt>
      <dd>{countryName(rfq.destinationCountry, ctx.lang)}</dd>
      <dt>{t("incoterm")}</dt>
      <dd>{rfq.incoterm}</dd>
      <dt>{t("neededBy")}</dt>
      <dd>{rfq.neededBy}</dd>
      {rfq.hsCode && <Fact term={t("hsHeading")}>{rfq.hsCode}</Fact>}
      {rfq.details && <Fact term={t("details")}>{rfq.details}</Fact>}
    </dl>
  );
}

async function NewRfqPage(props: { c: Context<AppEnv>; db: Db; values: FormValues; errors: FieldErrors }) {
  const { c, values, errors } = props;
  const ctx = contextOf(c);
  const t = rfqText(ctx.lang);
  const actor = requireActor(c.get("actor"));
  const listing = values.listingId ? await publicListing(props.db, Number(values.listingId)) : null;
  const [product] = values.odopProductId ? await productsByIds(props.db, [Number(values.odopProductId)]) : [];
  const field = { values, errors, lang: ctx.lang };
  const labels = {
    subject: t("subject"),
    details: t("details"),
    quantity: t("quantity"),
    unit: t("unit"),
    targetPriceInr: t("targetPrice"),
    destinationCountry: t("destination"),
    incoterm: t("incoterm"),
    neededBy: t("neededBy"),
    openDays: t("openDays"),
    hsCode: t("hsHeading"),
  };
  return (
    <Layout ctx={ctx} title={t("rfqNew")} description={t("rfqIntro")}>
      <h1>{t("rfqNew")}</h1>
      {errors._form && <Notice kind="error">{errors._form}</Notice>}
      {!can(actor, "rfq:send", null) && (
        <Notice kind="info">
          {t("buyerFirst")} <a href={hrefIn("/buyers/me", ctx.lang)}>{tradeText(ctx.lang)("buyerTitle")}</a>
        </Notice>
      )}
      <p>{t("rfqIntro")}</p>
      {listing && <p>{t("rfqFromListing", { title: listingTitle(listing.listing, ctx.lang) })}</p>}
      {product && <p>{t("rfqForProduct", { product: product.name })}</p>}
      <ErrorSummary lang={ctx.lang} errors={errors} labels={labels} />
      <PostForm action={hrefIn("/rfqs/new", ctx.lang)} csrf={csrfToken(c)}>
        {values.listingId && <input type="hidden" name="listingId" value={values.listingId} />}
        {values.odopProductId && <input type="hidden" name="odopProductId" value={values.odopProductId} />}
        <TextField {...field} name="subject" label={labels.subject} maxLength={200} />
        <TextArea {...field} name="details" label={labels.details} optional maxLength={2000} />
        {!values.listingId && !values.odopProductId && (
          <TextField
            {...field}
            name="hsCode"
            label={labels.hsCode}
            hint={t("hsHint")}
            inputmode="numeric"
            maxLength={4}
          />
        )}
        <TextField {...field} name="quantity" label={labels.quantity} inputmode="decimal" maxLength={16} />
        <SelectField
          {...field}
          name="unit"
          label={labels.unit}
          options={listingUnits.map((u) => ({ value: u, label: tradeText(ctx.lang)(`unit_${u}`) }))}
        />
        <TextField
          {...field}
          name="targetPriceInr"
          label={labels.targetPriceInr}
          optional
          inputmode="decimal"
          maxLength={16}
        />
        <SelectField
          {...field}
          name="destinationCountry"
          label={labels.destinationCountry}
          blank={tradeText(ctx.lang)("chooseCountry")}
          options={countryOptions(ctx.lang)}
        />
        <SelectField
          {...field}
          name="incoterm"
          label={labels.incoterm}
          hint={t("incotermHint")}
          options={incoterms.map((i) => ({ value: i, label: i }))}
        />
        <TextField {...field} name="neededBy" label={labels.neededBy} type="date" />
        <TextField
          {...field}
          name="openDays"
          label={labels.openDays}
          hint={t("openDaysHint")}
          inputmode="numeric"
          maxLength={2}
        />
        <button type="submit">{t("send")}</button>
      </PostForm>
    </Layout>
  );
}

/** One producer's part, seen by the producer (quote form) or by the buyer (accept, decline); both see the thread. */
async function ResponsePage(props: {
  c: Context<AppEnv>;
  db: Db;
  id: number;
  quote?: { values: FormValues; errors: FieldErrors };
  messageError?: string;
}) {
  const { c, db, id } = props;
  const ctx = contextOf(c);
  const t = rfqText(ctx.lang);
  const actor = requireActor(c.get("actor"));
  const csrf = csrfToken(c);
  // The buyer's view when the person is the RFQ's buyer; otherwise the producer's (404 for anyone else).
  const asBuyer = await rfqOfResponse(db, actor, id).catch((err) => {
    if (err instanceof AppError && err.code === "not_found") return null;
    throw err;
  });
  if (asBuyer) {
    const r = asBuyer.responses.find((x) => x.id === id);
    if (!r || r.state === "held" || r.state === "refused") throw new AppError("not_found", "No such request");
    const producer = asBuyer.names.get(r.producerId) ?? "";
    return (
      <Layout
        ctx={ctx}
        title={`${asBuyer.rfq.subject} · ${producer}`}
        description={t("rfqIntro")}
        crumbs={[{ href: `/rfqs/${asBuyer.rfq.id}`, label: asBuyer.rfq.subject }]}
      >
        <h1>
          {asBuyer.rfq.subject} · {producer}
        </h1>
        <p>
          {t("state")}: <strong>{t(`rstate_${r.state}`)}</strong>
        </p>
        {r.priceInr !== null && <h2>{t("theQuote")}</h2>}
        <QuoteTerms ctx={ctx} r={r} unit={asBuyer.rfq.unit} />
        {r.state === "quoted" && asBuyer.rfq.state === "open" && (
          <p class="button-row">
            <a class="button-link" href={hrefIn(`/rfqs/responses/${id}/accept`, ctx.lang)}>
              {t("accept")}
            </a>
          </p>
        )}
        {r.state === "quoted" && asBuyer.rfq.state === "open" && (
          <PostForm action={hrefIn(`/rfqs/responses/${id}/reject`, ctx.lang)} csrf={csrf} class="inline">
            <input type="hidden" name="version" value={String(r.version)} />
            <button type="submit" class="secondary">
              {t("reject")}
            </button>
          </PostForm>
        )}
        {asBuyer.orderId && (
          <p>
            <a href={hrefIn(`/orders/${asBuyer.orderId}`, ctx.lang)}>{t("orders")}</a>
          </p>
        )}
        <Thread
          ctx={ctx}
          responseId={id}
          messages={asBuyer.messages.get(id) ?? []}
          csrf={csrf}
          canWrite
          error={props.messageError}
        />
      </Layout>
    );
  }
  const { response: r, rfq, producer, buyer, messages, orderId } = await responseForProducer(db, actor, id);
  const open = rfq.state === "open";
  const canQuote = open && (r.state === "invited" || (r.state === "quoted" && r.revisions < maxRevisions));
  const values: FormValues = props.quote?.values ?? {
    priceInr: r.priceInr === null ? "" : String(r.priceInr),
    quantity: String(r.quantity ?? rfq.quantity),
    leadTimeDays: r.leadTimeDays === null ? "" : String(r.leadTimeDays),
    validUntil: r.validUntil ?? indiaDateTime(rfq.closesAt).date,
    incoterm: r.incoterm ?? rfq.incoterm,
    notes: r.notes ?? "",
  };
  const errors = props.quote?.errors ?? {};
  const field = { values, errors, lang: ctx.lang };
  const labels = {
    priceInr: t("price"),
    quantity: t("quantity"),
    leadTimeDays: t("leadTime"),
    validUntil: t("validUntil"),
    incoterm: t("incoterm"),
    notes: t("notes"),
  };
  return (
    <Layout
      ctx={ctx}
      title={rfq.subject}
      description={t("inbox")}
      crumbs={[{ href: "/rfqs/inbox", label: t("inbox") }]}
    >
      <h1>{rfq.subject}</h1>
      <p>
        {producer.name} · {t("state")}: <strong>{t(`rstate_${r.state}`)}</strong> · {t("closes")}:{" "}
        {formatWhen(rfq.closesAt, ctx.lang)}
      </p>
      {buyer && (
        <p>
          {t("fromBuyer", {
            organisation: buyer.organisation,
            country: countryName(buyer.country, ctx.lang),
          })}
        </p>
      )}
      <h2>{t("theRequest")}</h2>
      <RfqTerms ctx={ctx} rfq={rfq} />
      {orderId && (
        <p>
          <a href={hrefIn(`/orders/${orderId}`, ctx.lang)}>{t("orders")}</a>
        </p>
      )}
      {r.state === "quoted" && (
        <>
          <h2>{t("theQuote")}</h2>
          <QuoteTerms ctx={ctx} r={r} unit={rfq.unit} />
        </>
      )}
      {r.state === "quoted" && r.revisions >= maxRevisions && <p>{t("revisedOnce")}</p>}
      {canQuote && (
        <>
          <h2>{r.state === "quoted" ? t("revise") : t("quote")}</h2>
          {r.state === "quoted" && <p class="hint">{t("reviseHint")}</p>}
          {errors._form && <Notice kind="error">{errors._form}</Notice>}
          <ErrorSummary lang={ctx.lang} errors={errors} labels={labels} />
          <PostForm action={hrefIn(`/rfqs/responses/${id}/quote`, ctx.lang)} csrf={csrf}>
            <input type="hidden" name="version" value={String(r.version)} />
            <TextField
              {...field}
              name="priceInr"
              label={labels.priceInr}
              inputmode="decimal"
              maxLength={16}
            />
            <TextField
              {...field}
              name="quantity"
              label={labels.quantity}
              inputmode="decimal"
              maxLength={16}
            />
            <TextField
              {...field}
              name="leadTimeDays"
              label={labels.leadTimeDays}
              inputmode="numeric"
              maxLength={3}
            />
            <TextField {...field} name="validUntil" label={labels.validUntil} type="date" />
            <SelectField
              {...field}
              name="incoterm"
              label={labels.incoterm}
              options={incoterms.map((i) => ({ value: i, label: i }))}
            />
            <TextArea {...field} name="notes" label={labels.notes} optional maxLength={2000} />
            <button type="submit">{r.state === "quoted" ? t("revise") : t("quote")}</button>
          </PostForm>
        </>
      )}
      {open && (responseFlow.decline.from as readonly string[]).includes(r.state) && (
        <PostForm action={hrefIn(`/rfqs/responses/${id}/decline`, ctx.lang)} csrf={csrf} class="inline">
          <input type="hidden" name="version" value={String(r.version)} />
          <button type="submit" class="secondary">
            {t("decline")}
          </button>
        </PostForm>
      )}
      <Thread ctx={ctx} responseId={id} messages={messages} csrf={csrf} canWrite error={props.messageError} />
    </Layout>
  );
}
