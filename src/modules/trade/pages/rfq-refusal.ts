import { AppError } from "../../../platform/errors";
import type { FieldErrors } from "../../../web/forms";
import type { Lang } from "../../../web/i18n";
import { tradeText } from "../messages";
import { orderStates } from "../order-flow";
import { responseStates, rfqStates } from "../rfq-flow";
import { rfqText } from "../rfq-messages";

/** A state of an RFQ, a producer's part or an order, in words. */
function stateWords(state: string, lang: Lang): string {
  const t = rfqText(lang);
  if ((responseStates as readonly string[]).includes(state)) return t(`rstate_${state as "held"}`);
  if ((orderStates as readonly string[]).includes(state)) return t(`ostate_${state as "placed"}`);
  if ((rfqStates as readonly string[]).includes(state)) return t(`rfqState_${state as "open"}`);
  return state;
}

/** A refused RFQ, quote or order step as the page's messages: the field it names, or the whole form. */
export function rfqRefusal(err: unknown, lang: Lang): { errors: FieldErrors; status: 400 | 409 | 429 } {
  if (!(err instanceof AppError)) throw err;
  const t = rfqText(lang);
  const field = typeof err.details.field === "string" ? err.details.field : undefined;
  if (err.code === "too_many") return { errors: { _form: t("tooMany") }, status: 429 };
  if (err.code === "bad_request" && field) {
    const words: Record<string, string> = {
      neededBy: t("neededPast"),
      validUntil: t("neededPast"),
      openDays: t("openDaysRange"),
      hsCode: tradeText(lang)("hsUnknown", { code: String(err.details.code ?? "") }),
      happenedOn: t("happenedRange"),
    };
    // The listing or product a request is about comes with the link, not from a field: its error is the form's.
    if (field === "listingId") return { errors: { _form: t("notListing") }, status: 400 };
    if (field === "odopProductId") return { errors: { _form: t("notProduct") }, status: 400 };
    return { errors: { [field]: words[field] ?? err.message }, status: 400 };
  }
  if (err.code !== "conflict") throw err;
  const reason = err.details.reason;
  if (reason === "no_recipients") return { errors: { _form: t("noRecipients") }, status: 409 };
  if (reason === "revised") return { errors: { _form: t("revisedOnce") }, status: 409 };
  if (reason === "rated") return { errors: { _form: t("alreadyRated") }, status: 409 };
  if (reason === "quote_expired") return { errors: { _form: t("quoteExpired") }, status: 409 };
  if (reason === "too_many_interests") return { errors: { _form: t("tooManyInterests") }, status: 409 };
  if (typeof err.details.state === "string")
    return { errors: { _form: t("outOfTurn", { state: stateWords(err.details.state, lang) }) }, status: 409 };
  return { errors: { _form: t("stillConflict") }, status: 409 };
}
