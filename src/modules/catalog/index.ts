/** catalog: ODOP products, sectors, GI registrations, list revisions, HS codes, district exports. */
export { importOdopList } from "./import-list";
export { catalogPages } from "./pages";
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
export { sectorKeywordRules, sectorTaxonomy } from "./sectors";
export { importSeed, seedFiles, seedRevision } from "./seed";
