export * from "./demo-listings";
export * from "./registry";
export * from "./search-index";
