/**
 * promotion: events, registration and attendance, virtual buyer-seller meets (matching across time zones, diaries,
 * ratings, RFQs from meetings), gift catalogues.
 */
export { registerPromotionApi } from "./api";
export { createEvent, stepEvent } from "./commands/events";
export { requestMatching, runMatching } from "./commands/meet";
export { register } from "./commands/registrations";
export { seedDemoCatalogue, seedDemoPromotion } from "./demo";
export { promotionDimLabel, promotionFigureDims } from "./figure-labels";
export {
  candidatePairs,
  type MatchInput,
  type Meeting,
  matchAndSchedule,
  type Participant,
  tiers,
} from "./matching";
export { promotionOpenData } from "./open-data";
export { cataloguePublicPages, eventPublicPages, promotionActions, promotionPages } from "./pages";
export { renderCataloguePdfs } from "./pages/catalogue-pdf";
export { promotionFigures } from "./queries/figures";
export { availableHours, type Interval, meetingSlots } from "./slots";

/** The promotion module's audited actions, in words, for the audit log. */
export const promotionAuditTexts = {
  "event.create": { en: "Wrote an event", hi: "आयोजन लिखा" },
  "event.update": { en: "Changed an event", hi: "आयोजन बदला" },
  "event.publish": { en: "Published an event", hi: "आयोजन प्रकाशित किया" },
  "event.cancel": { en: "Cancelled an event", hi: "आयोजन रद्द किया" },
  "event.outcomes": { en: "Recorded an event's outcomes", hi: "आयोजन के परिणाम दर्ज किए" },
  "registration.apply": {
    en: "Registered for an event (awaiting approval)",
    hi: "आयोजन के लिए पंजीकरण किया (स्वीकृति बाकी)",
  },
  "registration.join": { en: "Registered for an event", hi: "आयोजन के लिए पंजीकरण किया" },
  "registration.queue": { en: "Joined an event's waitlist", hi: "आयोजन की प्रतीक्षा सूची में जुड़े" },
  "registration.approve": { en: "Approved a registration", hi: "पंजीकरण स्वीकृत किया" },
  "registration.approve_waitlist": {
    en: "Approved a registration onto the waitlist",
    hi: "पंजीकरण स्वीकृत कर प्रतीक्षा सूची में रखा",
  },
  "registration.refuse": { en: "Refused a registration", hi: "पंजीकरण अस्वीकार किया" },
  "registration.withdraw": { en: "Withdrew from an event", hi: "आयोजन से नाम वापस लिया" },
  "registration.promote": { en: "Moved up from the waitlist", hi: "प्रतीक्षा सूची से आगे आए" },
  "registration.check_in": { en: "Checked a participant in", hi: "प्रतिभागी की उपस्थिति दर्ज की" },
  "registration.check_out": { en: "Undid a check-in", hi: "उपस्थिति वापस ली" },
  "meet.hours": { en: "Gave hours for a meet", hi: "बैठक के लिए घंटे दिए" },
  "meet.wishes": { en: "Ranked whom to meet", hi: "किनसे मिलना है, क्रम दिया" },
  "meet.match": { en: "Asked for a meet's matching", hi: "बैठक का मिलान माँगा" },
  "meet.scheduled": { en: "Scheduled a meet's meetings", hi: "बैठक की मुलाक़ातें तय कीं" },
  "meet.move": { en: "Moved a meeting", hi: "मुलाक़ात का समय बदला" },
  "meet.rate": { en: "Rated a meeting", hi: "मुलाक़ात को रेटिंग दी" },
  "catalogue.create": { en: "Wrote a gift catalogue", hi: "उपहार सूची लिखी" },
  "catalogue.update": { en: "Changed a gift catalogue", hi: "उपहार सूची बदली" },
  "catalogue.publish": { en: "Published a gift catalogue", hi: "उपहार सूची प्रकाशित की" },
  "catalogue.withdraw": { en: "Withdrew a gift catalogue", hi: "उपहार सूची वापस ली" },
  "catalogue.add": { en: "Added a product to a catalogue", hi: "सूची में उत्पाद जोड़ा" },
  "catalogue.item": { en: "Labelled a catalogue's product", hi: "सूची के उत्पाद का लेबल बदला" },
  "catalogue.move": { en: "Reordered a catalogue", hi: "सूची का क्रम बदला" },
  "catalogue.remove": { en: "Removed a product from a catalogue", hi: "सूची से उत्पाद हटाया" },
};
