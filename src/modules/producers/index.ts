/** producers: producer profiles, verification by the district, the public directory. */

export { registerProducersApi } from "./api";
export { producerAuditTexts } from "./audit-texts";
export { districtProducts, generateDemoProducers, registerProducer, reviewProducer } from "./commands";
export { demoDomain, seedDemo } from "./demo";
export { producerDimLabel, producerFigureDims } from "./figure-labels";
export { producerActions, producersPages } from "./pages";
export {
  type ProducerSummary,
  producerContact,
  producerFigures,
  producerNames,
  producerSummary,
  producersOwnedBy,
  verifiedProducers,
  verifiedProducersOfDistrict,
  verifiedProducersOfProduct,
} from "./queries";
