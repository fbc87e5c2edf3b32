import type { Mail } from "../../platform/outbox";
import type { Lang } from "../../web/i18n";
import { type Notices, noticeMail } from "../../web/notice-mail";

/** What events and meets tell people, by kind, in each language; `{name}` filled in. */
const notices = {
  en: {
    pending: [
      "Registration received: {event}",
      "You have registered for {event}. The organiser approves registrations; you will hear as soon as they decide.",
    ],
    confirmed: [
      "Your place at {event} is confirmed",
      "Your place at {event} ({when}) is confirmed. Details:",
    ],
    waitlisted: [
      "On the waitlist for {event}",
      "{event} is full, so you are on its waitlist (number {position}). If someone withdraws, you move up and we tell you at once.",
    ],
    approved: [
      "Your place at {event} is confirmed",
      "The organiser approved your registration for {event} ({when}).",
    ],
    approvedToWaitlist: [
      "Approved, on the waitlist for {event}",
      "The organiser approved your registration for {event}, but it is full: you are on the waitlist (number {position}).",
    ],
    refused: [
      "Registration for {event} not accepted",
      "The organiser could not accept your registration for {event}.",
    ],
    toApprove: [
      "A registration for {event} waits for your approval",
      "{person} has registered for {event} as a {side}. Approve or refuse it:",
    ],
    promoted: [
      "A place at {event} is now yours",
      "Someone withdrew, so you have moved up from the waitlist: your place at {event} ({when}) is confirmed.",
    ],
    withdrawn: [
      "You have withdrawn from {event}",
      "Your registration for {event} is withdrawn. You may register again while it is open.",
    ],
    changed: [
      "{event} has changed",
      "The organiser has changed the time or place of {event}. See the new details:",
    ],
    cancelled: ["{event} is cancelled", "The organiser has cancelled {event}. Reason: {reason}"],
    scheduled: [
      "Your meetings at {event}",
      "The meetings of {event} are scheduled: you have {n}. Your diary, in your time zone ({zone}), with a video link for each meeting; the calendar file is attached.\n\n{lines}\n\nYour diary:",
    ],
    moved: [
      "A meeting at {event} has moved",
      "Your meeting with {other} at {event} now starts at {when} ({zone}). The calendar file is attached.",
    ],
    meetingCancelled: [
      "A meeting at {event} is cancelled",
      "Your meeting with {other} at {event} ({when}) is cancelled: they withdrew from the meet.",
    ],
  },
  hi: {
    pending: [
      "पंजीकरण मिला: {event}",
      "आपने {event} के लिए पंजीकरण किया है। आयोजक पंजीकरण स्वीकृत करते हैं; निर्णय होते ही आपको बताया जाएगा।",
    ],
    confirmed: ["{event} में आपका स्थान पक्का", "{event} ({when}) में आपका स्थान पक्का है। विवरण:"],
    waitlisted: [
      "{event} की प्रतीक्षा सूची में",
      "{event} भर गया है, इसलिए आप प्रतीक्षा सूची में हैं (क्रमांक {position})। कोई नाम वापस ले तो आप आगे आएँगे और आपको तुरंत बताया जाएगा।",
    ],
    approved: ["{event} में आपका स्थान पक्का", "आयोजक ने {event} ({when}) के लिए आपका पंजीकरण स्वीकृत किया।"],
    approvedToWaitlist: [
      "स्वीकृत, {event} की प्रतीक्षा सूची में",
      "आयोजक ने {event} के लिए आपका पंजीकरण स्वीकृत किया, पर यह भर गया है: आप प्रतीक्षा सूची में हैं (क्रमांक {position})।",
    ],
    refused: ["{event} के लिए पंजीकरण स्वीकार नहीं", "आयोजक {event} के लिए आपका पंजीकरण स्वीकार नहीं कर सके।"],
    toApprove: [
      "{event} का एक पंजीकरण आपकी स्वीकृति की प्रतीक्षा में",
      "{person} ने {event} के लिए {side} के रूप में पंजीकरण किया है। स्वीकृत या अस्वीकार करें:",
    ],
    promoted: [
      "{event} में अब आपका स्थान है",
      "किसी ने नाम वापस लिया, इसलिए आप प्रतीक्षा सूची से आगे आए: {event} ({when}) में आपका स्थान पक्का है।",
    ],
    withdrawn: [
      "आपने {event} से नाम वापस लिया",
      "{event} के लिए आपका पंजीकरण वापस हो गया। पंजीकरण खुला रहने तक आप फिर से पंजीकरण कर सकते हैं।",
    ],
    changed: ["{event} में बदलाव", "आयोजक ने {event} का समय या स्थान बदला है। नया विवरण देखें:"],
    cancelled: ["{event} रद्द", "आयोजक ने {event} रद्द कर दिया है। कारण: {reason}"],
    scheduled: [
      "{event} में आपकी बैठकें",
      "{event} की बैठकें तय हो गई हैं: आपकी {n} बैठकें हैं। आपकी डायरी, आपके समय क्षेत्र ({zone}) में, हर बैठक के वीडियो लिंक के साथ; कैलेंडर फ़ाइल संलग्न है।\n\n{lines}\n\nआपकी डायरी:",
    ],
    moved: [
      "{event} की एक बैठक का समय बदला",
      "{event} में {other} के साथ आपकी बैठक अब {when} ({zone}) पर शुरू होगी। कैलेंडर फ़ाइल संलग्न है।",
    ],
    meetingCancelled: [
      "{event} की एक बैठक रद्द",
      "{event} में {other} के साथ आपकी बैठक ({when}) रद्द हो गई: उन्होंने मीट से नाम वापस लिया।",
    ],
  },
} as const satisfies Notices<string>;
export type PromotionNotice = keyof (typeof notices)["en"];

/** A notice about an event or a meet to one person, in that person's language, with the link to see it. */
export const promotionMail = (
  lang: Lang,
  kind: PromotionNotice,
  p: { to: string; link: string; vars: Record<string, string | number>; attachments?: Mail["attachments"] },
): Mail => noticeMail(notices, lang, kind, p);
