import { normalizeName } from "../../platform/text";

/** The sector taxonomy of ODOP products, in the order pages list it. */
export const sectorTaxonomy = [
  { code: "textiles_handloom", nameEn: "Textiles & handloom", nameHi: "वस्त्र एवं हथकरघा" },
  { code: "handicrafts", nameEn: "Handicrafts", nameHi: "हस्तशिल्प" },
  { code: "agriculture", nameEn: "Agriculture & horticulture", nameHi: "कृषि एवं बागवानी" },
  { code: "spices", nameEn: "Spices", nameHi: "मसाले" },
  { code: "plantation", nameEn: "Tea, coffee & plantation crops", nameHi: "चाय, कॉफ़ी एवं बागान फसलें" },
  { code: "food_processing", nameEn: "Food processing", nameHi: "खाद्य प्रसंस्करण" },
  { code: "marine", nameEn: "Fisheries & marine products", nameHi: "मत्स्य एवं समुद्री उत्पाद" },
  { code: "dairy_livestock", nameEn: "Dairy & livestock", nameHi: "डेयरी एवं पशुधन" },
  { code: "forest_produce", nameEn: "Forest produce", nameHi: "वन उपज" },
  { code: "gems_jewellery", nameEn: "Gems & jewellery", nameHi: "रत्न एवं आभूषण" },
  { code: "leather", nameEn: "Leather & footwear", nameHi: "चमड़ा एवं जूते" },
  { code: "minerals_stone", nameEn: "Minerals & stone", nameHi: "खनिज एवं पत्थर" },
  { code: "engineering", nameEn: "Engineering & manufacturing", nameHi: "अभियांत्रिकी एवं विनिर्माण" },
  { code: "chemicals_pharma", nameEn: "Chemicals, pharma & wellness", nameHi: "रसायन, औषधि एवं वेलनेस" },
  { code: "electronics_it", nameEn: "Electronics & IT", nameHi: "इलेक्ट्रॉनिक्स एवं आईटी" },
] as const;

export type SectorCode = (typeof sectorTaxonomy)[number]["code"];

/**
 * The source lost its sector column, so a sector is assigned by this visible rule: the first group whose
 * keyword starts a word of the product name wins. Order matters ("processed prawn" is marine, not food
 * processing). A product no keyword fits stays unassigned for an administrator; nothing is guessed beyond this.
 */
export const sectorKeywordRules: readonly [SectorCode, readonly string[]][] = [
  ["marine", ["fish", "marine", "prawn", "shrimp", "seafood", "sea food", "crab", "aqua"]],
  ["spices", ["spice", "turmeric", "chilli", "chillies", "chili", "mirch", "mircha", "ginger", "cardamom", "pepper", "garlic", "cumin", "jeera", "coriander", "clove", "cinnamon", "saffron", "hing", "asafoetida", "fenugreek", "methi", "ajwain", "fennel", "tamarind", "kokum"]],
  ["plantation", ["tea", "coffee", "rubber", "areca", "arecanut", "cashew", "coconut"]],
  ["food_processing", ["processed", "processing", "pickle", "jaggery", "gur", "namkeen", "snack", "sweet", "bakery", "biscuit", "juice", "jam", "jelly", "pulp", "flour", "atta", "edible oil", "mustard oil", "oil", "sugar", "food", "papad", "noodle", "bhujia", "petha", "rewari", "gajak", "peda", "murabba", "rice based", "beverage", "wine", "liquor"]],
  ["dairy_livestock", ["dairy", "milk", "ghee", "paneer", "poultry", "egg", "goat", "sheep", "livestock", "meat", "piggery", "pork"]],
  ["gems_jewellery", ["gem", "jewel", "jewellery", "jewelry", "diamond", "gold", "pearl", "imitation jewel"]],
  ["leather", ["leather", "footwear", "shoe", "juti", "jutti", "kolhapuri chappal", "chappal"]],
  ["textiles_handloom", ["textile", "handloom", "powerloom", "loom", "saree", "sari", "silk", "cotton", "yarn", "garment", "apparel", "readymade", "ready made", "hosiery", "knit", "shawl", "stole", "weav", "woollen", "wool", "pashmina", "ikat", "khadi", "chikankari", "chikan", "zari", "zardozi", "embroider", "bandhani", "bandhej", "kalamkari", "jamdani", "dhurrie", "durrie", "durries", "dari", "carpet", "rug", "towel", "bedsheet", "made up", "made ups", "denim", "jean", "fabric", "cloth", "muga", "eri", "tussar", "tasar", "mekhela", "phulkari", "gamcha", "lungi", "dupatta", "rumal", "jute", "print", "block print", "dye", "applique", "kantha", "lace"]],
  ["handicrafts", ["handicraft", "craft", "art", "toy", "pottery", "terracotta", "ceramic art", "wood", "wooden", "carving", "brass", "bell metal", "dokra", "dhokra", "copper", "bamboo", "cane", "painting", "madhubani", "pattachitra", "stone carving", "marble", "metal craft", "metalware", "utensil", "lacquer", "lac", "moonj", "sikki", "papier", "filigree", "silverfiligree", "mask", "doll", "musical instrument", "basket", "mat", "sholapith", "shola", "glass", "bidri", "idol", "incense", "agarbatti", "bindi", "tikuli", "aipan", "thangka", "horn", "shell", "mural", "bell", "brassware"]],
  ["electronics_it", ["electronic", "esdm", "it", "ites", "software", "semiconductor", "led"]],
  ["chemicals_pharma", ["pharma", "biopharma", "chemical", "medicin", "herbal", "ayurved", "wellness", "aromatic", "essential oil", "perfume", "attar", "fertiliser", "fertilizer", "plastic", "polymer", "rubber product", "soap", "detergent", "paint"]],
  ["engineering", ["engineering", "auto", "automobile", "machine", "machinery", "tractor", "tool", "implement", "pump", "motor", "steel", "iron", "foundry", "casting", "forging", "metal", "aluminium", "utensils", "lock", "scissor", "cutlery", "sports goods", "sport", "furniture", "electrical", "cycle", "bicycle", "fan", "wire", "cable", "pipe", "fabrication", "hardware", "fmcg", "cement", "tile", "ceramic", "sanitary", "glassware", "refractor", "brick", "paper", "packaging", "axle", "rim", "boat", "ship"]],
  ["minerals_stone", ["stone", "granite", "quartz", "feldspar", "mineral", "mining", "coal", "limestone", "slate", "sandstone", "mica", "salt", "dolomite", "kota"]],
  ["forest_produce", ["forest", "honey", "lac", "mahua", "tendu", "sal", "teak", "timber", "resin", "gum", "mushroom"]],
  ["agriculture", ["agri", "agro", "agricultur", "horticultur", "rice", "paddy", "wheat", "maize", "corn", "millet", "ragi", "jowar", "bajra", "pulse", "dal", "lentil", "gram", "soya", "soybean", "mustard", "groundnut", "sesame", "til", "sunflower", "oilseed", "sugarcane", "potato", "onion", "tomato", "vegetable", "fruit", "mango", "banana", "orange", "pineapple", "apple", "litchi", "lychee", "guava", "papaya", "pomegranate", "grape", "kiwi", "lemon", "citrus", "mosambi", "kinnow", "walnut", "almond", "apricot", "strawberry", "jackfruit", "custard apple", "amla", "ber", "berries", "chiku", "sapota", "dates", "makhana", "flower", "floricultur", "rose", "marigold", "cilantro", "seed", "nut", "kodo", "kutki", "barley", "cereal", "mentha", "mint", "herb", "aloe", "stevia", "plum", "peach", "pear", "watermelon", "melon", "cabbage", "cauliflower", "pea", "bean", "chana", "arhar", "moong", "urad", "crop", "organic", "produce"]],
];

export type SectorAssignment = { code: SectorCode; rule: string } | null;

const compiled = sectorKeywordRules.map(([code, words]) => ({
  code,
  patterns: words.map((w) => ({ word: w, re: new RegExp(`(^| )${normalizeName(w)}`) })),
}));

export function sectorByKeyword(productName: string): SectorAssignment {
  const name = normalizeName(productName);
  for (const group of compiled)
    for (const p of group.patterns) if (p.re.test(name)) return { code: group.code, rule: `keyword "${p.word}"` };
  return null;
}

/** A sector named in an imported file, by its English name, Hindi name or code. */
export function sectorByName(name: string): SectorCode | null {
  const norm = normalizeName(name);
  const hit = sectorTaxonomy.find(
    (s) => normalizeName(s.nameEn) === norm || normalizeName(s.code) === norm || s.nameHi === name.trim(),
  );
  return hit?.code ?? null;
}
