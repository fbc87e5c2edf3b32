export * from "./bazaar";
export * from "./buyers";
export * from "./figures";
export * from "./listings";
export * from "./orders";
export * from "./pipeline";
export * from "./rfqs";
