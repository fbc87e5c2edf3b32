import { AppError } from "../../../platform/errors";
import type { FieldErrors } from "../../../web/forms";
import type { Lang } from "../../../web/i18n";
import { listingStates } from "../listing-flow";
import { tradeText } from "../messages";

/** A refused command on a listing as the page's messages: the field it names, or the whole form (409). */
export function listingRefusal(err: unknown, lang: Lang): { errors: FieldErrors; status: 400 | 409 } {
  if (!(err instanceof AppError)) throw err;
  const t = tradeText(lang);
  const field = typeof err.details.field === "string" ? err.details.field : undefined;
  if (err.code === "bad_request" && field) {
    const words: Record<string, string> = {
      odopProductId: t("notProduct"),
      hsCode: t("hsUnknown", { code: String(err.details.code ?? "") }),
      reason: t("reasonRequired"),
    };
    return { errors: { [field]: words[field] ?? err.message }, status: 400 };
  }
  if (err.code !== "conflict") throw err;
  if (err.details.reason === "producer_unverified")
    return { errors: { _form: t("producerUnverified") }, status: 409 };
  if (err.details.reason === "too_many_photos") return { errors: { _form: t("tooManyPhotos") }, status: 409 };
  const state = err.details.state;
  if (typeof state === "string" && (listingStates as readonly string[]).includes(state))
    return { errors: { _form: t("outOfTurn", { state: t(`lstate_${state as "draft"}`) }) }, status: 409 };
  return { errors: { _form: t("conflict") }, status: 409 };
}
