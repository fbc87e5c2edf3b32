import { Hono } from "hono";
import type { Db } from "../../../platform/db";
import type { OpenDataSource } from "../open-data/build";
import { districtPage } from "./district";
import { exportRankingPage } from "./export-ranking";
import { districtsPage, giPages, sectorPages } from "./lists";
import { openDataPages } from "./open-data";
import { productPage } from "./product";
import { revisionPages } from "./revisions";
import { searchPage } from "./search";
import { statePage } from "./state";

/** The registry's public pages over the live revision. */
export function catalogPages(
  db: Db,
  opts: {
    externalImages: boolean;
    openDataDir: string;
    /** Other modules' open data, written and served beside the registry's. */
    openDataSources?: readonly OpenDataSource[];
    /** Verified producers of a product (the producers module answers; catalog does not know its tables). */
    verifiedProducersOf?: (productId: number) => Promise<number>;
  },
): Hono {
  const app = new Hono();
  statePage(app, db);
  districtsPage(app, db);
  districtPage(app, db);
  productPage(app, db, opts);
  sectorPages(app, db);
  giPages(app, db);
  searchPage(app, db);
  exportRankingPage(app, db);
  openDataPages(app, db, opts.openDataDir, opts.openDataSources ?? []);
  revisionPages(app, db);
  return app;
}

export { catalogActions, giReviewPages } from "./gi-review";
export { proposalActions, proposalPages } from "./proposals";
export { revisionActions, revisionAdminPages } from "./revisions";
export { SectorMap } from "./shared";
