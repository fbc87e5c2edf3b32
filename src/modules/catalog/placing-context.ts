import type { DbOrTx } from "../../platform/db";
import * as geo from "../geo";
import { GiIndex } from "./gi-match";
import type { PlacingContext } from "./odop-rows";
import { allGiRecords } from "./queries";

/** Everything placing an ODOP list needs from the database, read once before the rows are placed. */
export async function loadPlacingContext(db: DbOrTx): Promise<PlacingContext> {
  const districts = await geo.listDistricts(db);
  return {
    places: await geo.loadPlaceIndex(db),
    gi: new GiIndex(await allGiRecords(db)),
    districtState: new Map(districts.map((d) => [d.lgdCode, d.stateLgdCode])),
  };
}
