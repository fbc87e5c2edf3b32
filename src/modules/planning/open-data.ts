import type { DbOrTx } from "../../platform/db";
import { countryName } from "../../web/countries";
import type { Dataset, OpenDataSource } from "../catalog";
import { bottleneckOut, interventionOut, planPage } from "./presenters";
import {
  openBottlenecks,
  openInterventions,
  openPlans,
  openTargets,
  planDataStamp,
} from "./queries/open-data";

async function* once<T>(load: () => Promise<T[]>): AsyncIterable<T[]> {
  yield await load();
}

const common = {
  source:
    "ODOP Hub: plans adopted by the District Export Promotion Committees and reported by district officers",
  attribution: "District Export Promotion Committees; compiled by ODOP Hub",
  revision: null,
};

/** District export action plans as open data: adopted versions only, never a draft, a demo plan or a person's name. */
export const planningOpenData: OpenDataSource = {
  stamp: planDataStamp,
  datasets: async (db: DbOrTx): Promise<Dataset[]> => [
    {
      ...common,
      id: "export-plans",
      title: "District Export Action Plans (adopted versions)",
      titleHi: "ज़िला निर्यात कार्य योजनाएँ (अपनाए गए संस्करण)",
      description:
        "Every adopted version of a district's export action plan: State and district (LGD codes), financial years (by the year they start), version, status, when it was adopted and by which committee decision, its strategy, the products and services it covers with HS 2022 headings and target markets (ISO 3166-1 codes), and when it last changed.",
      descriptionHi:
        "ज़िले की निर्यात कार्य योजना का हर अपनाया गया संस्करण: राज्य और ज़िला (एलजीडी कोड), वित्त वर्ष, संस्करण, स्थिति, कब और समिति के किस निर्णय से अपनाई गई, रणनीति, शामिल उत्पाद और सेवाएँ (एचएस 2022 शीर्ष और लक्षित बाज़ार), और अंतिम बदलाव।",
      columns: [
        "id",
        "stateLgdCode",
        "districtLgdCode",
        "fromYear",
        "toYear",
        "versionNo",
        "status",
        "adoptedAt",
        "decisionId",
        "strategy",
        "products",
        "hsHeadings",
        "targetMarkets",
        "updatedAt",
        "page",
      ],
      rows: () =>
        once(async () =>
          (await openPlans(db)).map(({ plan: p, products }) => ({
            id: p.id,
            stateLgdCode: p.stateLgdCode,
            districtLgdCode: p.districtLgdCode,
            fromYear: p.fromYear,
            toYear: p.toYear,
            versionNo: p.versionNo,
            status: p.state,
            adoptedAt: p.adoptedAt?.toISOString() ?? null,
            decisionId: p.decisionId,
            strategy: p.strategy,
            products: products.map((x) => x.name).join("; "),
            hsHeadings: [...new Set(products.flatMap((x) => x.hsHeadings))].join("; "),
            targetMarkets: products
              .flatMap((x) =>
                x.markets.map((m) => `${m.country} (${countryName(m.country, "en")}): ${m.why}`),
              )
              .join("; "),
            updatedAt: p.updatedAt.toISOString(),
            page: planPage(p),
          })),
        ),
    },
    {
      ...common,
      id: "export-plan-targets",
      title: "Targets and actuals of District Export Action Plans",
      titleHi: "ज़िला निर्यात कार्य योजनाओं के लक्ष्य और वास्तविक",
      description:
        "Each adopted plan's targets per financial year with the actuals reported: export value (₹ crore, US$ million), producers onboarded, and measures the districts defined (label and unit).",
      descriptionHi:
        "हर अपनाई गई योजना के हर वित्त वर्ष के लक्ष्य और दर्ज वास्तविक आँकड़े: निर्यात मूल्य (₹ करोड़, यूएस$ मिलियन), जोड़े गए उत्पादक, और ज़िलों के अपने माप।",
      columns: ["planId", "measure", "label", "unit", "year", "target", "actual"],
      rows: () => once(() => openTargets(db)),
    },
    {
      ...common,
      id: "export-plan-interventions",
      title: "Interventions and actions of District Export Action Plans, with progress",
      titleHi: "ज़िला निर्यात कार्य योजनाओं के हस्तक्षेप और कार्य, प्रगति सहित",
      description:
        "Each adopted plan's interventions and their actions: owner, start and end, weight, status and progress in per cent (a parent's is the weighted mean of its actions'), and the committee decision an action carries out.",
      descriptionHi:
        "हर अपनाई गई योजना के हस्तक्षेप और उनके कार्य: ज़िम्मेदार, आरंभ और समाप्ति, भार, स्थिति और प्रतिशत प्रगति, और वह समिति निर्णय जिसका कार्य पालन करता है।",
      columns: [
        "id",
        "planId",
        "parentId",
        "title",
        "owner",
        "startsOn",
        "endsOn",
        "weight",
        "status",
        "progress",
        "decisionId",
      ],
      rows: () => once(async () => (await openInterventions(db)).map(interventionOut)),
    },
    {
      ...common,
      id: "export-plan-bottlenecks",
      title: "Bottlenecks of District Export Action Plans and their escalation",
      titleHi: "ज़िला निर्यात कार्य योजनाओं की अड़चनें और उनका आगे बढ़ना",
      description:
        "Each bottleneck of an adopted plan: category, description, severity, owner department or agency, due date, where it stands (open with the district, in the State's or the national queue, resolved), when it last rose and when it was resolved.",
      descriptionHi:
        "अपनाई गई योजना की हर अड़चन: श्रेणी, विवरण, गंभीरता, ज़िम्मेदार विभाग या एजेंसी, नियत तारीख़, स्थिति (ज़िले के पास, राज्य या राष्ट्रीय कतार में, सुलझी), कब आगे बढ़ी और कब सुलझी।",
      columns: [
        "id",
        "planId",
        "stateLgdCode",
        "districtLgdCode",
        "category",
        "categoryName",
        "description",
        "severity",
        "ownerAgency",
        "dueDate",
        "status",
        "escalatedAt",
        "resolvedAt",
      ],
      rows: () => once(async () => (await openBottlenecks(db)).map(bottleneckOut)),
    },
  ],
};
