/** trade: buyers, the bazaar's listings and their photos (next: enquiries, RFQs, quotes, orders, GeM onboarding). */

export { registerTradeApi } from "./api";
export {
  createListing,
  expireRfqs,
  generateDemoListings,
  saveBuyer,
  sendDigests,
  stepListing,
} from "./commands";
export { seedDemoTrade } from "./demo";
export { tradeOpenData } from "./open-data";
export { bazaarPublicPages, tradeActions, tradePages } from "./pages";
export { demoListingsAfter } from "./queries";

/** The trade module's audited actions, in words, for the audit log. */
export const tradeAuditTexts = {
  "buyer.register": { en: "Saved a buyer profile", hi: "क्रेता प्रोफ़ाइल सहेजी" },
  "buyer.update": { en: "Edited a buyer profile", hi: "क्रेता प्रोफ़ाइल बदली" },
  "listing.create": { en: "Wrote a listing for the bazaar", hi: "बाज़ार के लिए लिस्टिंग लिखी" },
  "listing.update": { en: "Changed a listing", hi: "लिस्टिंग बदली" },
  "listing.publish": { en: "Published a listing", hi: "लिस्टिंग प्रकाशित की" },
  "listing.withdraw": { en: "Withdrew a listing", hi: "लिस्टिंग वापस ली" },
  "listing.hide": { en: "Hid a listing", hi: "लिस्टिंग छिपाई" },
  "listing.restore": { en: "Showed a hidden listing again", hi: "छिपाई लिस्टिंग फिर दिखाई" },
  "listing.photo_add": { en: "Added a photo to a listing", hi: "लिस्टिंग में फ़ोटो जोड़ी" },
  "listing.photo_remove": { en: "Removed a photo from a listing", hi: "लिस्टिंग से फ़ोटो हटाई" },
  "listing.photo_first": { en: "Chose a listing's first photo", hi: "लिस्टिंग की पहली फ़ोटो चुनी" },
};
