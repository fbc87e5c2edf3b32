/** catalog: ODOP products, sectors, GI registrations, list revisions, HS codes, district exports. */
export { registerCatalogApi } from "./api";
export { generateDemoListings } from "./commands";
export { importOdopList } from "./import-list";
export { buildOpenData } from "./open-data/build";
export { catalogPages, SectorMap } from "./pages";
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
  productsOfDistricts,
  productsOfRevision,
  publicPaths,
  revisionById,
  search,
} from "./queries";
export type { RevisionMeta } from "./schemas";
export { sectorKeywordRules, sectorTaxonomy } from "./sectors";
export { importSeed, seedFiles, seedRevision } from "./seed";
