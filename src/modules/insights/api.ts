import { Hono } from "hono";
import type { Db } from "../../platform/db";
import { nationalStats } from "./stats";

export function insightsApi(db: Db): Hono {
  const app = new Hono();
  app.get("/stats", async (c) => {
    const s = await nationalStats(db);
    return c.json({
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
    });
  });
  return app;
}
