import { z } from "zod";
import type { Db } from "../../platform/db";
import { intId, lgdCode } from "../../platform/ids";
import type { ApiRegistry } from "../../web/api/registry";
import { producerKinds } from "./kinds";
import { openDirectory } from "./queries";

const producerItem = z.object({
  id: z.number().int(),
  name: z.string(),
  kind: z.enum(producerKinds),
  stateLgdCode: z.number().int(),
  districtLgdCode: z.number().int(),
  odopProductId: z
    .number()
    .int()
    .nullable()
    .describe("The ODOP product it makes (id in the products list), if any"),
  otherProducts: z.string().nullable(),
  description: z.string().nullable(),
  profile: z
    .string()
    .describe("Its page in the directory (contacts are exchanged only through an accepted quote)"),
});

/** The verified producer directory as open data: no contact details, no demo producers. */
export function registerProducersApi(api: ApiRegistry, db: Db): void {
  api.get({
    path: "/producers",
    summary: "Verified producers (artisans, weavers, MSMEs, FPOs, SHGs, cooperatives, exporters)",
    tag: "Producers",
    item: producerItem,
    query: z.object({
      state: lgdCode.optional().describe("LGD code of the State"),
      district: lgdCode.optional().describe("LGD code of the district"),
      product: intId.optional().describe("ODOP product id"),
      q: z
        .string()
        .trim()
        .min(1)
        .max(100)
        .optional()
        .describe("Part of the name or of the products it makes"),
    }),
    handler: async ({ query }) => {
      const { rows, total } = await openDirectory(db, query);
      return {
        total,
        items: rows.map(({ isDemo: _demo, status: _status, ...p }) => ({
          ...p,
          profile: `/producers/${p.id}`,
        })),
      };
    },
  });
}
