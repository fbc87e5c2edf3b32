import type { Lang } from "../../web/i18n";
import { eventKinds } from "./event-flow";
import { promotionText } from "./messages";
import { registrationSides } from "./registration-flow";

export const promotionFigureDims: Record<string, readonly string[]> = {
  events: eventKinds,
  registrations: registrationSides,
  attended: registrationSides,
};

/** The words for an event's kind and a participant's side, for the dashboards. */
export function promotionDimLabel(lang: Lang, figure: string, dim: string): string | undefined {
  const t = promotionText(lang) as (key: string) => string;
  if (figure === "events") return t(`kind_${dim}`);
  if (figure === "registrations" || figure === "attended") return t(`side_${dim}`);
  return undefined;
}
