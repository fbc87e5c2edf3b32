export * from "./demo-listings";
export * from "./gi-links";
export * from "./registry";
export * from "./search-index";
