/** catalog: ODOP products, sectors, GI registrations, list revisions, HS codes, district exports. */
export { registerCatalogApi } from "./api";
export { indexListing, indexListingsInBulk, type ListingEntry, unindexListing } from "./commands";
export { exportSectorName } from "./export-sectors";
export { importOdopList } from "./import-list";
export { buildOpenData, type OpenDataSource } from "./open-data/build";
export type { Dataset } from "./open-data/datasets";
export {
  catalogActions,
  catalogPages,
  giReviewPages,
  proposalActions,
  proposalPages,
  revisionActions,
  revisionAdminPages,
  SectorMap,
} from "./pages";
export { ExportsBySector, GiList } from "./pages/shared";
export { seedDemoProposals } from "./proposals/demo";
export type { ProductView, RevisionView, SearchFilters, SearchHit, SearchKind } from "./queries";
export {
  allRevisions,
  catalogCounts,
  catalogFigures,
  currentStamp,
  exportsBySector,
  exportsYear,
  exportTotals,
  featuredProducts,
  giLinksOfProduct,
  giOfDistrict,
  hsHeadings,
  hsHeadingsOfProduct,
  knownSearchStamp,
  knownStamp,
  lastImportRun,
  liveProductIdsOfHsHeading,
  liveRevision,
  productById,
  productBySlug,
  productCountsByState,
  productIdsOfSector,
  productsByIds,
  productsOfDistricts,
  productsOfRevision,
  publicPaths,
  revisionById,
  search,
  searchStamp,
  searchUncached,
  setStampMaxAge,
} from "./queries";
export type { RevisionMeta } from "./schemas";
export { sectorArt } from "./sector-art";
export { sectorKeywordRules, sectorTaxonomy } from "./sectors";
export { importSeed, refreshSearchVocabulary, seedFiles, seedRevision } from "./seed";

/** The catalog's audited actions, in words, for the audit log. */
export const catalogAuditTexts = {
  "gi_link.confirm": { en: "Confirmed a product's GI link", hi: "उत्पाद का जीआई लिंक पुष्ट किया" },
  "gi_link.reject": { en: "Rejected a product's GI link", hi: "उत्पाद का जीआई लिंक अस्वीकार किया" },
  "proposal.submit": {
    en: "Proposed a change to the national list",
    hi: "राष्ट्रीय सूची में बदलाव प्रस्तावित किया",
  },
  "proposal.resubmit": { en: "Corrected and resent a proposal", hi: "प्रस्ताव ठीक करके फिर भेजा" },
  "proposal.withdraw": { en: "Withdrew a proposal", hi: "प्रस्ताव वापस लिया" },
  "proposal.forward": { en: "Forwarded a proposal to the nation", hi: "प्रस्ताव राष्ट्र को आगे भेजा" },
  "proposal.returnByState": { en: "Returned a proposal (State)", hi: "प्रस्ताव लौटाया (राज्य)" },
  "proposal.accept": { en: "Accepted a proposal into the draft", hi: "प्रस्ताव मसौदे में स्वीकार किया" },
  "proposal.returnByNation": { en: "Returned a proposal (nation)", hi: "प्रस्ताव लौटाया (राष्ट्र)" },
  "proposal.publish": { en: "Published a proposal with its revision", hi: "प्रस्ताव संशोधन के साथ प्रकाशित किया" },
  "proposal.reconsider": { en: "Put a proposal back for decision", hi: "प्रस्ताव फिर निर्णय के लिए रखा" },
  "revision.upload": { en: "Read a whole list into the draft", hi: "पूरी सूची मसौदे में पढ़ी" },
  "revision.publish": {
    en: "Published a revision of the national list",
    hi: "राष्ट्रीय सूची का संशोधन प्रकाशित किया",
  },
  "revision.discard": { en: "Discarded the draft revision", hi: "मसौदा संशोधन रद्द किया" },
};
