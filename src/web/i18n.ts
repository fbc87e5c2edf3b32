/** The interface text in English and Hindi. The Hindi catalogue must have every key: the type enforces it. */
const en = {
  siteName: "ODOP Hub",
  siteTagline: "One District One Product · Districts as Export Hubs",
  skipToContent: "Skip to main content",
  openDataTitle: "Open data",
  openDataExcel:
    "The CSV files are UTF-8 with a byte-order mark, so Excel on Windows shows Hindi names correctly when you open them; the XLSX files open directly.",
  openDataPreparing: "The files are being prepared from the current data. Come back in a minute.",
  openDataUpdating:
    "The data has changed and new files are being prepared; until they are ready, these are the files of the previous version.",
  openDataIntro:
    "The registry as data: the national ODOP list of every revision, districts with their codes and other names, the GI register, district exports and sectors, as CSV, JSON and XLSX (districts also as GeoJSON). Free to use under the Government Open Data Licence – India; please credit the sources named with each dataset.",
  licence: "Licence",
  machineCatalogue: "Machine-readable catalogue",
  source: "Source",
  attribution: "Attribution",
  rowsCount: "Rows",
  generatedAt: "Generated",
  downloads: "Downloads",
  openData: "Open data",
  apiTitle: "Open data API",
  apiMachineReadable: "Machine-readable:",
  apiParameters: "Parameters",
  apiParameter: "Parameter",
  apiIn: "In",
  rank_Primary: "Primary",
  rank_Secondary: "Secondary",
  rank_Tertiary: "Tertiary",
  rank_Others: "Other",
  keywordRule: "keyword “{word}”",
  searchResultsFor: "Search: {q}",
  searchKind: "Type",
  withGiOnly: "With a GI only",
  searchNone: "Nothing found for “{q}”.",
  searchCount: "{n} results",
  searchCountMany: "More than {n} results: add a word or a filter to narrow them.",
  searchTips: "Check the spelling, try fewer words, or a district's former name. You can also browse:",
  pages: "Pages",
  previous: "Previous",
  next: "Next",
  pageOf: "Page {n} of {total}",
  stateOrUt: "State/UT",
  giShort: "GI good",

  allDistrictsIntro:
    "Every district of India with the products it has in the live list revision, State by State. This list is also the text alternative of the maps.",
  any: "Any",
  applyFilters: "Apply filters",
  description: "Description",
  districtDescription:
    "{district}, {state}: its ODOP products ({products}), other names and exports by sector.",
  districtOf: "District of {state}",
  giClass: "Class of goods",
  giCount: "{n} registrations",
  giDuplicateOf: "Re-registration of serial",
  giEmpty: "No GI registration matches these filters. Choose “Any” to see more.",
  giIntro:
    "Every registered Geographical Indication in the IP India register, with the ODOP products linked to it.",
  giName: "GI name",
  giNoProducts: "No ODOP product of the live revision is linked to this GI.",
  giSerialShort: "Serial",
  giSourceNote:
    "Source: IP India (CGPDTM) register of registered GIs, about Oct 2025. Links to products are name-match suggestions until an administrator confirms them.",
  howSet: "How the sector was set",
  linkedProducts: "Linked ODOP products",
  locatorCaption: "Location in {state} (boundaries of 2020).",
  mapCaption:
    "Boundaries: DataMeet, covid19india (2020; CC BY 4.0, MIT). Districts created since 2020 have no polygon of their own.",
  mapNotDrawnHere: "{n} district(s) of this State cannot be drawn.",
  mapTextAlternative: "The same as a list",
  notDrawnIntro:
    "These districts are in the registry but have no polygon of their own in the 2020 boundaries (new districts, or a boundary that could not be joined), so the maps cannot draw them.",
  notDrawnTitle: "Districts the maps cannot draw",
  notOnMap: "not on the map",
  officialPhotoOf: "Official photograph of {product}",
  productDescription: "{product}: the ODOP product of {district}, {state} ({sector}).",
  productOf: "ODOP product of {district}, {state}",
  sectorDescription: "{n} ODOP products in {sector}.",
  sectorMix: "Products by sector",
  sectorRuleNote:
    "The source list has no sector column: sectors are assigned by a published keyword rule and marked as such on each product, until an administrator sets them.",
  sectorsIntro: "The sectors of ODOP products, with how many products of the live revision each has.",
  stateDescription: "{state}: {n} ODOP products in {d} districts, its map, sector mix and exports.",
  stateExportsTitle: "Exports of the State by sector, FY 2024-25",
  stateOrCountry: "State or country",
  mapTitle: "Map of India's districts by the sector of their ODOP product",
  notDrawnLink: "{n} districts the map cannot draw",
  startHere: "A few products to start from",

  textSize: "Text size",
  textSmaller: "Smaller text",
  textNormal: "Normal text size",
  textLarger: "Larger text",
  mainNav: "Main",
  allDistricts: "All districts",
  sectors: "Sectors",
  giRegister: "GI register",
  searchLabel: "Search products, districts, States and GI goods",
  searchPlaceholder: "Product, district, State or GI…",
  searchButton: "Search",

  languageSwitch: "हिन्दी",
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
  exportsExact: "Exact totals: ₹{inr}; US$ {usd}.",
  exportUsd: "US$",
  exportInr: "₹",
  total: "Total",
  giTitle: "Geographical Indications",
  giNone: "No GI registration linked.",
  giStatus_suggested: "suggested by name match, not yet confirmed",
  districtGiTitle: "GI goods of the district's products",
  districtGiNone: "No registered GI is linked to this district's ODOP products.",
  giStatus_hint: "possible match, unverified hint",
  giStatus_confirmed: "confirmed",
  giStatus_rejected: "rejected",
  giSerial: "GI register serial {n}",
  provenance: "Where this comes from",
  provenanceRow: "{file}, line {line}",
  publishedAs: "Published as “{district}, {state}”; the district was found by {method}.",
  hsHeadings: "HS headings",
  hsNone: "None recorded yet.",
  photoOff: "Official photographs are not shown: external images are off on this server.",
  notFoundTitle: "Page not found",
  notFoundText: "There is no page at this address. It may have moved, or the link may be wrong.",
  badRequestTitle: "This address is not right",
  badRequestText:
    "Something in the address or the form could not be understood (a number out of range, a date that does not exist, or a character that cannot be stored). Go back and check it.",
  conflictTitle: "Changed meanwhile",
  conflictText:
    "Someone changed this while you were looking at it. Open it again to see the current version.",
  unavailableTitle: "Briefly unavailable",
  unavailableText:
    "The service cannot reach its database at the moment. Nothing you sent was lost or half-saved. Please try again in a minute.",
  errorTitle: "Something went wrong",
  errorText: "The server could not answer this request. Please try again in a moment.",
  forbiddenTitle: "Not allowed",
  forbiddenText:
    "Your account may not do this here: your role covers another State or district, or another kind of work. Nothing was changed.",
  tooLargeTitle: "Too much data",
  tooLargeText: "What was sent is larger than this form accepts. Nothing was changed.",
  tooManyTitle: "Too many attempts",
  tooManyText: "Please wait a few minutes and try again.",
  myAccount: "My account",
  producersOfProduct: "Producers",
  producersOfProductLink: "Verified producers who make it, in the producer directory",
  productProducersOne: "1 verified producer makes it: see it in the producer directory",
  productProducersMany: "{n} verified producers make it: see them in the producer directory",
  productNoProducers: "No verified producer of {product} has registered yet.",
  productRegisterInvite:
    "Do you make it? Register your unit, group or cooperative: the district's officer verifies it, and buyers find you here.",
  registerAsProducer: "Register as a producer",
  sectorHow: "Sector: {how}.",
  districtMatch_exact: "its name as in the LGD list",
  districtMatch_alias: "a former or other name of the district",
  districtMatch_fuzzy: "a close spelling of its name (checked by hand)",
  districtMatch_exact_noparen: "its name without the part in brackets",
  districtMatch_paren_alt: "the other name given in brackets",
  districtMatch_lgd_dec2022_only:
    "its code in the December 2022 LGD list (the district is no longer in the current one)",
  producersNav: "Producers",
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
  openDataTitle: "मुक्त आँकड़े",
  openDataExcel:
    "सीएसवी फ़ाइलें बाइट-ऑर्डर मार्क सहित यूटीएफ़-8 में हैं, ताकि विंडोज़ पर एक्सेल में खोलने पर हिंदी नाम सही दिखें; एक्सएलएसएक्स फ़ाइलें सीधे खुलती हैं।",
  openDataPreparing: "मौजूदा डेटा से फ़ाइलें तैयार की जा रही हैं। एक मिनट बाद फिर आएँ।",
  openDataUpdating: "डेटा बदला है और नई फ़ाइलें तैयार की जा रही हैं; तब तक ये पिछले संस्करण की फ़ाइलें हैं।",
  openDataIntro:
    "आँकड़ों के रूप में रजिस्टर: हर संशोधन की राष्ट्रीय ओडीओपी सूची, कोड और अन्य नामों सहित ज़िले, जीआई रजिस्टर, ज़िलेवार निर्यात और क्षेत्र — CSV, JSON और XLSX में (ज़िले GeoJSON में भी)। भारत सरकार मुक्त आँकड़ा लाइसेंस के अंतर्गत उपयोग के लिए मुक्त; कृपया हर डेटासेट के साथ बताए गए स्रोतों का उल्लेख करें।",
  licence: "लाइसेंस",
  machineCatalogue: "मशीन-पठनीय सूची",
  source: "स्रोत",
  attribution: "श्रेय",
  rowsCount: "पंक्तियाँ",
  generatedAt: "बनाया गया",
  downloads: "डाउनलोड",
  openData: "मुक्त आँकड़े",
  apiTitle: "मुक्त आँकड़ा एपीआई",
  apiMachineReadable: "मशीन-पठनीय:",
  apiParameters: "पैरामीटर",
  apiParameter: "पैरामीटर",
  apiIn: "स्थान",
  rank_Primary: "प्राथमिक",
  rank_Secondary: "द्वितीयक",
  rank_Tertiary: "तृतीयक",
  rank_Others: "अन्य",
  keywordRule: "कीवर्ड “{word}”",
  searchResultsFor: "खोज: {q}",
  searchKind: "प्रकार",
  withGiOnly: "केवल जीआई वाले",
  searchNone: "“{q}” के लिए कुछ नहीं मिला।",
  searchCount: "{n} परिणाम",
  searchCountMany: "{n} से अधिक परिणाम: सीमित करने के लिए एक शब्द या फ़िल्टर जोड़ें।",
  searchTips: "वर्तनी जाँचें, कम शब्द आज़माएँ, या ज़िले का पुराना नाम। आप यहाँ भी देख सकते हैं:",
  pages: "पृष्ठ",
  previous: "पिछला",
  next: "अगला",
  pageOf: "पृष्ठ {n} / {total}",
  stateOrUt: "राज्य/केंद्र शासित प्रदेश",
  giShort: "जीआई वस्तु",

  allDistrictsIntro:
    "भारत का हर ज़िला, लागू सूची संशोधन में उसके उत्पादों के साथ, राज्यवार। यह सूची मानचित्रों का पाठ विकल्प भी है।",
  any: "कोई भी",
  applyFilters: "फ़िल्टर लागू करें",
  description: "विवरण",
  districtDescription: "{district}, {state}: इसके ओडीओपी उत्पाद ({products}), अन्य नाम और क्षेत्रवार निर्यात।",
  districtOf: "{state} का ज़िला",
  giClass: "वस्तु वर्ग",
  giCount: "{n} पंजीकरण",
  giDuplicateOf: "इस क्रमांक का पुनः पंजीकरण",
  giEmpty: "इन फ़िल्टरों से कोई जीआई पंजीकरण नहीं मिला। अधिक देखने के लिए “कोई भी” चुनें।",
  giIntro: "आईपी इंडिया रजिस्टर का हर पंजीकृत भौगोलिक संकेत, उससे जुड़े ओडीओपी उत्पादों के साथ।",
  giName: "जीआई नाम",
  giNoProducts: "लागू संशोधन का कोई ओडीओपी उत्पाद इस जीआई से नहीं जुड़ा है।",
  giSerialShort: "क्रमांक",
  giSourceNote:
    "स्रोत: आईपी इंडिया (सीजीपीडीटीएम) पंजीकृत जीआई रजिस्टर, लगभग अक्टूबर 2025। उत्पादों से जुड़ाव नाम-मिलान के सुझाव हैं, जब तक प्रशासक पुष्टि न करे।",
  howSet: "क्षेत्र कैसे तय हुआ",
  linkedProducts: "जुड़े ओडीओपी उत्पाद",
  locatorCaption: "{state} में स्थिति (2020 की सीमाएँ)।",
  mapCaption: "सीमाएँ: DataMeet, covid19india (2020; CC BY 4.0, MIT)। 2020 के बाद बने ज़िलों का अपना बहुभुज नहीं है।",
  mapNotDrawnHere: "इस राज्य के {n} ज़िले नहीं बनाए जा सकते।",
  mapTextAlternative: "यही सूची के रूप में",
  notDrawnIntro:
    "ये ज़िले रजिस्टर में हैं पर 2020 की सीमाओं में इनका अपना बहुभुज नहीं है (नए ज़िले, या जिनकी सीमा जोड़ी नहीं जा सकी), इसलिए मानचित्र इन्हें नहीं बना सकते।",
  notDrawnTitle: "वे ज़िले जिन्हें मानचित्र नहीं बना सकते",
  notOnMap: "मानचित्र पर नहीं",
  officialPhotoOf: "{product} की आधिकारिक फ़ोटो",
  productDescription: "{product}: {district}, {state} का ओडीओपी उत्पाद ({sector})।",
  productOf: "{district}, {state} का ओडीओपी उत्पाद",
  sectorDescription: "{sector} में {n} ओडीओपी उत्पाद।",
  sectorMix: "क्षेत्रवार उत्पाद",
  sectorRuleNote:
    "स्रोत सूची में क्षेत्र का कॉलम नहीं है: क्षेत्र एक प्रकाशित कीवर्ड नियम से तय होते हैं और हर उत्पाद पर ऐसा अंकित है, जब तक प्रशासक उन्हें तय न करे।",
  sectorsIntro: "ओडीओपी उत्पादों के क्षेत्र, और लागू संशोधन में हर क्षेत्र के उत्पादों की संख्या।",
  stateDescription: "{state}: {d} ज़िलों में {n} ओडीओपी उत्पाद, मानचित्र, क्षेत्रवार मिश्रण और निर्यात।",
  stateExportsTitle: "राज्य का क्षेत्रवार निर्यात, वित्त वर्ष 2024-25",
  stateOrCountry: "राज्य या देश",
  mapTitle: "ओडीओपी उत्पाद के क्षेत्र के अनुसार भारत के ज़िलों का मानचित्र",
  notDrawnLink: "{n} ज़िले जिन्हें मानचित्र नहीं बना सकता",
  startHere: "शुरुआत के लिए कुछ उत्पाद",

  textSize: "अक्षर का आकार",
  textSmaller: "छोटे अक्षर",
  textNormal: "सामान्य अक्षर",
  textLarger: "बड़े अक्षर",
  mainNav: "मुख्य",
  allDistricts: "सभी ज़िले",
  sectors: "क्षेत्र",
  giRegister: "जीआई रजिस्टर",
  searchLabel: "उत्पाद, ज़िले, राज्य और जीआई वस्तुएँ खोजें",
  searchPlaceholder: "उत्पाद, ज़िला, राज्य या जीआई…",
  searchButton: "खोजें",

  languageSwitch: "English",
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
  exportsExact: "सटीक योग: ₹{inr}; US$ {usd}।",
  exportUsd: "US$",
  exportInr: "₹",
  total: "कुल",
  giTitle: "भौगोलिक संकेत (जीआई)",
  giNone: "कोई जीआई पंजीकरण जुड़ा नहीं।",
  giStatus_suggested: "नाम मिलान से सुझाया गया, अभी पुष्टि नहीं",
  districtGiTitle: "ज़िले के उत्पादों के जीआई सामान",
  districtGiNone: "इस ज़िले के ओडीओपी उत्पादों से कोई पंजीकृत जीआई नहीं जुड़ा है।",
  giStatus_hint: "संभावित मिलान, असत्यापित संकेत",
  giStatus_confirmed: "पुष्ट",
  giStatus_rejected: "अस्वीकृत",
  giSerial: "जीआई रजिस्टर क्रमांक {n}",
  provenance: "यह जानकारी कहाँ से है",
  provenanceRow: "{file}, पंक्ति {line}",
  publishedAs: "“{district}, {state}” के रूप में प्रकाशित; ज़िला {method} पहचाना गया।",
  hsHeadings: "एचएस शीर्ष",
  hsNone: "अभी दर्ज नहीं।",
  photoOff: "आधिकारिक फ़ोटो नहीं दिखाई जा रहीं: इस सर्वर पर बाहरी चित्र बंद हैं।",
  notFoundTitle: "पृष्ठ नहीं मिला",
  notFoundText: "इस पते पर कोई पृष्ठ नहीं है। हो सकता है वह हट गया हो या लिंक गलत हो।",
  badRequestTitle: "यह पता ठीक नहीं है",
  badRequestText:
    "पते या फ़ॉर्म में कुछ समझा नहीं जा सका (सीमा से बाहर कोई संख्या, ऐसी तारीख जो होती ही नहीं, या ऐसा अक्षर जो सहेजा नहीं जा सकता)। वापस जाकर जाँचें।",
  conflictTitle: "इस बीच बदल गया",
  conflictText: "आपके देखते समय किसी ने इसे बदल दिया। वर्तमान रूप देखने के लिए इसे फिर से खोलें।",
  unavailableTitle: "कुछ समय के लिए अनुपलब्ध",
  unavailableText:
    "सेवा इस समय अपने डेटाबेस तक नहीं पहुँच पा रही है। आपका भेजा कुछ भी खोया या आधा सहेजा नहीं गया। कृपया एक मिनट बाद फिर प्रयास करें।",
  errorTitle: "कुछ गलत हो गया",
  errorText: "सर्वर इस अनुरोध का उत्तर नहीं दे सका। कृपया थोड़ी देर बाद फिर प्रयास करें।",
  forbiddenTitle: "अनुमति नहीं",
  forbiddenText:
    "आपका खाता यहाँ यह नहीं कर सकता: आपकी भूमिका किसी अन्य राज्य या ज़िले, या किसी अन्य कार्य की है। कुछ भी नहीं बदला गया।",
  tooLargeTitle: "बहुत अधिक डेटा",
  tooLargeText: "भेजा गया डेटा इस फ़ॉर्म की सीमा से बड़ा है। कुछ भी नहीं बदला गया।",
  tooManyTitle: "बहुत अधिक प्रयास",
  tooManyText: "कृपया कुछ मिनट रुककर फिर प्रयास करें।",
  myAccount: "मेरा खाता",
  producersOfProduct: "उत्पादक",
  producersOfProductLink: "इसे बनाने वाले सत्यापित उत्पादक, उत्पादक निर्देशिका में",
  productProducersOne: "1 सत्यापित उत्पादक इसे बनाता है: उत्पादक निर्देशिका में देखें",
  productProducersMany: "{n} सत्यापित उत्पादक इसे बनाते हैं: उत्पादक निर्देशिका में देखें",
  productNoProducers: "{product} का कोई सत्यापित उत्पादक अभी पंजीकृत नहीं है।",
  productRegisterInvite:
    "क्या आप इसे बनाते हैं? अपनी इकाई, समूह या सहकारी समिति पंजीकृत करें: ज़िले के अधिकारी सत्यापन करते हैं, फिर खरीदार आपको यहाँ पाते हैं।",
  registerAsProducer: "उत्पादक के रूप में पंजीकरण करें",
  sectorHow: "क्षेत्र: {how}।",
  districtMatch_exact: "एलजीडी सूची में दिए नाम से",
  districtMatch_alias: "ज़िले के पुराने या दूसरे नाम से",
  districtMatch_fuzzy: "नाम की मिलती-जुलती वर्तनी से (हाथ से जाँचा गया)",
  districtMatch_exact_noparen: "कोष्ठक वाले भाग के बिना नाम से",
  districtMatch_paren_alt: "कोष्ठक में दिए दूसरे नाम से",
  districtMatch_lgd_dec2022_only: "दिसंबर 2022 की एलजीडी सूची के कोड से (ज़िला अब वर्तमान सूची में नहीं है)",
  producersNav: "उत्पादक",
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
  return defineCatalogue(en, hi)(lang);
}

/**
 * A module's own catalogue (accounts, producers, …) beside the shared one: the Hindi half must have every English
 * key, and `{name}` placeholders are filled from params.
 */
export function defineCatalogue<K extends string>(
  enMessages: Record<K, string>,
  hiMessages: Record<K, string>,
) {
  const both: Record<Lang, Record<K, string>> = { en: enMessages, hi: hiMessages };
  return (lang: Lang) =>
    (key: K, params: Record<string, string | number> = {}): string =>
      both[lang][key].replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
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

/** Rupees in lakh and crore, as Indian readers expect them. */
export function formatRupees(n: number, lang: Lang): string {
  const [crore, lakh] = lang === "hi" ? ["करोड़", "लाख"] : ["crore", "lakh"];
  if (n >= 1e7) return `₹${formatNumber(n / 1e7, 2)} ${crore}`;
  if (n >= 1e5) return `₹${formatNumber(n / 1e5, 2)} ${lakh}`;
  return `₹${formatNumber(n)}`;
}

/** US dollars in millions (or in full below a million). */
export function formatDollars(n: number, lang: Lang): string {
  const million = lang === "hi" ? "मिलियन" : "million";
  if (n >= 1e6)
    return `US$${new Intl.NumberFormat("en-US", { maximumFractionDigits: 2 }).format(n / 1e6)} ${million}`;
  return `US$${new Intl.NumberFormat("en-US").format(Math.round(n))}`;
}
