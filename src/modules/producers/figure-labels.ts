import type { Lang } from "../../web/i18n";
import { verificationStatuses } from "./kinds";
import { producerText } from "./messages";

export const producerFigureDims: Record<string, readonly string[]> = { producers: verificationStatuses };

/** The words for a producer's verification status, for the dashboards. */
export function producerDimLabel(lang: Lang, figure: string, dim: string): string | undefined {
  const t = producerText(lang) as (key: string) => string;
  return figure === "producers" ? t(`status_${dim}`) : undefined;
}
