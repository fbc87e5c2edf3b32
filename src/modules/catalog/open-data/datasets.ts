import type { DbOrTx } from "../../../platform/db";
import { type Batches, pagesOf } from "../../../platform/file-writers";
import { publicDecisions, publicMeetings } from "../../committees";
import * as geo from "../../geo";
import { giOut } from "../presenters";
import {
  allRevisions,
  giLinksOfRevision,
  listGi,
  liveRevision,
  pageExports,
  productsOfRevision,
  sectorsWithCounts,
} from "../queries";

export type Dataset = {
  id: string;
  title: string;
  titleHi: string;
  description: string;
  descriptionHi: string;
  source: string;
  attribution: string;
  revision: string | null;
  columns: string[];
  rows: () => Batches;
  /** Districts also come as GeoJSON. */
  features?: () => AsyncIterable<{ geometry: unknown; properties: Record<string, unknown> }[]>;
};

async function* once<T>(load: () => Promise<T[]>): AsyncIterable<T[]> {
  yield await load();
}

const lgd = "Local Government Directory (LGD), Government of India, snapshot of 19 Sep 2026";

/** The registry's open datasets, read from the real tables only: nothing generated or demo is ever in them. */
export async function openDatasets(db: DbOrTx): Promise<Dataset[]> {
  const revisions = await allRevisions(db);
  const live = await liveRevision(db);
  const products = revisions.map(
    (rev): Dataset => ({
      id: `odop-products-${rev.id}`,
      title: `ODOP products — ${rev.titleEn}${rev.isLive ? " (live)" : ""}`,
      titleHi: `ओडीओपी उत्पाद — ${rev.titleHi}${rev.isLive ? " (लागू)" : ""}`,
      description: `Every product of list revision "${rev.id}" with its State and district (LGD codes and current names), rank, sector and how the sector was set, linked GI registrations and the source row. ${rev.notes}`,
      descriptionHi: `सूची संशोधन "${rev.id}" का हर उत्पाद: उसका ज़िला (एलजीडी कोड), क्रम, क्षेत्र और वह कैसे तय हुआ, जुड़े जीआई पंजीकरण और स्रोत पंक्ति।`,
      source: rev.source,
      attribution: "DPIIT / Invest India; compiled by ODOP Hub",
      revision: rev.id,
      columns: [
        "slug",
        "name",
        "nameHi",
        "rank",
        "stateLgdCode",
        "stateName",
        "districtLgdCode",
        "districtName",
        "stateAsPublished",
        "districtAsPublished",
        "districtMatch",
        "sector",
        "sectorSetBy",
        "sectorRule",
        "giIds",
        "sourceFile",
        "sourceRow",
      ],
      rows: () =>
        once(async () => {
          const [links, states, districts] = await Promise.all([
            giLinksOfRevision(db, rev.id),
            geo.listStates(db),
            geo.listDistricts(db),
          ]);
          // The current LGD names beside the codes (the names as published are in their own columns).
          const stateName = new Map(states.map((x) => [x.lgdCode, x.nameEn]));
          const districtName = new Map(districts.map((x) => [x.lgdCode, x.nameEn]));
          return (await productsOfRevision(db, rev.id)).map((p) => ({
            ...p,
            stateName: stateName.get(p.stateLgdCode) ?? null,
            districtName: districtName.get(p.districtLgdCode) ?? null,
            sector: p.sectorCode,
            giIds: links.filter((l) => l.productId === p.id).map((l) => l.giId),
          }));
        }),
    }),
  );
  const districts: Dataset = {
    id: "districts",
    title: "Districts with LGD codes and every other name",
    titleHi: "एलजीडी कोड और सभी अन्य नामों सहित ज़िले",
    description:
      "Every district: LGD and Census codes, State, Hindi name (where a source gives one), whether it is in the current LGD list, whether the 2020 boundaries draw it, and every former name or spelling the sources use.",
    descriptionHi:
      "हर ज़िला: एलजीडी और जनगणना कोड, राज्य, हिन्दी नाम (जहाँ कोई स्रोत देता है), वर्तमान एलजीडी सूची में है या नहीं, 2020 की सीमाओं में बनता है या नहीं, और स्रोतों में प्रयुक्त हर पुराना नाम या वर्तनी।",
    source: `${lgd}; ODOP list; DataMeet boundaries; @coffeebeanslabs/country_state_district (Hindi)`,
    attribution: "LGD (GODL-India); boundaries © DataMeet, covid19india (CC BY 4.0, MIT)",
    revision: null,
    columns: [
      "lgdCode",
      "name",
      "nameHi",
      "nameHiSource",
      "stateLgdCode",
      "stateName",
      "census2011Code",
      "census2001Code",
      "inCurrentLgd",
      "hasBoundary",
      "otherNames",
    ],
    rows: () =>
      once(async () => {
        const states = new Map((await geo.listStates(db)).map((s) => [s.lgdCode, s.nameEn]));
        const aliases = await geo.aliasesByDistrict(db);
        return (await geo.listDistricts(db)).map((d) => ({
          ...d,
          name: d.nameEn,
          stateName: states.get(d.stateLgdCode) ?? "",
          otherNames: aliases.get(d.lgdCode) ?? [],
        }));
      }),
    features: () =>
      once(async () => {
        const byCode = new Map((await geo.listDistricts(db)).map((d) => [d.lgdCode, d]));
        return (await geo.boundaryGeometries(db, "district")).map((b) => ({
          geometry: b.geometry,
          properties: {
            lgdCode: b.lgdCode,
            name: byCode.get(b.lgdCode)?.nameEn ?? null,
            stateLgdCode: byCode.get(b.lgdCode)?.stateLgdCode ?? null,
          },
        }));
      }),
  };
  const gi: Dataset = {
    id: "gi-register",
    title: "Registered Geographical Indications, with linked ODOP products",
    titleHi: "पंजीकृत भौगोलिक संकेत, जुड़े ओडीओपी उत्पादों सहित",
    description:
      "The IP India register of registered GIs (about Oct 2025): serial (29 is used twice), name, class, States, origin, and the slugs of live products linked by name match (suggestions until an administrator confirms them).",
    descriptionHi:
      "आईपी इंडिया का पंजीकृत जीआई रजिस्टर (लगभग अक्टूबर 2025): क्रमांक (29 दो बार प्रयुक्त), नाम, वर्ग, राज्य, मूल, और नाम-मिलान से जुड़े लागू उत्पाद (प्रशासक की पुष्टि तक सुझाव)।",
    source: "IP India (CGPDTM) register of registered GIs",
    attribution: "IP India; links by ODOP Hub",
    revision: live?.id ?? null,
    columns: [
      "id",
      "serial",
      "name",
      "goodsClass",
      "states",
      "origin",
      "duplicateOfSerial",
      "linkedProductSlugs",
    ],
    rows: () =>
      once(async () => {
        const links = live ? await giLinksOfRevision(db, live.id) : [];
        return (await listGi(db, live?.id ?? "", {})).map((g) => ({
          ...giOut(g),
          linkedProductSlugs: links.filter((l) => l.giId === g.id).map((l) => l.slug),
        }));
      }),
  };
  const exportsData: Dataset = {
    id: "district-exports-2024-25",
    title: "Exports by district of origin and sector, FY 2024-25",
    titleHi: "मूल ज़िले और क्षेत्र के अनुसार निर्यात, वित्त वर्ष 2024-25",
    description:
      "DGCI&S district-of-origin exports aggregated into 22 HS-based sectors, in whole US dollars and rupees, joined to LGD districts where the name could be placed (districtLgdCode is empty where not). All rows add up to US$437.7 billion.",
    descriptionHi:
      "डीजीसीआईएंडएस मूल-ज़िला निर्यात, 22 एचएस आधारित क्षेत्रों में, पूरे अमेरिकी डॉलर और रुपये में, जहाँ नाम मिल सका वहाँ एलजीडी ज़िले से जुड़ा। सभी पंक्तियों का योग 437.7 अरब अमेरिकी डॉलर है।",
    source:
      "DGCI&S district-of-origin export data; sector aggregation by the dist_complexity_analysis project (MIT)",
    attribution: "DGCI&S; dist_complexity_analysis",
    revision: null,
    columns: [
      "fiscalYear",
      "stateLgdCode",
      "districtLgdCode",
      "stateAsGiven",
      "districtAsGiven",
      "districtMatch",
      "sector",
      "exportUsd",
      "exportInr",
      "sourceRow",
    ],
    rows: () =>
      pagesOf((offset, limit) =>
        pageExports(db, {}, { limit, offset, sort: "district" }).then((p) => p.items),
      ),
  };
  const sectors: Dataset = {
    id: "sectors",
    title: "Sectors of ODOP products",
    titleHi: "ओडीओपी उत्पादों के क्षेत्र",
    description:
      "The sector taxonomy in English and Hindi with the number of products of the live revision in each.",
    descriptionHi: "ओडीओपी उत्पादों के क्षेत्र, अंग्रेज़ी और हिन्दी में, लागू संशोधन में हर क्षेत्र के उत्पादों की संख्या सहित।",
    source: "ODOP Hub taxonomy",
    attribution: "ODOP Hub",
    revision: live?.id ?? null,
    columns: ["code", "name", "nameHi", "products"],
    rows: () => once(() => sectorsWithCounts(db, live?.id ?? null)),
  };
  const meetings: Dataset = {
    id: "committee-meetings",
    title: "Meetings of District and State Export Promotion Committees",
    titleHi: "ज़िला और राज्य निर्यात संवर्धन समितियों की बैठकें",
    description:
      "Every meeting the committees recorded on ODOP Hub: committee, State and district (LGD codes), start (ISO 8601; held in India Standard Time), length, venue, whether it was online (links go to members only), status, the reason of a cancellation, when its minutes were published, and its agenda.",
    descriptionHi:
      "ओडीओपी हब पर दर्ज समितियों की हर बैठक: समिति, राज्य और ज़िला (एलजीडी कोड), आरंभ (आईएसओ 8601; भारतीय मानक समय में), अवधि, स्थान, ऑनलाइन थी या नहीं, स्थिति, रद्द होने का कारण, कार्यवृत्त कब प्रकाशित हुआ, और कार्यसूची।",
    source: "ODOP Hub: recorded by the committees' conveners",
    attribution: "District and State Export Promotion Committees; compiled by ODOP Hub",
    revision: null,
    columns: [
      "id",
      "committeeKind",
      "committeeName",
      "committeeNameHi",
      "stateLgdCode",
      "districtLgdCode",
      "startsAt",
      "durationMinutes",
      "venue",
      "online",
      "state",
      "cancelReason",
      "minutesPublishedAt",
      "agenda",
    ],
    rows: () =>
      once(async () =>
        (await publicMeetings(db)).items.map((m) => ({
          ...m,
          startsAt: m.startsAt.toISOString(),
          minutesPublishedAt: m.minutesPublishedAt?.toISOString() ?? null,
        })),
      ),
  };
  const decisions: Dataset = {
    id: "committee-decisions",
    title: "Decisions in the published minutes of the committees",
    titleHi: "समितियों के प्रकाशित कार्यवृत्त के निर्णय",
    description:
      "Every decision in published minutes: its id (other records point at it), meeting and date, committee, State and district (LGD codes), the agenda item it answers, the decision, who carries it out and by when.",
    descriptionHi:
      "प्रकाशित कार्यवृत्त का हर निर्णय: उसकी पहचान संख्या, बैठक और तारीख, समिति, राज्य और ज़िला (एलजीडी कोड), कार्यसूची की मद, निर्णय, कौन और कब तक पूरा करेगा।",
    source: "ODOP Hub: minutes published by the committees' conveners",
    attribution: "District and State Export Promotion Committees; compiled by ODOP Hub",
    revision: null,
    columns: [
      "id",
      "meetingId",
      "meetingDate",
      "committeeKind",
      "committeeName",
      "stateLgdCode",
      "districtLgdCode",
      "agendaItem",
      "text",
      "owner",
      "dueDate",
    ],
    rows: () =>
      once(async () =>
        (await publicDecisions(db)).items.map((d) => ({ ...d, meetingDate: d.meetingDate.toISOString() })),
      ),
  };
  return [...products, districts, gi, exportsData, sectors, meetings, decisions];
}
