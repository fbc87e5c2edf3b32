/** geo: States, districts (LGD codes and every other name they go by), boundaries. */
export { addAliases, insertFormerDistrict } from "./commands";
export type { DrawnMap, MapShape } from "./map";
export { locatorMap, nationalMap, stateMap } from "./map";
export type { DistrictMatch } from "./matching";
export { PlaceIndex } from "./matching";
export { importPlaceNames, placeNamesFile } from "./place-names";
export type { DistrictView, StateView } from "./queries";
export {
  aliasesByDistrict,
  aliasesByState,
  boundaryGeometries,
  countPlaces,
  districtAliasesOf,
  findDistrictsByName,
  getDistrict,
  getDistricts,
  getState,
  listDistricts,
  listStates,
  loadPlaceIndex,
  pageDistricts,
  stateAliasesOf,
} from "./queries";
export type { NewAlias } from "./schemas";
export { geoSeedFiles, importBoundaries, importHindiNames, importLgdFiles } from "./seed-steps";
