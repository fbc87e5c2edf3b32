export * from "./buyers";
export * from "./demo-listings";
export * from "./listings";
export * from "./photos";
