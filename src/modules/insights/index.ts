/** insights: national figures, the dashboards and the District Export Ranking Index, read through other modules. */
export { registerInsightsApi } from "./api";
export { refreshInsights } from "./commands/refresh";
export { insightsPages } from "./pages/home";
export { namedFigurePages } from "./pages/named";
export type { NationalStats } from "./stats";
export { nationalStats } from "./stats";
