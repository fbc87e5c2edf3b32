/** District and State Export Promotion Committees (HBP 2023 para 3.03). */
export const committeeKinds = ["depc", "sepc"] as const;
export type CommitteeKind = (typeof committeeKinds)[number];

/** The roles a member holds on a committee. */
export const memberRoles = [
  "chair",
  "co_chair",
  "convener",
  "co_convener",
  "member",
  "special_invitee",
] as const;
export type MemberRole = (typeof memberRoles)[number];

/**
 * The usual composition (DOMAIN.md, from HBP 2023 para 3.03 and State orders), offered as vacant seats that the
 * convener fills or removes: a starting template, not fixed rows.
 */
export const usualComposition: Record<
  CommitteeKind,
  { role: MemberRole; designation: { en: string; hi: string } }[]
> = {
  depc: [
    {
      role: "chair",
      designation: { en: "District Collector / District Magistrate", hi: "ज़िला कलेक्टर / ज़िला मजिस्ट्रेट" },
    },
    { role: "co_chair", designation: { en: "DGFT Regional Authority", hi: "डीजीएफ़टी क्षेत्रीय प्राधिकारी" } },
    {
      role: "convener",
      designation: { en: "General Manager, District Industries Centre", hi: "महाप्रबंधक, ज़िला उद्योग केंद्र" },
    },
    {
      role: "member",
      designation: {
        en: "Nominee of the State Commerce & Industries Department",
        hi: "राज्य वाणिज्य एवं उद्योग विभाग के नामित",
      },
    },
    { role: "member", designation: { en: "Lead Bank Manager", hi: "अग्रणी बैंक प्रबंधक" } },
    {
      role: "member",
      designation: { en: "Representative of the Ministry of MSME", hi: "एमएसएमई मंत्रालय के प्रतिनिधि" },
    },
    {
      role: "member",
      designation: {
        en: "Export promotion council or commodity board",
        hi: "निर्यात संवर्धन परिषद या वस्तु बोर्ड",
      },
    },
    { role: "member", designation: { en: "Agriculture / horticulture officer", hi: "कृषि / उद्यान अधिकारी" } },
    {
      role: "member",
      designation: { en: "Handicrafts / handlooms officer", hi: "हस्तशिल्प / हथकरघा अधिकारी" },
    },
  ],
  sepc: [
    { role: "chair", designation: { en: "Chief Secretary", hi: "मुख्य सचिव" } },
    {
      role: "convener",
      designation: { en: "State industries / export nodal body", hi: "राज्य उद्योग / निर्यात नोडल संस्था" },
    },
    {
      role: "co_convener",
      designation: { en: "DGFT zonal or regional authority", hi: "डीजीएफ़टी क्षेत्रीय प्राधिकारी" },
    },
    { role: "member", designation: { en: "Secretary, Industries", hi: "सचिव, उद्योग" } },
    { role: "member", designation: { en: "Secretary, Finance", hi: "सचिव, वित्त" } },
    { role: "member", designation: { en: "Secretary, Agriculture", hi: "सचिव, कृषि" } },
    { role: "member", designation: { en: "Secretary, MSME", hi: "सचिव, एमएसएमई" } },
    { role: "member", designation: { en: "Industry representative", hi: "उद्योग प्रतिनिधि" } },
  ],
};
