import { buildOpenData } from "./modules/catalog";
import { insightsOpenData } from "./modules/insights";
import { planningOpenData } from "./modules/planning";
import { promotionOpenData } from "./modules/promotion";
import { tradeOpenData } from "./modules/trade";
import type { DbOrTx } from "./platform/db";

/** Every module's open data beside the registry's: the one list the builder, the pages and the API share. */
export const openDataSources = [planningOpenData, tradeOpenData, promotionOpenData, insightsOpenData];

/** Writes the open-data files of all of it (what the server's job, the CLIs and tests call). */
export const buildAllOpenData = (db: DbOrTx, dir: string) => buildOpenData(db, dir, openDataSources);
