export * from "./gi-links";
export * from "./listing-entries";
export * from "./proposal-mail";
export * from "./proposal-steps";
export * from "./proposals";
export * from "./registry";
export * from "./revisions";
export * from "./search-index";
