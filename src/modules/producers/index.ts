/** producers: producer and buyer profiles, verification by the district, the public directory. */

export { registerProducersApi } from "./api";
export { registerProducer, revealContact, reviewProducer, saveBuyer, updateProducer } from "./commands";
export { demoDomain, seedDemo } from "./demo";
export { gstinCheckChar } from "./identifiers";
export { producerActions, producerPrefixes, producersPages } from "./pages";
export { can as producerCan } from "./policy";
export { directory, reviewQueue } from "./queries";
