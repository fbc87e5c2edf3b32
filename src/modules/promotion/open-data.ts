import type { DbOrTx } from "../../platform/db";
import type { Dataset, OpenDataSource } from "../catalog";
import { catalogueItemOut, eventOut } from "./presenters";
import { catalogueDataStamp, itemsOf, openCatalogues } from "./queries/catalogues";
import { eventDataStamp, openEventsAfter } from "./queries/events";

// The columns are the presenter's fields, in its order: read off an empty row so that the two cannot drift apart.
const columns = Object.keys(eventOut({} as never));
const itemColumns = Object.keys(catalogueItemOut({} as never, { product: {} } as never));

/**
 * Published events as open data: real ones only (never demo or drafts), never who registered; and the products of
 * published real gift catalogues.
 */
export const promotionOpenData: OpenDataSource = {
  stamp: async (db) => `${await eventDataStamp(db)}|${await catalogueDataStamp(db)}`,
  datasets: async (db: DbOrTx): Promise<Dataset[]> => [
    {
      id: "events",
      title: "ODOP events and buyer-seller meets",
      titleHi: "ओडीओपी आयोजन और क्रेता-विक्रेता बैठकें",
      description:
        "Exhibitions, trainings, workshops, GeM drives, Indian Missions' showcases and buyer-seller meets published on ODOP Hub: kind, state (published or cancelled), titles in English and Hindi, organiser (district, State, nation or Mission, with LGD codes or the Mission's country), time zone, start and end (UTC, ISO 8601), online or venue, city and country, sectors, places, and the outcomes the organiser recorded (leads, letters of intent and their value in ₹). Who registered is not included.",
      descriptionHi:
        "ओडीओपी हब पर प्रकाशित प्रदर्शनियाँ, प्रशिक्षण, कार्यशालाएँ, जीईएम अभियान, भारतीय मिशनों के प्रदर्शन और क्रेता-विक्रेता बैठकें: प्रकार, स्थिति, अंग्रेज़ी और हिंदी शीर्षक, आयोजक (एलजीडी कोड या मिशन का देश), समय क्षेत्र, आरंभ और समाप्ति (UTC), ऑनलाइन या स्थल, शहर और देश, क्षेत्र, स्थान, और आयोजक द्वारा दर्ज परिणाम (संपर्क, आशय पत्र और उनका मूल्य ₹ में)। पंजीकृत लोगों के नाम शामिल नहीं।",
      source: "ODOP Hub: events published by district, State and national officers and Indian Missions",
      attribution: "Organisers of ODOP events; compiled by ODOP Hub",
      revision: null,
      columns,
      rows: async function* () {
        let after = 0;
        for (;;) {
          const page = await openEventsAfter(db, after, 5_000);
          if (page.length === 0) return;
          after = page[page.length - 1]?.id ?? after;
          yield page.map(eventOut);
        }
      },
    },
    {
      id: "gift-catalogues",
      title: "ODOP gift catalogues and campaigns",
      titleHi: "ओडीओपी उपहार सूचियाँ और अभियान",
      description:
        "The products of each published gift catalogue or campaign (such as an \"A to Z of India\"), one row per product in the catalogue's order: the catalogue's address and titles, the position and label, the ODOP product (id, name, address) with its State and district (LGD codes), and the notes in English and Hindi.",
      descriptionHi:
        "हर प्रकाशित उपहार सूची या अभियान के उत्पाद, सूची के क्रम में एक पंक्ति प्रति उत्पाद: सूची का पता और शीर्षक, क्रम और लेबल, ओडीओपी उत्पाद (आईडी, नाम, पता) उसके राज्य और ज़िले (एलजीडी कोड) के साथ, और अंग्रेज़ी व हिंदी टिप्पणियाँ।",
      source: "ODOP Hub: catalogues curated by the national administrator from the ODOP list",
      attribution: "ODOP Hub",
      revision: null,
      columns: itemColumns,
      rows: async function* () {
        for (const k of await openCatalogues(db))
          yield (await itemsOf(db, k.id)).map((i) => catalogueItemOut(k, i));
      },
    },
  ],
};
