/** catalog: ODOP products, sectors, GI registrations, list revisions, HS codes, district exports. */
export { registerCatalogApi } from "./api";
export { generateDemoListings } from "./commands";
export { importOdopList } from "./import-list";
export { buildOpenData } from "./open-data/build";
export { catalogActions, catalogPages, giReviewPages, SectorMap } from "./pages";
export type { ProductView, RevisionView, SearchFilters, SearchHit, SearchKind } from "./queries";
export {
  allRevisions,
  catalogCounts,
  demoListingsAfter,
  exportsBySector,
  exportTotals,
  featuredProducts,
  giLinksOfProduct,
  hsHeadingsOfProduct,
  lastImportRun,
  liveRevision,
  productById,
  productBySlug,
  productCountsByState,
  productIdsOfSector,
  productsOfDistricts,
  productsOfRevision,
  publicPaths,
  revisionById,
  search,
} from "./queries";
export type { RevisionMeta } from "./schemas";
export { sectorKeywordRules, sectorTaxonomy } from "./sectors";
export { importSeed, seedFiles, seedRevision } from "./seed";

/** The catalog's audited actions, in words, for the audit log. */
export const catalogAuditTexts = {
  "gi_link.confirm": { en: "Confirmed a product's GI link", hi: "उत्पाद का जीआई लिंक पुष्ट किया" },
  "gi_link.reject": { en: "Rejected a product's GI link", hi: "उत्पाद का जीआई लिंक अस्वीकार किया" },
};
