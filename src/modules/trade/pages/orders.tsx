import type { Context } from "hono";
import type { Db } from "../../../platform/db";
import { AppError } from "../../../platform/errors";
import { indiaDateTime } from "../../../platform/india-time";
import { countryName } from "../../../web/countries";
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
import { contextOf, hrefIn, Layout } from "../../../web/layout";
import { Notice } from "../../../web/notice";
import type { PersonalRoutes } from "../../../web/personal-routes";
import { type AppEnv, formatWhen, mailContext, requireActor } from "../../accounts";
import { rateOrder, stepOrder } from "../commands";
import { tradeKey, tradeText } from "../messages";
import { type OrderTransition, orderFlow } from "../order-flow";
import { myOrders, orderFor } from "../queries";
import { rfqKey, rfqText } from "../rfq-messages";
import { milestoneInput, ratingInput } from "../schemas";
import { rfqRefusal } from "./rfq-refusal";

const transitions = Object.keys(orderFlow) as OrderTransition[];
const keyOf = (lang: "en" | "hi") => rfqKey(rfqText(lang), tradeKey(tradeText(lang)));

/** Orders: the list of a person's, one order's milestones, contacts and ratings. */
export function orderPages(app: PersonalRoutes<AppEnv>, db: Db) {
  app.get("/orders", async (c) => {
    const actor = requireActor(c.get("actor"));
    const ctx = contextOf(c);
    const t = rfqText(ctx.lang);
    const { rows, names } = await myOrders(db, actor);
    return c.html(
      <Layout ctx={ctx} title={t("orders")} description={t("orders")}>
        <h1>{t("orders")}</h1>
        <DataTable
          label={t("orders")}
          rows={rows}
          empty={t("noOrders")}
          columns={[
            {
              label: t("request"),
              cell: (r) => <a href={hrefIn(`/orders/${r.order.id}`, ctx.lang)}>{r.subject}</a>,
            },
            { label: t("producer"), cell: (r) => names.get(r.order.producerId) ?? "" },
            { label: t("state"), cell: (r) => t(`ostate_${r.order.state}`) },
            { label: t("total"), cell: (r) => `₹${formatNumber(r.order.quantity * r.order.priceInr, 2)}` },
          ]}
        />
      </Layout>,
    );
  });
  app.get("/orders/:id{[0-9]+}", async (c) => c.html(await OrderPage({ c, db, id: routeId(c) })));
  app.post("/orders/:id{[0-9]+}/step", async (c) => {
    const actor = requireActor(c.get("actor"));
    const lang = contextOf(c).lang;
    const id = routeId(c);
    await orderFor(db, actor, id);
    const form = await parseForm(c, milestoneInput, lang, keyOf(lang));
    if (!form.ok) return c.html(await OrderPage({ c, db, id, step: form }), 400);
    try {
      await stepOrder(db, actor, id, form.data.transition, form.data, mailContext(c));
    } catch (err) {
      if (err instanceof AppError && (err.code === "forbidden" || err.code === "not_found")) throw err;
      const { errors, status } = rfqRefusal(err, lang);
      return c.html(
        await OrderPage({ c, db, id, step: { values: form.values, errors } }),
        status === 429 ? 409 : status,
      );
    }
    return c.redirect(hrefIn(`/orders/${id}`, lang), 303);
  });
  app.post("/orders/:id{[0-9]+}/rate", async (c) => {
    const actor = requireActor(c.get("actor"));
    const lang = contextOf(c).lang;
    const id = routeId(c);
    await orderFor(db, actor, id);
    const form = await parseForm(c, ratingInput, lang, keyOf(lang));
    if (!form.ok) return c.html(await OrderPage({ c, db, id, rating: form }), 400);
    try {
      await rateOrder(db, actor, id, form.data);
    } catch (err) {
      const { errors, status } = rfqRefusal(err, lang);
      return c.html(
        await OrderPage({ c, db, id, rating: { values: form.values, errors } }),
        status === 429 ? 409 : status,
      );
    }
    return c.redirect(hrefIn(`/orders/${id}`, lang), 303);
  });
}

async function OrderPage(props: {
  c: Context<AppEnv>;
  db: Db;
  id: number;
  step?: { values: FormValues; errors: FieldErrors };
  rating?: { values: FormValues; errors: FieldErrors };
}) {
  const { c, id } = props;
  const ctx = contextOf(c);
  const t = rfqText(ctx.lang);
  const o = await orderFor(props.db, requireActor(c.get("actor")), id);
  const csrf = csrfToken(c);
  const unit = tradeText(ctx.lang)(`unit_${o.order.unit}`);
  const today = indiaDateTime(new Date()).date;
  const mine = (tr: OrderTransition) => {
    const by = orderFlow[tr].by;
    return by === "order:either" || (by === "order:sell") === (o.side === "producer");
  };
  const open = transitions.filter(
    (tr) => (orderFlow[tr].from as readonly string[]).includes(o.order.state) && mine(tr),
  );
  const myRating = o.ratings.find((r) => r.side === o.side);
  const title = t("orderTitle", { subject: o.subject });
  const stepValues = props.step?.values ?? { happenedOn: today, transition: open[0] ?? "" };
  const stepErrors = props.step?.errors ?? {};
  return (
    <Layout
      ctx={ctx}
      title={title}
      description={t("orders")}
      crumbs={[{ href: "/orders", label: t("orders") }]}
    >
      <h1>{title}</h1>
      <p>
        {t("state")}: <strong>{t(`ostate_${o.order.state}`)}</strong> · {t("producer")}: {o.producerName}
      </p>
      <h2>{t("terms")}</h2>
      <dl class="facts">
        <dt>{t("quantity")}</dt>
        <dd>
          {formatNumber(o.order.quantity, 2)} {unit}
        </dd>
        <dt>{t("price")}</dt>
        <dd>₹{formatNumber(o.order.priceInr, 2)}</dd>
        <dt>{t("total")}</dt>
        <dd>₹{formatNumber(o.order.quantity * o.order.priceInr, 2)}</dd>
        <dt>{t("incoterm")}</dt>
        <dd>{o.order.incoterm}</dd>
        <dt>{t("destination")}</dt>
        <dd>{countryName(o.order.destinationCountry, ctx.lang)}</dd>
      </dl>
      <h2>{o.side === "buyer" ? t("contactProducer") : t("contactBuyer")}</h2>
      {"producer" in o.contact && o.contact.producer && (
        <p>
          {o.contact.producer.name} ·{" "}
          <a href={`tel:${o.contact.producer.phone.replace(/[^\d+]/g, "")}`}>{o.contact.producer.phone}</a> ·{" "}
          <a href={`mailto:${o.contact.producer.email}`}>{o.contact.producer.email}</a>
        </p>
      )}
      {"buyer" in o.contact && o.contact.buyer && (
        <p>
          {[
            o.contact.buyer.organisation,
            o.contact.buyer.country && countryName(o.contact.buyer.country, ctx.lang),
          ]
            .filter(Boolean)
            .join(", ")}{" "}
          · <a href={`mailto:${o.contact.buyer.email}`}>{o.contact.buyer.email}</a>
        </p>
      )}
      <h2>{t("milestones")}</h2>
      <ol class="timeline">
        {o.events.map((e) => (
          <li>
            <strong>{t(`ostate_${e.state}`)}</strong> · {e.happenedOn}
            {e.note && <span> · {e.note}</span>}
            <span class="muted"> ({formatWhen(e.createdAt, ctx.lang)})</span>
          </li>
        ))}
      </ol>
      {stepErrors._form && <Notice kind="error">{stepErrors._form}</Notice>}
      {open.length > 0 && (
        <PostForm action={hrefIn(`/orders/${id}/step`, ctx.lang)} csrf={csrf}>
          <h3>{t("milestones")}</h3>
          <input type="hidden" name="version" value={String(o.order.version)} />
          <SelectField
            name="transition"
            label={t("state")}
            values={stepValues}
            errors={stepErrors}
            lang={ctx.lang}
            options={open.map((tr) => ({ value: tr, label: t(`step_${tr}`) }))}
          />
          <TextField
            name="happenedOn"
            label={t("happenedOn")}
            type="date"
            values={stepValues}
            errors={stepErrors}
            lang={ctx.lang}
          />
          <TextField
            name="note"
            label={t("notes")}
            optional
            values={stepValues}
            errors={stepErrors}
            lang={ctx.lang}
            maxLength={500}
          />
          <button type="submit">{t("recordStep")}</button>
        </PostForm>
      )}
      {o.ratings.length > 0 && (
        <ul>
          {o.ratings.map((r) => (
            <li>
              {t(`ratedBy_${r.side}`)}: {t("starsOf", { n: r.stars })}
              {r.comment && <> · {r.comment}</>}
            </li>
          ))}
        </ul>
      )}
      {/* Outside the form: a refused rating (already given) is said even when the form is no longer shown. */}
      {props.rating?.errors._form && <Notice kind="error">{props.rating.errors._form}</Notice>}
      {o.order.state === "delivered" && !myRating && (
        <PostForm action={hrefIn(`/orders/${id}/rate`, ctx.lang)} csrf={csrf}>
          <h2>{o.side === "buyer" ? t("rateProducer") : t("rateBuyer")}</h2>
          <SelectField
            name="stars"
            label={t("stars")}
            values={props.rating?.values ?? { stars: "5" }}
            errors={props.rating?.errors ?? {}}
            lang={ctx.lang}
            options={[5, 4, 3, 2, 1].map((n) => ({ value: String(n), label: t("starsOf", { n }) }))}
          />
          <TextArea
            name="comment"
            label={t("comment")}
            optional
            values={props.rating?.values ?? {}}
            errors={props.rating?.errors ?? {}}
            lang={ctx.lang}
            maxLength={1000}
          />
          <button type="submit">{t("rate")}</button>
        </PostForm>
      )}
    </Layout>
  );
}
