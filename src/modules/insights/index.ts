/** insights: national figures and dashboards, read through the other modules' public surfaces. */
export { registerInsightsApi } from "./api";
export { insightsPages } from "./pages";
export type { NationalStats } from "./stats";
export { nationalStats } from "./stats";
