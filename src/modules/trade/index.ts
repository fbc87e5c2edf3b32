/** trade: buyers, the bazaar's listings and photos, RFQs and quotes, orders and ratings, GeM onboarding, the pipeline. */

export { registerTradeApi } from "./api";
export {
  addPhoto,
  createListing,
  expireRfqs,
  generateDemoListings,
  saveBuyer,
  sendDigests,
  sendRfq,
  stepListing,
} from "./commands";
export { generateDemoRfqs } from "./commands/demo-rfqs";
export { seedDemoTrade } from "./demo";
export { tradeDimLabel, tradeFigureDims } from "./figure-labels";
export { tradeOpenData } from "./open-data";
export { bazaarPublicPages, tradeActions, tradePages } from "./pages";
export { rfqRefusal } from "./pages/rfq-refusal";
export { publicPhotoUrl } from "./presenters";
export {
  buyerOf,
  buyersOf,
  demoListingsAfter,
  followedProductsOf,
  ordersByProducer,
  producerRating,
  productPictures,
  publishedListingsOf,
  tradeFigures,
} from "./queries";
export type { RfqInput } from "./schemas";

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
  "buyer.interest_add": {
    en: "Followed a product or HS heading",
    hi: "किसी उत्पाद या एचएस शीर्ष का अनुसरण किया",
  },
  "buyer.interest_remove": { en: "Stopped following", hi: "अनुसरण बंद किया" },
  "rfq.send": { en: "Sent a request for quotes", hi: "कोटेशन अनुरोध भेजा" },
  "rfq.cancel": { en: "Withdrew a request for quotes", hi: "कोटेशन अनुरोध वापस लिया" },
  "rfq.expire": { en: "A request for quotes closed", hi: "कोटेशन अनुरोध बंद हुआ" },
  "rfq.approve": { en: "Let a request for quotes through", hi: "कोटेशन अनुरोध आगे जाने दिया" },
  "rfq.refuse": { en: "Refused a request for quotes", hi: "कोटेशन अनुरोध मना किया" },
  "rfq.quote": { en: "Quoted", hi: "कोटेशन दिया" },
  "rfq.revise": { en: "Revised a quote", hi: "कोटेशन संशोधित किया" },
  "rfq.decline": { en: "Declined a request for quotes", hi: "कोटेशन अनुरोध मना किया (उत्पादक)" },
  "rfq.accept": { en: "Accepted a quote: an order placed", hi: "कोटेशन स्वीकार किया: ऑर्डर दर्ज" },
  "rfq.reject": { en: "Declined a quote", hi: "कोटेशन अस्वीकार किया" },
  "rfq.message": { en: "Wrote about a request for quotes", hi: "कोटेशन अनुरोध पर संदेश लिखा" },
  "rfq.approval_on": {
    en: "Asked to approve requests for quotes first",
    hi: "कोटेशन अनुरोध पहले स्वीकृत करने को कहा",
  },
  "rfq.approval_off": { en: "Let requests for quotes through at once", hi: "कोटेशन अनुरोध तुरंत पहुँचने दिए" },
  "order.sample": { en: "Sent an order's sample", hi: "ऑर्डर का नमूना भेजा" },
  "order.confirm": { en: "Confirmed an order", hi: "ऑर्डर पुष्ट किया" },
  "order.produce": { en: "Produced an order", hi: "ऑर्डर तैयार किया" },
  "order.ship": { en: "Shipped an order", hi: "ऑर्डर भेजा" },
  "order.deliver": { en: "Recorded an order's delivery", hi: "ऑर्डर पहुँचना दर्ज किया" },
  "order.cancel": { en: "Cancelled an order", hi: "ऑर्डर रद्द किया" },
  "order.rate": { en: "Rated an order", hi: "ऑर्डर को रेटिंग दी" },
  "gem.set": { en: "Recorded GeM onboarding", hi: "जीईएम पंजीकरण दर्ज किया" },
};
