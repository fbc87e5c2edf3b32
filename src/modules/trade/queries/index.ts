export * from "./bazaar";
export * from "./buyers";
export * from "./listings";
