export * from "./lists";
export * from "./registry";
export * from "./search";
