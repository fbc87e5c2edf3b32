import type { DbOrTx } from "../../platform/db";
import type { Dataset, OpenDataSource } from "../catalog";
import { allPublishedRows, rankingStamp } from "./queries/ranking";
import { indicators, rankingColumns } from "./ranking";

async function* once<T>(load: () => Promise<T[]>): AsyncIterable<T[]> {
  yield await load();
}

/** The District Export Ranking Index as open data: published years only (a provisional ranking is not data yet). */
export const insightsOpenData: OpenDataSource = {
  stamp: rankingStamp,
  datasets: async (db: DbOrTx): Promise<Dataset[]> => [
    {
      id: "district-export-ranking",
      title: "District Export Ranking Index (published years)",
      titleHi: "ज़िला निर्यात रैंकिंग सूचकांक (प्रकाशित वर्ष)",
      description:
        "Each published year's index of every district: financial year (by the year it starts), State and district (LGD codes), the index (0–100), the national rank and the rank within the State, and each indicator's value and score. The method and the weights of each year: /ranking/method.",
      descriptionHi:
        "हर प्रकाशित वर्ष में हर ज़िले का सूचकांक: वित्त वर्ष, राज्य और ज़िला (एलजीडी कोड), सूचकांक (0–100), राष्ट्रीय रैंक और राज्य में रैंक, और हर संकेतक का मान और अंक। हर वर्ष की पद्धति और भार: /ranking/method।",
      source:
        "ODOP Hub: computed from the platform's records and DGCI&S exports, published by the national administrator",
      attribution: "DPIIT / DGFT; compiled by ODOP Hub",
      revision: null,
      columns: [
        "year",
        "stateLgdCode",
        "districtLgdCode",
        "score",
        "nationalRank",
        "stateRank",
        ...indicators.flatMap((i) => [`${i.id}Value`, `${i.id}Score`]),
      ],
      rows: () =>
        once(async () => (await allPublishedRows(db)).map((r) => ({ year: r.year, ...rankingColumns(r) }))),
    },
  ],
};
