import { AppError } from "../../../platform/errors";
import type { FieldErrors } from "../../../web/forms";
import type { Lang } from "../../../web/i18n";
import { bottleneckStates } from "../bottleneck-flow";
import { planStates } from "../flow";
import { planText } from "../messages";
import { partText } from "../parts-messages";

/** A plan's or a bottleneck's state in the reader's words. */
const stateName = (state: string, lang: Lang) =>
  (bottleneckStates as readonly string[]).includes(state)
    ? partText(lang)(`bstate_${state as "open"}`)
    : (planStates as readonly string[]).includes(state)
      ? planText(lang)(`state_${state as "draft"}`)
      : state;

/** A refused command on a plan's parts as the page's messages: the field it names, or the whole form (409). */
export function partRefusal(err: unknown, lang: Lang): { errors: FieldErrors; status: 400 | 409 } {
  if (!(err instanceof AppError)) throw err;
  const t = partText(lang);
  const field = typeof err.details.field === "string" ? err.details.field : undefined;
  if (err.code === "bad_request" && field) {
    const words: Record<string, string> = {
      hsHeadings: t("hsUnknown", { codes: ((err.details.codes as string[]) ?? []).join(", ") }),
      productSlug: t("notProduct"),
      decisionId: t("notDecision"),
      parentId: t("notIntervention"),
      progress: t("hasActions"),
      category: t("notCategory"),
    };
    return { errors: { [field]: words[field] ?? err.message }, status: 400 };
  }
  if (err.code !== "conflict") throw err;
  if (field === "code") return { errors: { code: t("codeTaken") }, status: 409 };
  if (typeof err.details.state === "string")
    return { errors: { _form: t("outOfTurn", { state: stateName(err.details.state, lang) }) }, status: 409 };
  return { errors: { _form: t("conflict") }, status: 409 };
}
