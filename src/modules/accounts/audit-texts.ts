import type { Lang } from "../../web/i18n";

/** What an audited action did, in words, in both languages; modules add theirs (see producers/audit-texts.ts). */
export type AuditTexts = Record<string, { en: string; hi: string }>;

export const accountAuditTexts: AuditTexts = {
  "user.sign_up": { en: "Created an account", hi: "खाता बनाया" },
  "user.create": {
    en: "Made an administrator's account (command line)",
    hi: "प्रशासक का खाता बनाया (कमांड लाइन)",
  },
  "user.create_demo": { en: "Made a demo account", hi: "डेमो खाता बनाया" },
  "user.email_verified": { en: "Confirmed the email address", hi: "ईमेल पता पुष्ट किया" },
  "user.password_change": { en: "Changed the password", hi: "पासवर्ड बदला" },
  "user.password_reset": { en: "Chose a new password by a reset link", hi: "रीसेट लिंक से नया पासवर्ड चुना" },
  "session.sign_in": { en: "Signed in", hi: "साइन इन किया" },
  "session.sign_out": { en: "Signed out", hi: "साइन आउट किया" },
  "session.sign_out_everywhere": { en: "Signed out on every device", hi: "हर डिवाइस पर साइन आउट किया" },
  "grant.create": { en: "Gave a role", hi: "भूमिका दी" },
  "grant.revoke": { en: "Took a role away", hi: "भूमिका वापस ली" },
  "invitation.create": { en: "Invited an officer", hi: "अधिकारी को आमंत्रित किया" },
  "invitation.accept": { en: "Accepted an invitation", hi: "आमंत्रण स्वीकार किया" },
  "invitation.withdraw": { en: "Withdrew an invitation", hi: "आमंत्रण वापस लिया" },
};

export const entityNames: Record<string, { en: string; hi: string }> = {
  user: { en: "account", hi: "खाता" },
  grant: { en: "role", hi: "भूमिका" },
  invitation: { en: "invitation", hi: "आमंत्रण" },
  producer: { en: "producer", hi: "उत्पादक" },
  buyer: { en: "buyer profile", hi: "खरीदार प्रोफ़ाइल" },
  gi_link: { en: "GI link (product-GI)", hi: "जीआई लिंक (उत्पाद-जीआई)" },
  committee: { en: "committee", hi: "समिति" },
  committee_member: { en: "committee member", hi: "समिति सदस्य" },
  listing: { en: "bazaar listing", hi: "बाज़ार लिस्टिंग" },
  rfq: { en: "request for quotes", hi: "कोटेशन अनुरोध" },
  order: { en: "order", hi: "ऑर्डर" },
  buyer_interest: { en: "followed product", hi: "अनुसरित उत्पाद" },
  district: { en: "district", hi: "ज़िला" },
};

/** The action in words, or its code where no module has named it. */
export const actionText = (texts: AuditTexts, action: string, lang: Lang) => texts[action]?.[lang] ?? action;
