import { z } from "zod";
import type { Db } from "../../platform/db";
import { AppError } from "../../platform/errors";
import { lgdCode } from "../../platform/ids";
import { normalizeName } from "../../platform/text";
import type { ApiRegistry } from "../../web/api/registry";
import * as geo from "../geo";
import {
  dcatCatalog,
  districtDetail,
  districtItem,
  exportItem,
  giItem,
  productItem,
  revisionItem,
  searchItem,
  sectorItem,
  stateItem,
} from "./api-schemas";
import { licence, type OpenDataSource, publishedOpenData } from "./open-data/build";
import { giOut, searchHitPath } from "./presenters";
import {
  allRevisions,
  districtCodesWithProducts,
  giById,
  listGi,
  liveRevision,
  pageExports,
  pageProducts,
  productsOfDistricts,
  revisionById,
  search,
  sectorsWithCounts,
} from "./queries";
import { sectorTaxonomy } from "./sectors";

const bool = z.enum(["true", "false"]).transform((v) => v === "true");
const sectorCode = z.enum(["unassigned", ...sectorTaxonomy.map((s) => s.code)] as [string, ...string[]]);
const paging = (q: { offset: number; limit: number }) => ({ offset: q.offset, limit: q.limit });

const districtOut = (d: geo.DistrictView) => ({
  lgdCode: d.lgdCode,
  name: d.nameEn,
  nameHi: d.nameHi,
  stateLgdCode: d.stateLgdCode,
  census2011Code: d.census2011Code,
  inCurrentLgd: d.inCurrentLgd,
  hasBoundary: d.hasBoundary,
});

/** A product as the API gives it: GI hints (loose name matches) are left out, suggestions and confirmations in. */
const productOut = (p: Awaited<ReturnType<typeof pageProducts>>["items"][number]) => ({
  slug: p.slug,
  name: p.name,
  nameHi: p.nameHi,
  revision: p.revisionId,
  rank: p.rank,
  stateLgdCode: p.stateLgdCode,
  districtLgdCode: p.districtLgdCode,
  sector: p.sectorCode,
  sectorName: p.sectorNameEn,
  sectorSetBy: p.sectorSetBy,
  sectorRule: p.sectorRule,
  giIds: p.gi.filter((g) => g.status !== "hint").map((g) => g.id),
  districtAsPublished: p.districtAsPublished,
  stateAsPublished: p.stateAsPublished,
  sourceFile: p.sourceFile,
  sourceRow: p.sourceRow,
});

async function revisionOrLive(db: Db, id: string | undefined) {
  const rev = id ? await revisionById(db, id) : await liveRevision(db);
  if (!rev) throw new AppError("not_found", id ? `No revision "${id}"` : "No live revision");
  return rev;
}

/**
 * A district named by its LGD code or by a name, current or former, as `districts?q=` finds them. A name that fits
 * several districts, or none, is a 400 that lists them, so that the reader can pass the code.
 */
async function districtCodeOf(db: Db, value: string): Promise<number> {
  if (/^\d{1,6}$/.test(value)) return Number(value);
  const found = await geo.findDistrictsByName(db, value);
  const exact = found.filter((d) => normalizeName(d.nameEn) === normalizeName(value));
  const hits = exact.length ? exact : found;
  if (hits.length === 1) return (hits[0] as { lgdCode: number }).lgdCode;
  throw new AppError(
    "bad_request",
    hits.length === 0
      ? `no district is called "${value}"`
      : `"${value}" fits ${hits.length} districts: ${hits
          .slice(0, 8)
          .map((d) => `${d.nameEn} (${d.lgdCode})`)
          .join(", ")}; pass the LGD code`,
    { field: "district" },
  );
}

/** The read-only registry API over the same queries the pages use. */
export function registerCatalogApi(
  api: ApiRegistry,
  db: Db,
  openDataDir: string,
  openDataSources: readonly OpenDataSource[] = [],
): void {
  api.get({
    path: "/states",
    keptUnder: "registry",
    summary: "States and Union Territories",
    tag: "Places",
    item: stateItem,
    query: z.object({ sort: z.enum(["name", "lgdCode"]).default("name") }),
    handler: async ({ query }) => {
      const all = (await geo.listStates(db)).map((s) => ({
        lgdCode: s.lgdCode,
        name: s.nameEn,
        nameHi: s.nameHi,
        type: s.kind,
        districts: s.districtCount,
      }));
      if (query.sort === "lgdCode") all.sort((a, b) => a.lgdCode - b.lgdCode);
      return { total: all.length, items: all.slice(query.offset, query.offset + query.limit) };
    },
  });

  api.get({
    path: "/states/{lgdCode}",
    keptUnder: "registry",
    summary: "One State or UT",
    tag: "Places",
    params: z.object({ lgdCode }),
    response: stateItem,
    handler: async ({ params }) => {
      const s = await geo.getState(db, params.lgdCode);
      if (!s) throw new AppError("not_found", `No State or UT with LGD code ${params.lgdCode}`);
      return {
        lgdCode: s.lgdCode,
        name: s.nameEn,
        nameHi: s.nameHi,
        type: s.kind,
        districts: s.districtCount,
      };
    },
  });

  api.get({
    path: "/districts",
    keptUnder: "registry",
    summary: "Districts, found by any name they have had",
    tag: "Places",
    item: districtItem,
    query: z.object({
      state: lgdCode.optional().describe("LGD code of the State"),
      q: z
        .string()
        .trim()
        .min(1)
        .max(100)
        .optional()
        .describe("Current or any former name, or a prefix of it"),
      hasProduct: bool
        .optional()
        .describe("Only districts with (true) or without (false) a product in the live revision"),
      sort: z.enum(["name", "-name", "lgdCode", "-lgdCode"]).default("name"),
    }),
    handler: async ({ query }) => {
      const withProducts =
        query.hasProduct === undefined
          ? undefined
          : await districtCodesWithProducts(db, (await revisionOrLive(db, undefined)).id);
      const page = await geo.pageDistricts(
        db,
        {
          stateLgdCode: query.state,
          q: query.q,
          inCodes: query.hasProduct === true ? withProducts : undefined,
          notInCodes: query.hasProduct === false ? withProducts : undefined,
        },
        { ...paging(query), sort: query.sort },
      );
      return { total: page.total, items: page.items.map(districtOut) };
    },
  });

  api.get({
    path: "/districts/{lgdCode}",
    keptUnder: "registry",
    summary: "One district, with its other names and products in the live revision",
    tag: "Places",
    params: z.object({ lgdCode }),
    response: districtDetail,
    handler: async ({ params }) => {
      const d = await geo.getDistrict(db, params.lgdCode);
      if (!d) throw new AppError("not_found", `No district with LGD code ${params.lgdCode}`);
      const rev = await revisionOrLive(db, undefined);
      const aliases = await geo.districtAliasesOf(db, d.lgdCode);
      const products = await productsOfDistricts(db, rev.id, [d.lgdCode]);
      return {
        ...districtOut(d),
        otherNames: aliases.map((a) => ({ name: a.alias, kind: a.kind, source: a.source })),
        products: products.map((p) => ({ slug: p.slug, name: p.name, rank: p.rank })),
      };
    },
  });

  api.get({
    path: "/products",
    keptUnder: "registry",
    summary: "ODOP products of a list revision (the live one by default)",
    tag: "Products",
    item: productItem,
    query: z.object({
      state: lgdCode.optional(),
      district: lgdCode.optional(),
      sector: sectorCode.optional(),
      gi: bool
        .optional()
        .describe("Only products with (true) or without (false) a suggested or confirmed GI"),
      q: z.string().trim().min(1).max(100).optional().describe("Words in the product's name"),
      revision: z
        .string()
        .regex(/^[a-z0-9-]{3,61}$/)
        .optional(),
      sort: z.enum(["name", "-name", "district", "-district", "rank"]).default("name"),
    }),
    handler: async ({ query }) => {
      const rev = await revisionOrLive(db, query.revision);
      const page = await pageProducts(
        db,
        rev.id,
        {
          stateLgdCode: query.state,
          districtLgdCode: query.district,
          sector: query.sector,
          gi: query.gi,
          q: query.q,
        },
        { ...paging(query), sort: query.sort },
      );
      return {
        total: page.total,
        items: page.items.map(productOut),
      };
    },
  });

  api.get({
    path: "/products/{slug}",
    keptUnder: "registry",
    summary: "One product of the live revision",
    tag: "Products",
    params: z.object({ slug: z.string().regex(/^[a-z0-9-]{1,100}$/, "must be a product slug") }),
    response: productItem,
    handler: async ({ params }) => {
      const rev = await revisionOrLive(db, undefined);
      const [p] = (
        await pageProducts(db, rev.id, { slug: params.slug }, { limit: 1, offset: 0, sort: "name" })
      ).items;
      if (!p) throw new AppError("not_found", `No product "${params.slug}" in the live revision`);
      return productOut(p);
    },
  });

  api.get({
    path: "/sectors",
    keptUnder: "registry",
    summary: "The sector taxonomy, with product counts in the live revision",
    tag: "Products",
    item: sectorItem,
    handler: async ({ query }) => {
      const rev = await revisionOrLive(db, undefined);
      const all = await sectorsWithCounts(db, rev.id);
      return { total: all.length, items: all.slice(query.offset, query.offset + query.limit) };
    },
  });

  const giWithLinks = (g: Awaited<ReturnType<typeof listGi>>[number]) => ({
    ...giOut(g),
    linkedProducts: g.linkedProducts,
  });

  api.get({
    path: "/gi",
    keptUnder: "registry",
    summary: "Registered Geographical Indications",
    tag: "GI",
    item: giItem,
    query: z.object({
      class: z.string().trim().min(1).max(50).optional().describe("Goods class, e.g. Handicraft"),
      state: z.string().trim().min(1).max(60).optional().describe("A State (or, for foreign GIs, a country)"),
      linked: bool.optional().describe("Only GIs linked (true) or not linked (false) to a product"),
    }),
    handler: async ({ query }) => {
      const rev = await revisionOrLive(db, undefined);
      const all = (await listGi(db, rev.id, { goodsCategory: query.class, state: query.state }))
        .filter((g) => query.linked === undefined || g.linkedProducts > 0 === query.linked)
        .map(giWithLinks);
      return { total: all.length, items: all.slice(query.offset, query.offset + query.limit) };
    },
  });

  api.get({
    path: "/gi/{id}",
    keptUnder: "registry",
    summary: "One GI registration",
    tag: "GI",
    params: z.object({ id: lgdCode.describe("The registration's id (serials are not unique)") }),
    response: giItem,
    handler: async ({ params }) => {
      const g = await giById(db, params.id);
      if (!g) throw new AppError("not_found", `No GI registration ${params.id}`);
      const rev = await revisionOrLive(db, undefined);
      const row = (await listGi(db, rev.id, {})).find((x) => x.id === g.id);
      return giWithLinks(row ?? { ...g, linkedProducts: 0 });
    },
  });

  api.get({
    path: "/revisions",
    keptUnder: "registry",
    summary: "Every revision of the national list; exactly one is live",
    tag: "Products",
    item: revisionItem,
    handler: async ({ query }) => {
      const all = (await allRevisions(db)).map((r) => ({
        id: r.id,
        title: r.titleEn,
        titleHi: r.titleHi,
        source: r.source,
        publishedAt: r.publishedAt,
        effectiveAt: r.effectiveAt,
        live: r.isLive,
        notes: r.notes,
      }));
      return { total: all.length, items: all.slice(query.offset, query.offset + query.limit) };
    },
  });

  api.get({
    path: "/exports",
    keptUnder: "registry",
    summary: "Exports by district of origin and sector, FY 2024-25 (DGCI&S)",
    tag: "Exports",
    item: exportItem,
    query: z.object({
      district: z
        .string()
        .trim()
        .min(1)
        .max(100)
        .optional()
        .describe("LGD code, or the district's name or any former name (Varanasi, Ahmednagar)"),
      state: lgdCode.optional(),
      sector: z
        .string()
        .regex(/^[a-z_]{2,40}$/)
        .optional(),
      sort: z.enum(["usd", "-usd", "district"]).default("district"),
    }),
    handler: async ({ query }) =>
      pageExports(
        db,
        {
          districtLgdCode: query.district ? await districtCodeOf(db, query.district) : undefined,
          stateLgdCode: query.state,
          sector: query.sector,
        },
        { ...paging(query), sort: query.sort },
      ),
  });

  api.get({
    path: "/search",
    keptUnder: "search",
    summary:
      "Search products, districts (any former name), States, GI goods and bazaar listings: the search page's results",
    tag: "Search",
    item: searchItem,
    query: z.object({
      q: z.string().trim().min(1, "is empty").max(200),
      state: lgdCode.optional(),
      sector: sectorCode.optional(),
      kind: z.enum(["product", "district", "state", "gi", "listing"]).optional(),
      gi: bool.optional(),
    }),
    handler: async ({ query }) => {
      const r = await search(
        db,
        query.q,
        { state: query.state, sector: query.sector, kind: query.kind, gi: query.gi },
        paging(query),
      );
      return {
        total: r.total,
        items: r.hits.map((h) => ({
          kind: h.kind,
          ref: h.ref,
          title: h.titleEn,
          titleHi: h.titleHi,
          context: h.contextEn,
          url: searchHitPath(h.kind, h.ref),
        })),
      };
    },
  });

  api.get({
    path: "/catalog",
    summary:
      "The open-data catalogue (DCAT): every dataset with its downloads, licence and modification time",
    tag: "Open data",
    response: dcatCatalog,
    handler: async (_input, c) => {
      const origin = new URL(c.req.url).origin;
      const published = await publishedOpenData(db, openDataDir, openDataSources);
      if (!published)
        throw new AppError("unavailable", "The open-data files are being prepared; try again in a minute");
      const { manifest } = published;
      return {
        "@context": "https://www.w3.org/ns/dcat3.jsonld",
        "@type": "Catalog",
        title: "ODOP Hub open data",
        description: "Open datasets of India's One District One Product registry",
        license: licence.url,
        modified: manifest.generatedAt,
        dataset: manifest.datasets.map((d) => ({
          "@type": "Dataset",
          identifier: d.id,
          title: d.title,
          description: d.description,
          license: licence.url,
          source: d.source,
          creator: d.attribution,
          modified: d.generatedAt,
          version: d.revision,
          distribution: d.distributions.map((f) => ({
            "@type": "Distribution",
            downloadURL: `${origin}/open-data/files/${manifest.version}/${f.file}`,
            mediaType: f.mediaType,
            format: f.format.toUpperCase(),
            byteSize: f.bytes,
          })),
        })),
      };
    },
  });
}
