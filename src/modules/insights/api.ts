import { z } from "zod";
import type { Db } from "../../platform/db";
import type { ApiRegistry } from "../../web/api/registry";
import { nationalStats } from "./stats";

const statsSchema = z.object({
  states: z.number().int(),
  districts: z.number().int().describe("Districts in the current LGD list"),
  products: z.number().int().describe("Products in the live revision"),
  districtsWithProducts: z.number().int(),
  giRegistrations: z.number().int(),
  revision: z.object({ id: z.string(), title: z.string(), publishedAt: z.string() }).nullable(),
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
}
