import { AppError } from "../../../platform/errors";
import type { FieldErrors } from "../../../web/forms";
import type { Lang } from "../../../web/i18n";
import { eventStates } from "../event-flow";
import { promotionText } from "../messages";
import { registrationStates } from "../registration-flow";

/** A refused event, registration or meet command as the page's messages: the field it names, or the whole form. */
export function promotionRefusal(err: unknown, lang: Lang): { errors: FieldErrors; status: 400 | 409 } {
  if (!(err instanceof AppError)) throw err;
  const t = promotionText(lang);
  const field = typeof err.details.field === "string" ? err.details.field : undefined;
  if (err.code === "bad_request" && field) {
    const words: Record<string, string> = {
      organiser: t("organiserFormat"),
      productIds: t("organiserFormat"),
      ranked: t("rankTwice"),
      room: t("countFormat"),
    };
    return { errors: { [field]: words[field] ?? err.message }, status: 400 };
  }
  if (err.code !== "conflict") throw err;
  const reason = String(err.details.reason ?? "");
  const reasons: Record<string, string> = {
    closed: t("closed"),
    cancelled: t("eventCancelled"),
    no_profile: t("noProfile"),
    not_begun: t("notBegun"),
    rated: t("alreadyRated"),
    has_rfq: t("rfqMade"),
    event_over: t("closed"),
    outside_meet: t("outside_meet"),
    outside_buyer: t("outside_buyer"),
    outside_producer: t("outside_producer"),
    busy_buyer: t("busy_buyer"),
    busy_producer: t("busy_producer"),
    room_taken: t("room_taken"),
    schedule_kept: t("scheduleKept"),
  };
  if (reasons[reason]) return { errors: { _form: reasons[reason] }, status: 409 };
  const state = err.details.state;
  if (typeof state === "string" && (eventStates as readonly string[]).includes(state))
    return { errors: { _form: t("outOfTurn", { state: t(`estate_${state as "draft"}`) }) }, status: 409 };
  if (typeof state === "string" && (registrationStates as readonly string[]).includes(state))
    return { errors: { _form: t(`rstate_${state as "pending"}`, { position: "" }) }, status: 409 };
  return { errors: { _form: t("conflict") }, status: 409 };
}
