/**
 * Other spellings of States/UTs seen in the sources, by LGD code. Reviewable here on purpose:
 * a State that a source spells in a new way is added to this list, never guessed.
 */
export const stateAliases: Record<string, number> = {
  // The merged UT, as the ODOP sheet, the export data and older lists write it.
  "dadra and nagar haveli ut daman and diu ut": 38,
  "dadra nh daman diu": 38,
  "dadra and nagar haveli and daman and diu": 38,
  "dadra and nagar haveli": 38,
  "daman and diu": 38,
  "andaman nicobar": 35,
  "andaman and nicobar": 35,
  "dadra nagar haveli": 38,
  "daman diu": 38,
  "jammu kashmir": 1,
  "nct of delhi": 7,
  orissa: 21,
  pondicherry: 34,
  uttaranchal: 5,
};
