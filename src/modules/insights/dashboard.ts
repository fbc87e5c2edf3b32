import type { Lang } from "../../web/i18n";
import { exportSectorName } from "../catalog";
import { planDimLabel, planFigureDims } from "../planning";
import { producerDimLabel, producerFigureDims } from "../producers";
import { promotionDimLabel, promotionFigureDims } from "../promotion";
import { tradeDimLabel, tradeFigureDims } from "../trade";
import { type InsightText, insightText } from "./messages";
import type { Scope, Totals } from "./queries/figures";

export type Unit = "count" | "inr" | "percent" | "days" | "hours";
export type ChartRow = { key: string; label: string; value: number };
/** A chart and its table: one figure broken down, in one unit, with the list the figure is counted from. */
export type Chart = { id: string; title: string; unit: Unit; rows: ChartRow[] };
/** A single figure; null when it cannot be worked out (a mean of nothing, a share of zero). */
export type Fact = { id: string; label: string; value: number | null; unit: Unit };
/** A page address and its query (the language is added where the link is drawn). */
export type Link = { path: string; query?: Record<string, string> };
export type Section = {
  id: string;
  title: string;
  note: string;
  facts: Fact[];
  charts: Chart[];
  href?: Link;
};

/** What the dashboard needs beside the figures: how many districts and States the scope has, and data labels. */
export type ScopeFacts = {
  scope: Scope;
  districts: number;
  states: number;
  categories: { code: string; nameEn: string; nameHi: string }[];
  exportsYear: string | null;
};

const sum = (t: Totals, figure: string, dim = "*") => t.get(figure)?.get(dim)?.value ?? 0;
const rows = (t: Totals, figure: string, dim = "*") => t.get(figure)?.get(dim)?.n ?? 0;
const districtsWith = (t: Totals, figure: string, dim = "*") => t.get(figure)?.get(dim)?.districts ?? 0;
const ratio = (a: number, b: number, times = 1) => (b > 0 ? (a / b) * times : null);

/** The place filters of the lists behind the sections (a State, or a State and district). */
function placeQuery(scope: Scope, withDistrict = true): Record<string, string> {
  if (scope.level === "nation") return {};
  if (scope.level === "state" || !withDistrict) return { state: String(scope.state) };
  return { state: String(scope.state), district: String(scope.district) };
}

function dimChart(
  id: string,
  title: string,
  t: Totals,
  figure: string,
  dims: readonly string[],
  label: (dim: string) => string | undefined,
  unit: Unit = "count",
): Chart {
  return {
    id,
    title,
    unit,
    rows: dims.map((d) => ({ key: d, label: label(d) ?? d, value: sum(t, figure, d) })),
  };
}

/** The dims a figure has in these totals, largest first (for breakdowns that are data, like export sectors). */
function presentDims(t: Totals, figure: string, limit: number): string[] {
  return [...(t.get(figure)?.entries() ?? [])]
    .filter(([d]) => d !== "*")
    .sort((a, b) => b[1].value - a[1].value)
    .slice(0, limit)
    .map(([d]) => d);
}

/** The dashboard's sections for a scope, from its totals: every number here is a sum, a share or a mean of them. */
export function dashboardSections(lang: Lang, t: Totals, f: ScopeFacts): Section[] {
  const tx: InsightText = insightText(lang);
  const { scope } = f;
  const aboveDistrict = scope.level !== "district";
  const coveredDistricts = districtsWith(t, "products");
  const sections: Section[] = [
    {
      id: "coverage",
      title: tx("sCoverage"),
      note: tx("sCoverageNote"),
      href: {
        path:
          scope.level === "nation"
            ? "/districts"
            : scope.level === "state"
              ? `/states/${scope.state}`
              : `/districts/${scope.district}`,
      },
      facts: [
        { id: "products", label: tx("products"), value: sum(t, "products"), unit: "count" },
        ...(aboveDistrict
          ? [
              {
                id: "coverage",
                label: tx("coverage"),
                value: ratio(coveredDistricts, f.districts, 100),
                unit: "percent" as const,
              },
            ]
          : []),
      ],
      // A district has its products or not: the chart of districts with and without is for a State or the nation.
      charts: aboveDistrict
        ? [
            {
              id: "coverage",
              title: tx("coverageChart"),
              unit: "count",
              rows: [
                { key: "with", label: tx("withProduct"), value: coveredDistricts },
                {
                  key: "without",
                  label: tx("withoutProduct"),
                  value: Math.max(0, f.districts - coveredDistricts),
                },
              ],
            },
          ]
        : [],
    },
    {
      id: "committees",
      title: tx("sCommittees"),
      note: tx("sCommitteesNote"),
      href:
        scope.level === "state"
          ? { path: `/states/${scope.state}/committee` }
          : scope.level === "district"
            ? { path: `/districts/${scope.district}/committee` }
            : undefined,
      facts: [],
      charts: [
        {
          id: "committees",
          title: tx("committeesChart"),
          unit: "count",
          rows: [
            { key: "depc", label: tx("depcs"), value: sum(t, "committees", "depc") },
            ...(aboveDistrict
              ? [
                  {
                    key: "no_depc",
                    label: tx("noDepc"),
                    value: Math.max(0, f.districts - districtsWith(t, "committees", "depc")),
                  },
                  { key: "sepc", label: tx("sepcs"), value: sum(t, "committees", "sepc") },
                ]
              : []),
            { key: "meetings_depc", label: tx("meetingsDepc"), value: sum(t, "meetings_held", "depc") },
            ...(aboveDistrict
              ? [{ key: "meetings_sepc", label: tx("meetingsSepc"), value: sum(t, "meetings_held", "sepc") }]
              : []),
          ],
        },
      ],
    },
    {
      id: "plans",
      title: tx("sPlans"),
      note: tx("sPlansNote"),
      href: { path: "/export-plans", query: placeQuery(scope, false) },
      facts: [
        { id: "plans_adopted", label: tx("plansAdopted"), value: sum(t, "plans_adopted"), unit: "count" },
      ],
      charts: [
        {
          id: "plans",
          title: tx("plansChart"),
          unit: "count",
          rows: [
            ...(planFigureDims.plans ?? []).map((d) => ({
              key: d,
              label: planDimLabel(lang, "plans", d) ?? d,
              value: sum(t, "plans", d),
            })),
            { key: "none", label: tx("noPlan"), value: Math.max(0, f.districts - districtsWith(t, "plans")) },
          ],
        },
      ],
    },
    {
      id: "bottlenecks",
      title: tx("sBottlenecks"),
      note: tx("sBottlenecksNote"),
      facts: [
        { id: "open", label: tx("openNow"), value: sum(t, "open_by_queue"), unit: "count" },
        {
          id: "days_to_resolve",
          label: tx("daysToResolve"),
          value: ratio(sum(t, "days_to_resolve"), rows(t, "days_to_resolve")),
          unit: "days",
        },
        {
          id: "actions_on_time",
          label: tx("actionsOnTime"),
          value: ratio(sum(t, "actions_due", "on_time"), sum(t, "actions_due"), 100),
          unit: "percent",
        },
      ],
      charts: [
        {
          id: "bottlenecks_flow",
          title: tx("flowChart"),
          unit: "count",
          rows: [
            { key: "raised", label: tx("raised"), value: sum(t, "bottlenecks_raised") },
            { key: "resolved", label: tx("resolved"), value: sum(t, "bottlenecks_resolved") },
          ],
        },
        dimChart(
          "open_by_category",
          tx("openByCategory"),
          t,
          "open_by_category",
          f.categories.map((c) => c.code),
          (code) => {
            const c = f.categories.find((x) => x.code === code);
            return (lang === "hi" ? c?.nameHi : c?.nameEn) ?? code;
          },
        ),
        dimChart("open_by_age", tx("openByAge"), t, "open_by_age", ["0-30", "31-90", "91+"], (d) =>
          tx(d === "0-30" ? "age_0_30" : d === "31-90" ? "age_31_90" : "age_91"),
        ),
        dimChart(
          "open_by_queue",
          tx("openByQueue"),
          t,
          "open_by_queue",
          ["open", "at_state", "at_nation"],
          (d) => tx(`queue_${d}` as "queue_open"),
        ),
      ],
    },
    {
      id: "producers",
      title: tx("sProducers"),
      note: tx("sProducersNote"),
      href: { path: "/producers", query: placeQuery(scope) },
      facts: [
        {
          id: "registered",
          label: tx("registeredInPeriod"),
          value: sum(t, "producers_registered"),
          unit: "count",
        },
        { id: "verified", label: tx("verified"), value: sum(t, "producers", "verified"), unit: "count" },
        {
          id: "on_gem",
          label: tx("onGem"),
          value: sum(t, "gem", "registered") + sum(t, "gem", "listed"),
          unit: "count",
        },
      ],
      charts: [
        dimChart("producers", tx("producersChart"), t, "producers", producerFigureDims.producers ?? [], (d) =>
          producerDimLabel(lang, "producers", d),
        ),
        dimChart("gem", tx("gemStages"), t, "gem", tradeFigureDims.gem ?? [], (d) =>
          tradeDimLabel(lang, "gem", d),
        ),
      ],
    },
    {
      id: "trade",
      title: tx("sTrade"),
      note: tx("sTradeNote"),
      href: { path: "/bazaar", query: placeQuery(scope) },
      facts: [
        { id: "listings", label: tx("listings"), value: sum(t, "listings"), unit: "count" },
        { id: "order_value", label: tx("orderValue"), value: sum(t, "orders_value_inr"), unit: "inr" },
        {
          id: "conversion",
          label: tx("conversion"),
          value: ratio(sum(t, "orders"), sum(t, "rfqs"), 100),
          unit: "percent",
        },
        {
          id: "hours_to_quote",
          label: tx("hoursToQuote"),
          value: ratio(sum(t, "hours_to_first_quote"), rows(t, "hours_to_first_quote")),
          unit: "hours",
        },
      ],
      charts: [
        {
          id: "funnel",
          title: tx("funnelChart"),
          unit: "count",
          rows: [
            { key: "rfqs", label: tx("rfqs"), value: sum(t, "rfqs") },
            { key: "quotes", label: tx("quotes"), value: sum(t, "quotes") },
            { key: "orders", label: tx("orders"), value: sum(t, "orders") },
          ],
        },
        dimChart("orders", tx("ordersByState"), t, "orders", tradeFigureDims.orders ?? [], (d) =>
          tradeDimLabel(lang, "orders", d),
        ),
      ],
    },
    {
      id: "events",
      title: tx("sEvents"),
      note: tx("sEventsNote"),
      href: { path: "/events", query: { when: "past", ...placeQuery(scope, false) } },
      facts: [
        { id: "events_held", label: tx("eventsHeld"), value: sum(t, "events"), unit: "count" },
        { id: "meetings", label: tx("meetMeetings"), value: sum(t, "meet_meetings"), unit: "count" },
        { id: "leads", label: tx("leads"), value: sum(t, "outcomes", "leads"), unit: "count" },
        { id: "lois", label: tx("lois"), value: sum(t, "outcomes", "letters_of_intent"), unit: "count" },
        { id: "loi_value", label: tx("loiValue"), value: sum(t, "outcomes", "loi_value_inr"), unit: "inr" },
      ],
      charts: [
        dimChart("events", tx("eventsHeld"), t, "events", promotionFigureDims.events ?? [], (d) =>
          promotionDimLabel(lang, "events", d),
        ),
        {
          id: "participants",
          title: tx("participantsChart"),
          unit: "count",
          rows: (promotionFigureDims.registrations ?? []).flatMap((side) => [
            {
              key: `registered_${side}`,
              label: `${tx("registrations")}: ${promotionDimLabel(lang, "registrations", side)}`,
              value: sum(t, "registrations", side),
            },
            {
              key: `attended_${side}`,
              label: `${tx("attended")}: ${promotionDimLabel(lang, "attended", side)}`,
              value: sum(t, "attended", side),
            },
          ]),
        },
      ],
    },
    {
      id: "exports",
      title: tx("sExports"),
      note: tx("sExportsNote", { fy: f.exportsYear ?? "—" }),
      href: { path: "/exports", query: placeQuery(scope, false) },
      facts: [
        {
          id: "exports",
          label: tx("exportsTotal", { fy: f.exportsYear ?? "—" }),
          value: sum(t, "exports_inr"),
          unit: "inr",
        },
      ],
      charts: [
        dimChart(
          "exports",
          tx("exportsChart"),
          t,
          "exports_inr",
          presentDims(t, "exports_inr", 12),
          (d) => exportSectorName(d, lang),
          "inr",
        ),
      ],
    },
  ];
  return sections;
}

/** The facts shown first, at the top of a dashboard. */
export const keyFactIds = [
  "products",
  "coverage",
  "plans_adopted",
  "open",
  "verified",
  "order_value",
  "events_held",
  "exports",
];

/** The figures compared between places, and the key figures at the top of the page. */
export const comparedFigures = [
  { id: "products", figure: "products", label: "products" },
  { id: "plans_adopted", figure: "plans_adopted", label: "plansAdopted" },
  { id: "raised", figure: "bottlenecks_raised", label: "bRaised" },
  { id: "resolved", figure: "bottlenecks_resolved", label: "bResolved" },
  { id: "open", figure: "open_by_queue", label: "openNow" },
  { id: "verified", figure: "producers", dim: "verified", label: "verified" },
  { id: "listings", figure: "listings", label: "listings" },
  { id: "rfqs", figure: "rfqs", label: "rfqs" },
  { id: "orders", figure: "orders", label: "orders" },
  { id: "order_value", figure: "orders_value_inr", label: "orderValue", unit: "inr" },
  { id: "events", figure: "events", label: "eventsHeld" },
] as const satisfies readonly {
  id: string;
  figure: string;
  dim?: string;
  label: Parameters<InsightText>[0];
  unit?: Unit;
}[];

export function median(values: number[]): number {
  if (values.length === 0) return 0;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}
