/** Names of the 22 HS-based sectors of the district export data (dist_complexity_analysis codes). */
export const exportSectorNames: Record<string, { en: string; hi: string }> = {
  agri_livestock_other: { en: "Agriculture, livestock & other primary", hi: "कृषि, पशुधन एवं अन्य प्राथमिक" },
  auto: { en: "Automobiles & parts", hi: "वाहन एवं पुर्ज़े" },
  chemicals: { en: "Chemicals", hi: "रसायन" },
  electronics: { en: "Electronics & electrical", hi: "इलेक्ट्रॉनिक्स एवं विद्युत" },
  food_fresh: { en: "Fresh food", hi: "ताज़ा खाद्य" },
  food_grains: { en: "Food grains", hi: "खाद्यान्न" },
  food_processed: { en: "Processed food", hi: "प्रसंस्कृत खाद्य" },
  footwear: { en: "Footwear", hi: "जूते-चप्पल" },
  furniture: { en: "Furniture", hi: "फ़र्नीचर" },
  gems_jewellery: { en: "Gems & jewellery", hi: "रत्न एवं आभूषण" },
  leather: { en: "Leather", hi: "चमड़ा" },
  machinery: { en: "Machinery", hi: "मशीनरी" },
  metals: { en: "Metals", hi: "धातुएँ" },
  mineral_products: { en: "Mineral products", hi: "खनिज उत्पाद" },
  optical_medical: { en: "Optical & medical instruments", hi: "प्रकाशीय एवं चिकित्सा उपकरण" },
  other_manufactures: { en: "Other manufactures", hi: "अन्य विनिर्मित वस्तुएँ" },
  pharma: { en: "Pharmaceuticals", hi: "औषधियाँ" },
  plastics_rubber: { en: "Plastics & rubber", hi: "प्लास्टिक एवं रबड़" },
  textiles_garments: { en: "Textiles & garments", hi: "वस्त्र एवं परिधान" },
  toys: { en: "Toys & games", hi: "खिलौने एवं खेल सामग्री" },
  transport_other: { en: "Other transport equipment", hi: "अन्य परिवहन उपकरण" },
  wood_paper: { en: "Wood & paper", hi: "लकड़ी एवं काग़ज़" },
};

export function exportSectorName(code: string, lang: "en" | "hi"): string {
  return exportSectorNames[code]?.[lang] ?? code;
}
