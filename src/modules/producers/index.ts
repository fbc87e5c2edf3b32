/** producers: producer and buyer profiles, verification by the district, the public directory. */

export { registerProducersApi } from "./api";
export { producerAuditTexts } from "./audit-texts";
export { seedDemo } from "./demo";
export { producerActions, producersPages } from "./pages";
export { verifiedProducersOfProduct } from "./queries";
