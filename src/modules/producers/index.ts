/** producers: producer profiles, verification by the district, the public directory. */

export { registerProducersApi } from "./api";
export { producerAuditTexts } from "./audit-texts";
export { districtProducts, generateDemoProducers } from "./commands";
export { demoDomain, seedDemo } from "./demo";
export { producerActions, producersPages } from "./pages";
export {
  type ProducerSummary,
  producerNames,
  producerSummary,
  producersOwnedBy,
  verifiedProducersOfProduct,
} from "./queries";
