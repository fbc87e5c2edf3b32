/** The interface text in English and Hindi. The Hindi catalogue must have every key: the type enforces it. */
const en = {
  siteName: "ODOP Hub",
  siteTagline: "One District One Product · Districts as Export Hubs",
  skipToContent: "Skip to main content",
  languageSwitch: "हिन्दी",
  languageSwitchLabel: "हिन्दी में देखें",
  home: "Home",
  nationalRegistry: "The national registry",
  homeIntro:
    "Every district of India has at least one product with export potential. This is the registry of those products, the districts they come from and the GI goods registered for them.",
  figStates: "States/UTs",
  figDistricts: "Districts (LGD)",
  figProducts: "ODOP products",
  figDistrictsWithProducts: "Districts with a product",
  figGi: "Registered GI goods",
  revision: "List revision",
  revisionLive: "live",
  revisionPublished: "published",
  statesAndUts: "States and Union Territories",
  state: "State",
  ut: "Union Territory",
  type: "Type",
  districts: "Districts",
  district: "District",
  products: "Products",
  product: "Product",
  rank: "Rank",
  sector: "Sector",
  sectorUnassigned: "Not yet assigned",
  sectorSetBy_source: "as published in the list",
  sectorSetBy_admin: "set by an administrator",
  sectorSetBy_keyword_rule: "assigned by the keyword rule: {rule}; to be reviewed",
  sectorSetBy_unassigned: "no keyword rule fits; waiting for an administrator",
  noProduct: "No product in this revision",
  formerDistrictsNote:
    "+ n: districts that the ODOP list names but the current LGD list (Sep 2026) no longer has; they keep their Dec-2022 codes.",
  districtsOfState: "Districts of {state}",
  districtsWithProductsOf: "{n} of {total} districts have a product in this revision.",
  formerNames: "Other names",
  formerNamesNone: "No other names recorded.",
  aliasKind_lgd_dec2022: "LGD name in Dec 2022",
  aliasKind_odop_sheet: "spelling in the ODOP list",
  aliasKind_exports_census: "name in export data",
  aliasKind_boundary_2011: "name on the 2011 boundary map",
  lgdCode: "LGD code",
  census2011: "Census 2011 code",
  boundary: "Boundary map",
  boundaryYes: "drawn from the 2020 boundaries",
  boundaryNo: "no polygon of its own in the 2020 boundaries",
  notInCurrentLgd: "Not in the current LGD list (Sep 2026); shown with its Dec-2022 code.",
  exportsTitle: "Exports by sector, FY 2024-25",
  exportsNone: "No export rows could be joined to this district.",
  exportsSource: "Source: DGCI&S district-of-origin data, aggregated by sector (dist_complexity_analysis).",
  exportSector: "Sector (HS-based)",
  exportUsd: "US$",
  exportInr: "₹",
  total: "Total",
  giTitle: "Geographical Indications",
  giNone: "No GI registration linked.",
  giStatus_suggested: "suggested by name match, not yet confirmed",
  giStatus_hint: "possible match, unverified hint",
  giStatus_confirmed: "confirmed",
  giStatus_rejected: "rejected",
  giSerial: "GI register serial {n}",
  provenance: "Where this comes from",
  provenanceRow: "{file}, line {line}",
  publishedAs: "Published as “{district}, {state}”; district matched by {method}.",
  hsHeadings: "HS headings",
  hsNone: "None recorded yet.",
  photoOff: "Official photographs are not shown: external images are off on this server.",
  notFoundTitle: "Page not found",
  notFoundText: "There is no page at this address. It may have moved, or the link may be wrong.",
  errorTitle: "Something went wrong",
  errorText: "The server could not answer this request. Please try again in a moment.",
  backHome: "Back to the home page",
  footerData:
    "Data: LGD (GODL-India); DPIIT / Invest India ODOP list; IP India GI register; DGCI&S; boundaries © DataMeet, covid19india (CC BY 4.0, MIT).",
  footerLicence: "Open source. Registry data under the Government Open Data Licence – India.",
  breadcrumb: "Breadcrumb",
  nameInEnglishOnly: "(no Hindi name in the sources)",
} as const;

export type MessageKey = keyof typeof en;
export type Lang = "en" | "hi";

const hi: Record<MessageKey, string> = {
  siteName: "ओडीओपी हब",
  siteTagline: "एक ज़िला एक उत्पाद · ज़िले निर्यात केंद्र के रूप में",
  skipToContent: "मुख्य सामग्री पर जाएँ",
  languageSwitch: "English",
  languageSwitchLabel: "View in English",
  home: "मुखपृष्ठ",
  nationalRegistry: "राष्ट्रीय रजिस्टर",
  homeIntro:
    "भारत के हर ज़िले में निर्यात क्षमता वाला कम से कम एक उत्पाद है। यह उन उत्पादों, उनके ज़िलों और उनके लिए पंजीकृत जीआई वस्तुओं का रजिस्टर है।",
  figStates: "राज्य/केंद्र शासित प्रदेश",
  figDistricts: "ज़िले (एलजीडी)",
  figProducts: "ओडीओपी उत्पाद",
  figDistrictsWithProducts: "उत्पाद वाले ज़िले",
  figGi: "पंजीकृत जीआई वस्तुएँ",
  revision: "सूची संशोधन",
  revisionLive: "लागू",
  revisionPublished: "प्रकाशित",
  statesAndUts: "राज्य और केंद्र शासित प्रदेश",
  state: "राज्य",
  ut: "केंद्र शासित प्रदेश",
  type: "प्रकार",
  districts: "ज़िले",
  district: "ज़िला",
  products: "उत्पाद",
  product: "उत्पाद",
  rank: "क्रम",
  sector: "क्षेत्र",
  sectorUnassigned: "अभी तय नहीं",
  sectorSetBy_source: "सूची में प्रकाशित अनुसार",
  sectorSetBy_admin: "प्रशासक द्वारा तय",
  sectorSetBy_keyword_rule: "कीवर्ड नियम से तय: {rule}; समीक्षा बाकी",
  sectorSetBy_unassigned: "कोई कीवर्ड नियम लागू नहीं; प्रशासक की प्रतीक्षा",
  noProduct: "इस संशोधन में कोई उत्पाद नहीं",
  formerDistrictsNote:
    "+ n: वे ज़िले जिनका नाम ओडीओपी सूची में है पर वर्तमान एलजीडी सूची (सितंबर 2026) में नहीं; उनके दिसंबर 2022 के कोड रखे गए हैं।",
  districtsOfState: "{state} के ज़िले",
  districtsWithProductsOf: "इस संशोधन में {total} में से {n} ज़िलों का उत्पाद है।",
  formerNames: "अन्य नाम",
  formerNamesNone: "कोई अन्य नाम दर्ज नहीं।",
  aliasKind_lgd_dec2022: "दिसंबर 2022 में एलजीडी नाम",
  aliasKind_odop_sheet: "ओडीओपी सूची में वर्तनी",
  aliasKind_exports_census: "निर्यात आँकड़ों में नाम",
  aliasKind_boundary_2011: "2011 के सीमा मानचित्र पर नाम",
  lgdCode: "एलजीडी कोड",
  census2011: "जनगणना 2011 कोड",
  boundary: "सीमा मानचित्र",
  boundaryYes: "2020 की सीमाओं से बना",
  boundaryNo: "2020 की सीमाओं में इसका अपना बहुभुज नहीं",
  notInCurrentLgd: "वर्तमान एलजीडी सूची (सितंबर 2026) में नहीं; दिसंबर 2022 के कोड के साथ दिखाया गया।",
  exportsTitle: "क्षेत्रवार निर्यात, वित्त वर्ष 2024-25",
  exportsNone: "इस ज़िले से कोई निर्यात पंक्ति नहीं जुड़ सकी।",
  exportsSource: "स्रोत: डीजीसीआईएंडएस मूल-ज़िला आँकड़े, क्षेत्रवार संकलित (dist_complexity_analysis)।",
  exportSector: "क्षेत्र (एचएस आधारित)",
  exportUsd: "US$",
  exportInr: "₹",
  total: "कुल",
  giTitle: "भौगोलिक संकेत (जीआई)",
  giNone: "कोई जीआई पंजीकरण जुड़ा नहीं।",
  giStatus_suggested: "नाम मिलान से सुझाया गया, अभी पुष्टि नहीं",
  giStatus_hint: "संभावित मिलान, असत्यापित संकेत",
  giStatus_confirmed: "पुष्ट",
  giStatus_rejected: "अस्वीकृत",
  giSerial: "जीआई रजिस्टर क्रमांक {n}",
  provenance: "यह जानकारी कहाँ से है",
  provenanceRow: "{file}, पंक्ति {line}",
  publishedAs: "“{district}, {state}” के रूप में प्रकाशित; ज़िला {method} से मिलाया गया।",
  hsHeadings: "एचएस शीर्ष",
  hsNone: "अभी दर्ज नहीं।",
  photoOff: "आधिकारिक फ़ोटो नहीं दिखाई जा रहीं: इस सर्वर पर बाहरी चित्र बंद हैं।",
  notFoundTitle: "पृष्ठ नहीं मिला",
  notFoundText: "इस पते पर कोई पृष्ठ नहीं है। हो सकता है वह हट गया हो या लिंक गलत हो।",
  errorTitle: "कुछ गलत हो गया",
  errorText: "सर्वर इस अनुरोध का उत्तर नहीं दे सका। कृपया थोड़ी देर बाद फिर प्रयास करें।",
  backHome: "मुखपृष्ठ पर लौटें",
  footerData:
    "आँकड़े: एलजीडी (GODL-India); डीपीआईआईटी / इन्वेस्ट इंडिया ओडीओपी सूची; आईपी इंडिया जीआई रजिस्टर; डीजीसीआईएंडएस; सीमाएँ © DataMeet, covid19india (CC BY 4.0, MIT)।",
  footerLicence: "मुक्त स्रोत। रजिस्टर आँकड़े भारत सरकार मुक्त आँकड़ा लाइसेंस के अंतर्गत।",
  breadcrumb: "मार्ग",
  nameInEnglishOnly: "(स्रोतों में हिन्दी नाम नहीं)",
};

const catalogues: Record<Lang, Record<MessageKey, string>> = { en, hi };

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

export function translator(lang: Lang): Translate {
  const messages = catalogues[lang];
  return (key, params = {}) =>
    messages[key].replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}

export function langOf(value: string | undefined): Lang {
  return value === "hi" ? "hi" : "en";
}

/** Indian digit grouping (12,34,567) in both languages; Hindi pages keep Latin digits, as GoI sites do. */
export function formatNumber(n: number, maximumFractionDigits = 0): string {
  return new Intl.NumberFormat("en-IN", { maximumFractionDigits }).format(n);
}

export const messageKeys = Object.keys(en) as MessageKey[];
export const allCatalogues = catalogues;
