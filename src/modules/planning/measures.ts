/** The three measures every plan sets targets for; a district adds its own beside them ("custom:<n>"). */
export const standardMeasures = ["export_inr", "export_usd", "producers"] as const;
