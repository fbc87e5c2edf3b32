/** catalog: ODOP products, sectors, GI registrations, list revisions, HS codes, district exports. */
export { importOdopList } from "./import-list";
export type { ProductView, RevisionView } from "./queries";
export {
  allRevisions,
  catalogCounts,
  exportsOfDistrict,
  exportTotals,
  giLinksOfProduct,
  hsHeadingsOfProduct,
  lastImportRun,
  liveRevision,
  productBySlug,
  productCountsByState,
  productsOfDistricts,
  revisionById,
} from "./queries";
export type { RevisionMeta } from "./schemas";
export { importSeed, seedFiles, seedRevision } from "./seed";
export { sectorKeywordRules, sectorTaxonomy } from "./sectors";
export { catalogPages } from "./pages";
