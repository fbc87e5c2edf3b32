/**
 * The District Export Ranking Index: what it is made of and how it is computed, written once. The programme asks
 * States for an annual ranking of districts (DOMAIN.md) but no national formula was found, so the indicators are
 * documented here and their weights are the administrator's (ranking_weights); these defaults are where it starts.
 */
export const indicators = [
  {
    id: "exports",
    scale: "log",
    defaultWeight: 30,
    en: {
      name: "Exports",
      what: "The district's exports in rupees, all sectors, in the latest financial year DGCI&S published by district of origin.",
      source: "DGCI&S district-wise exports (the exports table of this platform)",
    },
    hi: {
      name: "निर्यात",
      what: "ज़िले का रुपये में निर्यात, सभी क्षेत्र, मूल ज़िले के अनुसार डीजीसीआईएस के प्रकाशित नवीनतम वित्त वर्ष में।",
      source: "डीजीसीआईएस के ज़िलेवार निर्यात आँकड़े (इस प्लेटफ़ॉर्म की निर्यात तालिका)",
    },
  },
  {
    id: "plan_adopted",
    scale: "percent",
    defaultWeight: 15,
    en: {
      name: "Export plan adopted",
      what: "100 if the district's current export action plan has been adopted by its DEPC (or is in implementation), 0 otherwise.",
      source: "District Export Action Plans on this platform",
    },
    hi: {
      name: "निर्यात योजना अपनाई गई",
      what: "100 यदि ज़िले की वर्तमान निर्यात कार्य योजना उसकी डीईपीसी ने अपनाई है (या कार्यान्वयन में है), अन्यथा 0।",
      source: "इस प्लेटफ़ॉर्म पर ज़िला निर्यात कार्य योजनाएँ",
    },
  },
  {
    id: "actions_on_time",
    scale: "percent",
    defaultWeight: 15,
    en: {
      name: "Actions done on time",
      what: "Of the plan's actions whose end date has passed, the share marked done by that date (per cent; 0 when none was due).",
      source: "Interventions of the export action plans and their dated updates",
    },
    hi: {
      name: "समय पर पूरी कार्रवाइयाँ",
      what: "योजना की जिन कार्रवाइयों की अंतिम तिथि बीत चुकी है, उनमें से उस तिथि तक पूरी हुई (प्रतिशत; कोई देय न हो तो 0)।",
      source: "निर्यात कार्य योजनाओं की कार्रवाइयाँ और उनके दिनांकित अद्यतन",
    },
  },
  {
    id: "bottlenecks_resolved",
    scale: "percent",
    defaultWeight: 10,
    en: {
      name: "Bottlenecks resolved",
      what: "Bottlenecks resolved in the year, out of those resolved in the year and those still open (per cent; 0 when there were none).",
      source: "Bottlenecks of the export action plans",
    },
    hi: {
      name: "सुलझाई गई बाधाएँ",
      what: "वर्ष में सुलझाई गई बाधाएँ, वर्ष में सुलझाई गई और अभी खुली बाधाओं में से (प्रतिशत; कोई न हो तो 0)।",
      source: "निर्यात कार्य योजनाओं की बाधाएँ",
    },
  },
  {
    id: "producers_verified",
    scale: "log",
    defaultWeight: 10,
    en: {
      name: "Producers verified",
      what: "Producers of the district registered on the platform and verified by the district.",
      source: "Producer registrations and their verification",
    },
    hi: {
      name: "सत्यापित उत्पादक",
      what: "प्लेटफ़ॉर्म पर पंजीकृत और ज़िले द्वारा सत्यापित ज़िले के उत्पादक।",
      source: "उत्पादक पंजीकरण और उनका सत्यापन",
    },
  },
  {
    id: "producers_on_gem",
    scale: "log",
    defaultWeight: 10,
    en: {
      name: "Producers on GeM",
      what: "Producers of the district registered as sellers on the Government e-Marketplace or listed in its ODOP storefront.",
      source: "GeM onboarding recorded by the district",
    },
    hi: {
      name: "जेम पर उत्पादक",
      what: "सरकारी ई-मार्केटप्लेस पर विक्रेता के रूप में पंजीकृत या उसके ओडीओपी स्टोरफ़्रंट में सूचीबद्ध ज़िले के उत्पादक।",
      source: "ज़िले द्वारा दर्ज जेम पर जुड़ना",
    },
  },
  {
    id: "orders_delivered",
    scale: "log",
    defaultWeight: 10,
    en: {
      name: "Orders delivered",
      what: "Orders placed with the district's producers in the year through the bazaar and delivered.",
      source: "Orders of the bazaar",
    },
    hi: {
      name: "पहुँचे ऑर्डर",
      what: "वर्ष में बाज़ार के ज़रिए ज़िले के उत्पादकों को दिए गए और पहुँचे ऑर्डर।",
      source: "बाज़ार के ऑर्डर",
    },
  },
] as const;

export type IndicatorId = (typeof indicators)[number]["id"];
export type Weights = Record<IndicatorId, number>;
export const defaultWeights = Object.fromEntries(indicators.map((i) => [i.id, i.defaultWeight])) as Weights;

export type DistrictIndicators = { district: number; state: number; values: Record<IndicatorId, number> };
export type RankedDistrict = {
  district: number;
  state: number;
  score: number;
  nationalRank: number;
  stateRank: number;
  indicators: Record<IndicatorId, { value: number; score: number }>;
};

/**
 * Scores each indicator 0–100 against every district, weighs them, and ranks. A percentage is its own score; a
 * count or a value is scored on a log scale against the largest district's (100 × ln(1+v) / ln(1+max)), so that a
 * few very large districts do not flatten everyone else to zero. Equal scores share a rank (1, 2, 2, 4).
 */
export function rankDistricts(rows: DistrictIndicators[], weights: Weights): RankedDistrict[] {
  const max = Object.fromEntries(
    indicators.map((i) => [i.id, Math.max(0, ...rows.map((r) => r.values[i.id]))]),
  ) as Weights;
  const totalWeight = indicators.reduce((s, i) => s + Math.max(0, weights[i.id]), 0);
  const scored = rows.map((r) => {
    const parts = Object.fromEntries(
      indicators.map((i) => {
        const v = r.values[i.id];
        const score =
          i.scale === "percent"
            ? Math.min(100, Math.max(0, v))
            : max[i.id] > 0
              ? (100 * Math.log1p(Math.max(0, v))) / Math.log1p(max[i.id])
              : 0;
        return [i.id, { value: v, score: round(score) }];
      }),
    ) as RankedDistrict["indicators"];
    const score =
      totalWeight > 0
        ? indicators.reduce((s, i) => s + Math.max(0, weights[i.id]) * parts[i.id].score, 0) / totalWeight
        : 0;
    return { district: r.district, state: r.state, score: round(score), indicators: parts };
  });
  scored.sort((a, b) => b.score - a.score || a.district - b.district);
  const rankWithin = (list: typeof scored) => {
    const ranks = new Map<number, number>();
    list.forEach((r, i) => {
      const prev = list[i - 1];
      ranks.set(r.district, prev && prev.score === r.score ? (ranks.get(prev.district) as number) : i + 1);
    });
    return ranks;
  };
  const national = rankWithin(scored);
  const byState = new Map<number, typeof scored>();
  for (const r of scored) byState.set(r.state, [...(byState.get(r.state) ?? []), r]);
  const stateRanks = new Map<number, number>();
  for (const list of byState.values()) for (const [d, rank] of rankWithin(list)) stateRanks.set(d, rank);
  return scored.map((r) => ({
    ...r,
    nationalRank: national.get(r.district) as number,
    stateRank: stateRanks.get(r.district) as number,
  }));
}

/** A ranked district as flat columns (API, open data): the index, its ranks, each indicator's value and score. */
export function rankingColumns(r: RankedDistrict) {
  return {
    districtLgdCode: r.district,
    stateLgdCode: r.state,
    score: r.score,
    nationalRank: r.nationalRank,
    stateRank: r.stateRank,
    ...Object.fromEntries(
      indicators.flatMap((i) => [
        [`${i.id}Value`, r.indicators[i.id].value],
        [`${i.id}Score`, r.indicators[i.id].score],
      ]),
    ),
  };
}

const round = (v: number) => Math.round(v * 100) / 100;
