import type { Lang } from "../../web/i18n";
import { planStates } from "./flow";
import { planText } from "./messages";

/** A plan's states as the dashboards show them (a superseded version is not a district's current plan). */
export const planFigureDims: Record<string, readonly string[]> = {
  plans: planStates.filter((s) => s !== "superseded"),
};

/** The words for a plan's state, for the dashboards (bottleneck categories are data: bottleneckCategoryList). */
export function planDimLabel(lang: Lang, figure: string, dim: string): string | undefined {
  const t = planText(lang) as (key: string) => string;
  return figure === "plans" ? t(`state_${dim}`) : undefined;
}
