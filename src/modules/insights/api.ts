import { z } from "zod";
import type { Db } from "../../platform/db";
import { AppError } from "../../platform/errors";
import { lgdCode } from "../../platform/ids";
import type { ApiRegistry } from "../../web/api/registry";
import { comparedFigures } from "./dashboard";
import { dashboardRequest } from "./dashboard-request";
import { insightText } from "./messages";
import { fyOf } from "./periods";
import { dashboardData } from "./queries/dashboard-data";
import { rankingOf } from "./queries/ranking";
import { indicators, rankingColumns } from "./ranking";
import { nationalStats } from "./stats";

const statsSchema = z.object({
  states: z.number().int(),
  districts: z.number().int().describe("Districts in the current LGD list"),
  products: z.number().int().describe("Products in the live revision"),
  districtsWithProducts: z.number().int(),
  giRegistrations: z.number().int(),
  revision: z.object({ id: z.string(), title: z.string(), publishedAt: z.string() }).nullable(),
});

const unit = z.enum(["count", "inr", "percent", "days", "hours"]).describe("inr: rupees; percent: 0–100");
const dashboardSchema = z.object({
  scope: z.object({
    level: z.enum(["nation", "state", "district"]),
    stateLgdCode: z.number().int().nullable(),
    districtLgdCode: z.number().int().nullable(),
  }),
  period: z.object({
    key: z.string().describe('"all", a financial year ("2026-27") or a quarter of it ("2026-27-q1")'),
    fromMonth: z.string().nullable(),
    toMonth: z.string().nullable(),
  }),
  asOf: z.string().describe("When the figures were counted (they are counted afresh every ten minutes)"),
  sections: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      facts: z.array(z.object({ id: z.string(), label: z.string(), value: z.number().nullable(), unit })),
      charts: z.array(
        z.object({
          id: z.string(),
          title: z.string(),
          unit,
          rows: z.array(z.object({ key: z.string(), label: z.string(), value: z.number() })),
        }),
      ),
    }),
  ),
  comparisons: z
    .array(
      z.object({
        figure: z.string(),
        label: z.string(),
        value: z.number().describe("This place's figure"),
        peersMedian: z
          .number()
          .describe("A district: its State's median district; a State: the median State"),
        reference: z.number().describe("A district: India's median district; a State: India as a whole"),
      }),
    )
    .describe("Empty for the nation"),
  places: z
    .array(
      z.object({
        lgdCode: z.number().int(),
        name: z.string(),
        figures: z.record(z.string(), z.number()),
      }),
    )
    .describe(
      "The States of the nation, or the districts of a State, with the compared figures; empty for a district",
    ),
});

export function registerInsightsApi(api: ApiRegistry, db: Db): void {
  api.get({
    path: "/stats",
    keptUnder: "registry",
    summary: "National figures of the live revision, counted from the database",
    tag: "Figures",
    response: statsSchema,
    handler: async () => {
      const s = await nationalStats(db);
      return {
        states: s.states,
        districts: s.districts,
        products: s.products,
        districtsWithProducts: s.districtsWithProducts,
        giRegistrations: s.giRegistrations,
        revision: s.revision && {
          id: s.revision.id,
          title: s.revision.title,
          publishedAt: s.revision.publishedAt,
        },
      };
    },
  });

  api.get({
    path: "/insights/dashboard",
    summary:
      "The dashboard of the nation, a State or a district for a period: the programme's figures as the pages show them (demo rows left out)",
    tag: "Figures",
    query: z.object({
      state: lgdCode.optional().describe("LGD code of a State: its dashboard"),
      district: lgdCode.optional().describe("LGD code of a district: its dashboard (the State is implied)"),
      period: z
        .string()
        .regex(
          /^(all|\d{4}-\d{2}(-q[1-4])?)$/,
          "must be all, a financial year (2026-27) or a quarter (2026-27-q1)",
        )
        .optional()
        .describe("Default: the current financial year"),
    }),
    response: dashboardSchema,
    handler: async ({ query }) => {
      const req = await dashboardRequest(
        db,
        { state: query.state?.toString(), district: query.district?.toString(), period: query.period },
        {},
      );
      const data = await dashboardData(db, "en", req.scope, req.period, false);
      if (!data) throw new AppError("unavailable", insightText("en")("notYet"));
      const tx = insightText("en");
      return {
        scope: {
          level: req.scope.level,
          stateLgdCode: req.scope.level === "nation" ? null : req.scope.state,
          districtLgdCode: req.scope.level === "district" ? req.scope.district : null,
        },
        period: { key: req.period.key, fromMonth: req.period.from, toMonth: req.period.to },
        asOf: data.run.finishedAt.toISOString(),
        sections: data.sections.map((s) => ({ id: s.id, title: s.title, facts: s.facts, charts: s.charts })),
        comparisons: data.comparisons.map((c) => ({
          figure: c.id,
          label: tx(c.figure.label),
          value: c.values[0] ?? 0,
          peersMedian: c.values[1] ?? 0,
          reference: c.values[2] ?? 0,
        })),
        places: data.places.map((p) => ({
          lgdCode: p.lgdCode,
          name: p.nameEn,
          figures: Object.fromEntries(comparedFigures.map((f, i) => [f.id, p.values[i] ?? 0])),
        })),
      };
    },
  });

  api.get({
    path: "/insights/ranking/{year}",
    summary:
      "The District Export Ranking Index of a financial year (by the calendar year it starts in: 2026 is FY 2026-27): as published, or provisional until then",
    tag: "Figures",
    params: z.object({ year: z.coerce.number().int().min(2020).max(2100) }),
    query: z.object({
      state: lgdCode.optional().describe("Only this State's districts, ranked within it"),
    }),
    item: rankingItem,
    handler: async ({ params, query }) => {
      if (params.year > fyOf(new Date()))
        throw new AppError("not_found", "That financial year has not begun");
      const ranking = await rankingOf(db, params.year);
      if (!ranking) throw new AppError("unavailable", insightText("en")("notYet"));
      const rows = query.state
        ? ranking.rows.filter((r) => r.state === query.state).sort((a, b) => a.stateRank - b.stateRank)
        : ranking.rows;
      return {
        total: rows.length,
        items: rows
          .slice(query.offset, query.offset + query.limit)
          .map((r) => ({ ...rankingColumns(r), status: ranking.status })),
      };
    },
  });
}

const rankingItem = z.object({
  districtLgdCode: z.number().int(),
  stateLgdCode: z.number().int(),
  status: z.enum(["published", "provisional"]),
  score: z.number().describe("The index, 0–100: the weighted mean of the indicators' scores"),
  nationalRank: z.number().int(),
  stateRank: z.number().int(),
  ...Object.fromEntries(
    indicators.flatMap((i) => [
      [`${i.id}Value`, z.number().describe(i.en.what)],
      [
        `${i.id}Score`,
        z
          .number()
          .describe(
            `${i.en.name}, scored 0–100 (${i.scale === "log" ? "log scale against the largest district" : "as a percentage"})`,
          ),
      ],
    ]),
  ),
});
