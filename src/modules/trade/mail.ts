import type { Mail } from "../../platform/outbox";
import type { Lang } from "../../web/i18n";
import { noticeMail } from "../../web/notice-mail";

/** An officer hid a listing (with the reason) or showed it again: told to its producer in the producer's language. */
export function moderationMail(
  lang: Lang,
  p: { to: string; title: string; step: "hide" | "restore"; reason: string | null; link: string },
): Mail {
  if (lang === "hi")
    return {
      to: p.to,
      subject:
        p.step === "hide"
          ? `ओडीओपी हब: आपकी लिस्टिंग "${p.title}" छिपाई गई`
          : `ओडीओपी हब: आपकी लिस्टिंग "${p.title}" फिर से दिख रही है`,
      body:
        p.step === "hide"
          ? `एक अधिकारी ने बाज़ार से आपकी लिस्टिंग "${p.title}" छिपा दी है।\nकारण: ${p.reason ?? ""}\nलिस्टिंग ठीक करें; अधिकारी उसे फिर से दिखा सकते हैं।\n\n${p.link}\n`
          : `एक अधिकारी ने आपकी लिस्टिंग "${p.title}" को बाज़ार में फिर से दिखाया है।\n\n${p.link}\n`,
    };
  return {
    to: p.to,
    subject:
      p.step === "hide"
        ? `ODOP Hub: your listing "${p.title}" was hidden`
        : `ODOP Hub: your listing "${p.title}" is shown again`,
    body:
      p.step === "hide"
        ? `An officer has hidden your listing "${p.title}" from the bazaar.\nReason: ${p.reason ?? ""}\nCorrect the listing; an officer can show it again.\n\n${p.link}\n`
        : `An officer has shown your listing "${p.title}" in the bazaar again.\n\n${p.link}\n`,
  };
}

/** What the trade workflows tell people, by kind: a subject and a body in each language, `{name}` filled in. */
const notices = {
  en: {
    invited: [
      "New request for quotes: {subject}",
      "A buyer asks for quotes: {subject} ({quantity}), to {country}, {incoterm}, needed by {neededBy}. It closes on {closes}.\nQuote, decline, or ask a question:",
    ],
    held: [
      "A request for quotes waits for your approval",
      "A buyer's request for quotes, {subject}, would reach producers of your district. Let it through or refuse it:",
    ],
    quoted: [
      "A quote on {subject}",
      "{producer} has quoted on your request {subject}. See it, compare it, accept or decline:",
    ],
    revised: ["A revised quote on {subject}", "{producer} has revised its quote on your request {subject}:"],
    declinedByProducer: [
      "{producer} will not quote on {subject}",
      "{producer} has declined your request {subject}.",
    ],
    accepted: [
      "Your quote on {subject} is accepted",
      "The buyer has accepted your quote on {subject}. The order is placed; record its milestones as they happen. The buyer's contact is on the order page:",
    ],
    rejected: ["Your quote on {subject} was declined", "The buyer has declined your quote on {subject}."],
    closed: [
      "The request {subject} is closed",
      "The request {subject} is closed: the buyer accepted another quote or withdrew it.",
    ],
    expired: [
      "Your request {subject} has closed",
      "Your request for quotes {subject} reached its closing date. Its quotes are no longer open:",
    ],
    message: ["A message about {subject}", "{from} writes about {subject}:\n\n{body}\n\nAnswer here:"],
    order: ["Order {subject}: {step}", "The order {subject} has moved on: {step} ({date}).\n"],
    digest: [
      "New listings for your interests",
      "New in the ODOP Bazaar for what you follow:\n\n{lines}\n\nChange what you follow:",
    ],
  },
  hi: {
    invited: [
      "कोटेशन का नया अनुरोध: {subject}",
      "एक क्रेता कोटेशन माँगता है: {subject} ({quantity}), {country} तक, {incoterm}, {neededBy} तक चाहिए। यह {closes} को बंद होगा।\nकोटेशन दें, मना करें या प्रश्न पूछें:",
    ],
    held: [
      "कोटेशन का एक अनुरोध आपकी स्वीकृति की प्रतीक्षा में",
      "एक क्रेता का कोटेशन अनुरोध, {subject}, आपके ज़िले के उत्पादकों तक पहुँचेगा। इसे आगे जाने दें या मना करें:",
    ],
    quoted: [
      "{subject} पर कोटेशन",
      "{producer} ने आपके अनुरोध {subject} पर कोटेशन दिया है। देखें, तुलना करें, स्वीकार या अस्वीकार करें:",
    ],
    revised: ["{subject} पर संशोधित कोटेशन", "{producer} ने आपके अनुरोध {subject} पर कोटेशन संशोधित किया है:"],
    declinedByProducer: [
      "{producer} {subject} पर कोटेशन नहीं देगा",
      "{producer} ने आपके अनुरोध {subject} को मना किया है।",
    ],
    accepted: [
      "{subject} पर आपका कोटेशन स्वीकार हुआ",
      "क्रेता ने {subject} पर आपका कोटेशन स्वीकार किया है। ऑर्डर दर्ज हो गया है; इसके पड़ाव होते ही दर्ज करें। क्रेता का संपर्क ऑर्डर पृष्ठ पर है:",
    ],
    rejected: ["{subject} पर आपका कोटेशन अस्वीकार हुआ", "क्रेता ने {subject} पर आपका कोटेशन अस्वीकार किया है।"],
    closed: [
      "अनुरोध {subject} बंद हुआ",
      "अनुरोध {subject} बंद हो गया: क्रेता ने कोई दूसरा कोटेशन स्वीकार किया या अनुरोध वापस लिया।",
    ],
    expired: [
      "आपका अनुरोध {subject} बंद हुआ",
      "आपका कोटेशन अनुरोध {subject} अपनी अंतिम तिथि पर पहुँच गया। इसके कोटेशन अब खुले नहीं हैं:",
    ],
    message: ["{subject} के बारे में संदेश", "{from} ने {subject} के बारे में लिखा:\n\n{body}\n\nयहाँ उत्तर दें:"],
    order: ["ऑर्डर {subject}: {step}", "ऑर्डर {subject} आगे बढ़ा है: {step} ({date})।\n"],
    digest: [
      "आपकी रुचि की नई लिस्टिंग",
      "आप जिनका अनुसरण करते हैं, उनके लिए ओडीओपी बाज़ार में नया:\n\n{lines}\n\nअनुसरण बदलें:",
    ],
  },
} as const satisfies Record<Lang, Record<string, readonly [string, string]>>;
export type TradeNotice = keyof (typeof notices)["en"];

/** A trade notice to one person in that person's language, ending with the link to act on it. */
export const tradeMail = (
  lang: Lang,
  kind: TradeNotice,
  p: { to: string; link: string; vars: Record<string, string | number> },
): Mail => noticeMail(notices, lang, kind, p);
