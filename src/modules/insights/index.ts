/** insights: national figures, the dashboards and the District Export Ranking Index, read through other modules. */
export { registerInsightsApi } from "./api";
export { refreshInsights } from "./commands/refresh";
export { insightsOpenData } from "./open-data";
export { insightsPages } from "./pages/home";
export { namedFigurePages } from "./pages/named";
export { rankingActions, rankingAdminPages } from "./pages/ranking";

/** The insights module's audited actions, in words, for the audit log. */
export const insightsAuditTexts = {
  "ranking.weights": { en: "Set the ranking index's weights", hi: "रैंकिंग सूचकांक के भार तय किए" },
  "ranking.publish": {
    en: "Published a year's district export ranking",
    hi: "किसी वर्ष की ज़िला निर्यात रैंकिंग प्रकाशित की",
  },
};
export type { NationalStats } from "./stats";
export { nationalStats } from "./stats";
