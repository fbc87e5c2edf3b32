import type { DbOrTx } from "../../platform/db";
import type { Dataset, OpenDataSource } from "../catalog";
import { listingOut } from "./presenters";
import { listingDataStamp, openListingsAfter } from "./queries";

// The columns are the presenter's fields, in its order: read off an empty row so that the two cannot drift apart.
const columns = Object.keys(listingOut({} as never));

/** The bazaar's published listings as open data: real ones only (never demo), never a producer's contact. */
export const tradeOpenData: OpenDataSource = {
  stamp: listingDataStamp,
  datasets: async (db: DbOrTx): Promise<Dataset[]> => [
    {
      id: "bazaar-listings",
      title: "ODOP Bazaar listings",
      titleHi: "ओडीओपी बाज़ार लिस्टिंग",
      description:
        "What verified producers offer in the ODOP Bazaar, as published: State and district (LGD codes), the ODOP product (id) or other product, sector, HS 2022 heading, titles in English and Hindi, unit, minimum order, monthly capacity, lead time in days, price band per unit (₹), FOB price (US$), certifications claimed (GI authorised user number, organic, BIS), samples, when published and its page. Producers' contacts are not included.",
      descriptionHi:
        "ओडीओपी बाज़ार में सत्यापित उत्पादक जो प्रकाशित करते हैं: राज्य और ज़िला (एलजीडी कोड), ओडीओपी उत्पाद (आईडी) या अन्य उत्पाद, क्षेत्र, एचएस 2022 शीर्ष, अंग्रेज़ी और हिंदी शीर्षक, इकाई, न्यूनतम ऑर्डर, मासिक क्षमता, आपूर्ति समय, प्रति इकाई मूल्य सीमा (₹), एफ़ओबी मूल्य (US$), प्रमाणन, नमूने, प्रकाशन तिथि और पृष्ठ। उत्पादकों का संपर्क शामिल नहीं।",
      source: "ODOP Hub: listings published by producers verified by their district's officer",
      attribution: "Producers of the ODOP Bazaar; compiled by ODOP Hub",
      revision: null,
      columns,
      rows: async function* () {
        let after = 0;
        for (;;) {
          const page = await openListingsAfter(db, after, 5_000);
          if (page.length === 0) return;
          after = page[page.length - 1]?.id ?? after;
          yield page.map(listingOut);
        }
      },
    },
  ],
};
