import { Fact } from "../../../web/fact";
import { PostForm, TextArea } from "../../../web/forms";
import { formatNumber } from "../../../web/i18n";
import { hrefIn, type PageContext } from "../../../web/layout";
import { formatWhen } from "../../accounts";
import { tradeText } from "../messages";
import type { RfqMessage, RfqResponse } from "../queries";
import { rfqText } from "../rfq-messages";

/** A quote's terms as a definition list (nothing when the producer has not quoted). */
export function QuoteTerms(props: { ctx: PageContext; r: RfqResponse; unit: string }) {
  const { r } = props;
  if (r.priceInr === null) return null;
  const t = rfqText(props.ctx.lang);
  const unit = tradeText(props.ctx.lang)(`unit_${props.unit as "piece"}`);
  return (
    <dl class="facts">
      <dt>{t("price")}</dt>
      <dd>
        ₹{formatNumber(r.priceInr, 2)} / {unit}
      </dd>
      <dt>{t("quantity")}</dt>
      <dd>
        {formatNumber(r.quantity ?? 0, 2)} {unit}
      </dd>
      <dt>{t("leadTime")}</dt>
      <dd>{r.leadTimeDays}</dd>
      <dt>{t("validUntil")}</dt>
      <dd>{r.validUntil}</dd>
      <dt>{t("incoterm")}</dt>
      <dd>{r.incoterm}</dd>
      {r.notes && <Fact term={t("notes")}>{r.notes}</Fact>}
    </dl>
  );
}

/** The messages between the buyer and one producer, and the form to write the next one. */
export function Thread(props: {
  ctx: PageContext;
  responseId: number;
  messages: RfqMessage[];
  csrf: string;
  canWrite: boolean;
  error?: string;
}) {
  const t = rfqText(props.ctx.lang);
  const id = `thread-${props.responseId}`;
  return (
    <section aria-labelledby={id}>
      <h3 id={id}>{t("thread")}</h3>
      {props.messages.length === 0 ? (
        <p>{t("noMessages")}</p>
      ) : (
        <ol class="thread">
          {props.messages.map((m) => (
            <li>
              <strong>{t(`side_${m.side}`)}</strong>{" "}
              <span class="muted">{formatWhen(m.createdAt, props.ctx.lang)}</span>
              <p class="prose">{m.body}</p>
            </li>
          ))}
        </ol>
      )}
      {props.canWrite && (
        <PostForm
          action={hrefIn(`/rfqs/responses/${props.responseId}/messages`, props.ctx.lang)}
          csrf={props.csrf}
        >
          <TextArea
            name={`body`}
            label={t("write")}
            values={{}}
            errors={props.error ? { body: props.error } : {}}
            lang={props.ctx.lang}
            maxLength={2000}
          />
          <button type="submit">{t("sendMessage")}</button>
        </PostForm>
      )}
    </section>
  );
}
