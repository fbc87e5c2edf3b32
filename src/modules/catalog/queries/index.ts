export * from "./export-ranking";
export * from "./gi-suggestions";
export * from "./lists";
export * from "./registry";
export * from "./search";
