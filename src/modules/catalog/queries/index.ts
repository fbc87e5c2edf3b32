export * from "./export-ranking";
export * from "./gi-suggestions";
export * from "./lists";
export * from "./proposals";
export * from "./registry";
export * from "./revisions";
export * from "./search";
export * from "./search-cache";
export { knownSearchStamp, searchStamp, setSearchStampMaxAge } from "./search-state";
