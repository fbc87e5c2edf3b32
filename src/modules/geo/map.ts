import { type GeoPermissibleObjects, type GeoProjection, geoArea, geoMercator, geoPath } from "d3-geo";
import type { Feature, FeatureCollection, Geometry } from "geojson";
import type { DbOrTx } from "../../platform/db";
import { boundaryGeometries } from "./queries";

export type MapShape = { lgdCode: number; d: string };
export type DrawnMap = { width: number; height: number; shapes: MapShape[]; outlines: MapShape[] };

type Boundaries = { districts: Map<number, Feature<Geometry>>; states: Map<number, Feature<Geometry>> };

/**
 * d3-geo reads a ring's winding to tell inside from outside: a polygon whose area covers most of the globe was
 * wound the other way, and is turned round before it is drawn.
 */
function rewound(f: Feature<Geometry>): Feature<Geometry> {
  if (geoArea(f) <= 2 * Math.PI) return f;
  const g = f.geometry;
  const turn = (rings: number[][][]) => rings.map((r) => [...r].reverse());
  if (g.type === "Polygon") return { ...f, geometry: { ...g, coordinates: turn(g.coordinates) } };
  if (g.type === "MultiPolygon") return { ...f, geometry: { ...g, coordinates: g.coordinates.map(turn) } };
  return f;
}

// Boundaries never change while the process runs (they come with the seed): read them once per database.
const loaded = new WeakMap<object, Promise<Boundaries>>();
const national = new WeakMap<object, Promise<DrawnMap>>();

async function loadBoundaries(db: DbOrTx): Promise<Boundaries> {
  const read = async (kind: "district" | "state") =>
    new Map(
      (await boundaryGeometries(db, kind)).map((b) => [
        b.lgdCode,
        rewound({ type: "Feature", properties: {}, geometry: b.geometry as Geometry }),
      ]),
    );
  return { districts: await read("district"), states: await read("state") };
}

function boundariesOf(db: DbOrTx): Promise<Boundaries> {
  let p = loaded.get(db);
  if (!p) {
    p = loadBoundaries(db);
    loaded.set(db, p);
  }
  return p;
}

function draw(
  width: number,
  height: number,
  fitTo: Feature<Geometry>[],
  districts: [number, Feature<Geometry>][],
  outlines: [number, Feature<Geometry>][],
  digits: number,
): DrawnMap {
  const collection: FeatureCollection = { type: "FeatureCollection", features: fitTo };
  const projection: GeoProjection = geoMercator().fitSize(
    [width, height],
    collection as GeoPermissibleObjects,
  );
  const path = geoPath(projection).digits(digits);
  const shape = ([lgdCode, f]: [number, Feature<Geometry>]) => ({ lgdCode, d: path(f) ?? "" });
  return { width, height, shapes: districts.map(shape), outlines: outlines.map(shape) };
}

/** Every district with a polygon, and the State outlines, projected for an 800 × 900 SVG. Computed once. */
export function nationalMap(db: DbOrTx): Promise<DrawnMap> {
  let p = national.get(db);
  if (!p) {
    p = boundariesOf(db).then((b) => {
      if (b.states.size === 0) national.delete(db); // not seeded yet: try again next time
      return draw(800, 900, [...b.states.values()], [...b.districts], [...b.states], 0);
    });
    national.set(db, p);
  }
  return p;
}

/** The districts of one State, fitted to a 600 × 600 SVG. */
export async function stateMap(
  db: DbOrTx,
  stateLgdCode: number,
  districtCodes: number[],
): Promise<DrawnMap | null> {
  const b = await boundariesOf(db);
  const outline = b.states.get(stateLgdCode);
  if (!outline) return null;
  const districts = districtCodes.flatMap((c): [number, Feature<Geometry>][] => {
    const f = b.districts.get(c);
    return f ? [[c, f]] : [];
  });
  return draw(600, 600, [outline], districts, [[stateLgdCode, outline]], 1);
}

/** A small map locating one district in its State. */
export async function locatorMap(
  db: DbOrTx,
  stateLgdCode: number,
  districtLgdCode: number,
): Promise<DrawnMap | null> {
  const b = await boundariesOf(db);
  const outline = b.states.get(stateLgdCode);
  const district = b.districts.get(districtLgdCode);
  if (!outline || !district) return null;
  return draw(240, 240, [outline], [[districtLgdCode, district]], [[stateLgdCode, outline]], 1);
}
