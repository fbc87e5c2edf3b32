import type { Lang } from "../../web/i18n";
import { gemStatuses } from "./kinds";
import { orderStates } from "./order-flow";
import { rfqText } from "./rfq-messages";

/** The breakdowns of the bazaar's figures, in the order they are shown. */
export const tradeFigureDims: Record<string, readonly string[]> = { orders: orderStates, gem: gemStatuses };

/** The words for the breakdowns of the bazaar's figures (order states, GeM stages), for the dashboards. */
export function tradeDimLabel(lang: Lang, figure: string, dim: string): string | undefined {
  const t = rfqText(lang) as (key: string) => string;
  if (figure === "orders") return t(`ostate_${dim}`);
  if (figure === "gem") return t(`gem_${dim}`);
  return undefined;
}
