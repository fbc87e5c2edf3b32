import { stringify } from "csv-stringify/sync";
import type { Context, Hono, MiddlewareHandler } from "hono";
import { z } from "zod";
import { AppError } from "../../platform/errors";
import { formulaSafe } from "../../platform/file-writers";
import { type InvalidParam, problem } from "./problem";

type AnyObject = z.ZodObject<z.ZodRawShape>;

/** The parameters every list takes, as data.gov.in's APIs do: offset/limit paging, field choice, sort, format. */
export const listQuery = {
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0).describe("Rows to skip"),
  limit: z.coerce.number().int().min(1).max(1000).default(100).describe("Rows to return (at most 1000)"),
  fields: z
    .string()
    .regex(/^[A-Za-z]+(,[A-Za-z]+)*$/, "must be field names separated by commas")
    .optional()
    .describe("Comma-separated fields to return"),
  format: z.enum(["json", "csv"]).default("json").describe("json (default) or csv"),
};

export type ListResult<T> = { total: number; items: T[] };

/** A kept answer may be stored by browsers and proxies, but is checked again each time (a 304 while unchanged). */
const revalidated: MiddlewareHandler = async (c, next) => {
  await next();
  if (c.res.status === 200) c.header("Cache-Control", "public, no-cache");
};

/** On list routes the query also has the list parameters (offset, limit, fields, format). */
type ListParams = { offset: number; limit: number; fields?: string; format: "json" | "csv" };
type Input<P extends AnyObject | undefined, Q extends AnyObject | undefined> = {
  params: P extends AnyObject ? z.output<P> : Record<string, never>;
  query: (Q extends AnyObject ? z.output<Q> : Record<string, never>) & ListParams;
};

export type ApiRoute<
  P extends AnyObject | undefined = AnyObject | undefined,
  Q extends AnyObject | undefined = AnyObject | undefined,
> = {
  path: string;
  summary: string;
  tag: string;
  params?: P;
  query?: Q;
  /** For a list: the schema of one item; the response is { total, offset, limit, items }. */
  item?: AnyObject;
  /** For a single resource. */
  response?: z.ZodType;
  handler: (input: Input<P, Q>, c: Context) => Promise<unknown>;
  /**
   * The data stamp the answer depends on alone ('registry': published data; 'search': the search entries): the
   * answer is kept under it, in memory, until the data changes. Left out: answered afresh every time.
   */
  keptUnder?: string;
};

/**
 * Every API route is declared once with zod schemas: the same schemas parse the request (unknown parameters and bad
 * values are 400 problem+json naming the parameter) and generate the OpenAPI 3.1 document.
 */
export class ApiRegistry {
  readonly routes: ApiRoute[] = [];

  get<P extends AnyObject | undefined, Q extends AnyObject | undefined>(route: ApiRoute<P, Q>): void {
    this.routes.push(route as unknown as ApiRoute);
  }

  /** Routes each GET; `keep` (the page cache's middleware) wraps the routes whose answers are kept under a stamp. */
  mount(app: Hono, keep?: MiddlewareHandler): void {
    for (const route of this.routes) {
      const honoPath = route.path.replace(/\{(\w+)\}/g, ":$1");
      if (route.keptUnder && keep) app.use(honoPath, keep, revalidated);
      app.get(honoPath, async (c) => {
        const invalid: InvalidParam[] = [];
        const query = parseStrict(queryShape(route), c.req.queries(), invalid);
        const params = parseStrict(
          route.params?.shape ?? {},
          mapValues(c.req.param() as Record<string, string>, (v) => [v]),
          invalid,
        );
        if (route.item && query && typeof query.fields === "string") {
          const known = Object.keys(route.item.shape);
          for (const f of query.fields.split(","))
            if (!known.includes(f))
              invalid.push({
                name: "fields",
                reason: `unknown field "${f}"; fields are ${known.join(", ")}`,
              });
        }
        if (invalid.length > 0 || !query || !params)
          return problem(400, "Bad Request", invalid.map((i) => `${i.name}: ${i.reason}`).join("; "), {
            instance: c.req.path,
            "invalid-params": invalid,
          });
        let result: unknown;
        try {
          result = await route.handler({ params, query } as never, c);
        } catch (err) {
          // A value that passed its schema but names nothing usable (an ambiguous district name): 400, named.
          if (err instanceof AppError && err.code === "bad_request" && typeof err.details.field === "string")
            return problem(400, "Bad Request", `${err.details.field}: ${err.message}`, {
              instance: c.req.path,
              "invalid-params": [{ name: err.details.field, reason: err.message }],
            });
          throw err;
        }
        if (!route.item) return c.json(result);
        return listResponse(c, route.item, result as ListResult<Record<string, unknown>>, query);
      });
    }
  }

  /** Whether a path (under `prefix`, where the API is mounted) is a route whose answer is kept under `stamp`. */
  keptMatcher(prefix: string, stamp: string): (pathname: string) => boolean {
    const patterns = this.routes
      .filter((r) => r.keptUnder === stamp)
      .map((r) => new RegExp(`^${prefix}${r.path.replace(/\{\w+\}/g, "[^/]+")}$`));
    return (pathname) => patterns.some((p) => p.test(pathname));
  }

  /** The OpenAPI 3.1 document of every mounted route. */
  openapi(info: { title: string; version: string; description: string }, serverUrl: string): object {
    const paths: Record<string, object> = {};
    for (const r of this.routes) {
      const parameters = [
        ...Object.entries(r.params?.shape ?? {}).map(([name, s]) => param(name, "path", s as z.ZodType)),
        ...Object.entries(queryShape(r)).map(([name, s]) => param(name, "query", s as z.ZodType)),
      ];
      const body = r.item
        ? z.object({
            total: z.number().int(),
            offset: z.number().int(),
            limit: z.number().int(),
            items: z.array(r.item),
          })
        : (r.response ?? z.object({}));
      paths[r.path] = {
        get: {
          summary: r.summary,
          tags: [r.tag],
          operationId: operationId(r.path),
          // Open data: no credentials, said explicitly.
          security: [],
          parameters,
          responses: {
            "200": {
              description: "OK",
              content: {
                "application/json": {
                  schema: z.toJSONSchema(body, { target: "draft-2020-12", io: "output" }),
                },
                ...(r.item ? { "text/csv": { schema: { type: "string" } } } : {}),
              },
            },
            "304": { description: "Not modified (If-None-Match matched the ETag)" },
            "400": { $ref: "#/components/responses/BadRequest" },
            ...(r.params ? { "404": { $ref: "#/components/responses/NotFound" } } : {}),
            "429": { $ref: "#/components/responses/TooManyRequests" },
          },
        },
      };
    }
    const problemSchema = {
      type: "object",
      properties: {
        type: { type: "string" },
        title: { type: "string" },
        status: { type: "integer" },
        detail: { type: "string" },
        instance: { type: "string" },
        "invalid-params": {
          type: "array",
          items: {
            type: "object",
            properties: { name: { type: "string" }, reason: { type: "string" } },
            required: ["name", "reason"],
          },
        },
      },
      required: ["type", "title", "status"],
    };
    const problemResponse = (description: string) => ({
      description,
      content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } },
    });
    return {
      openapi: "3.1.0",
      info: {
        ...info,
        license: { name: "Government Open Data Licence – India", url: "https://www.data.gov.in/Godl" },
      },
      servers: [{ url: serverUrl }],
      tags: [...new Set(this.routes.map((r) => r.tag))].map((name) => ({
        name,
        description: `${name} of the registry`,
      })),
      paths,
      components: {
        schemas: { Problem: problemSchema },
        responses: {
          BadRequest: problemResponse("A parameter is unknown or has a bad value; invalid-params names it"),
          NotFound: problemResponse("No such resource"),
          TooManyRequests: problemResponse("Too many requests from this client; see Retry-After"),
        },
      },
    };
  }
}

function queryShape(r: ApiRoute): z.ZodRawShape {
  return { ...(r.item ? listQuery : {}), ...(r.query?.shape ?? {}) };
}

function param(name: string, where: "path" | "query", schema: z.ZodType) {
  const json = z.toJSONSchema(schema, {
    target: "draft-2020-12",
    io: "input",
    unrepresentable: "any",
  }) as Record<string, unknown>;
  const { description, $schema: _, ...rest } = json;
  return {
    name,
    in: where,
    required: where === "path" || !schema.safeParse(undefined).success,
    ...(description ? { description } : {}),
    schema: rest,
  };
}

function operationId(path: string): string {
  return path
    .split("/")
    .filter(Boolean)
    .map((p, i) => {
      const w = p.replace(/[{}]/g, "");
      return i === 0 ? w : w.charAt(0).toUpperCase() + w.slice(1);
    })
    .join("");
}

function mapValues<T, U>(o: Record<string, T>, f: (v: T) => U): Record<string, U> {
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, f(v)]));
}

/** Parses query (or path) values; repeated or unknown parameters are errors, never ignored. */
function parseStrict(
  shape: z.ZodRawShape,
  values: Record<string, string[]>,
  invalid: InvalidParam[],
): Record<string, unknown> | null {
  const flat: Record<string, string> = {};
  for (const [name, vs] of Object.entries(values)) {
    if (!(name in shape))
      invalid.push({ name, reason: `unknown parameter; known: ${Object.keys(shape).join(", ") || "none"}` });
    else if (vs.length > 1) invalid.push({ name, reason: "given more than once" });
    else flat[name] = vs[0] as string;
  }
  const parsed = z.object(shape).safeParse(flat);
  if (!parsed.success) {
    for (const i of parsed.error.issues)
      invalid.push({ name: i.path.join(".") || "query", reason: i.message });
    return null;
  }
  return invalid.length ? null : parsed.data;
}

function listResponse(
  c: Context,
  item: AnyObject,
  result: ListResult<Record<string, unknown>>,
  query: Record<string, unknown>,
): Response {
  const fields = typeof query.fields === "string" ? query.fields.split(",") : Object.keys(item.shape);
  const items = result.items.map((row) => Object.fromEntries(fields.map((f) => [f, row[f] ?? null])));
  if (query.format === "csv") {
    const csv = stringify(items, {
      header: true,
      columns: fields,
      cast: {
        object: (v) => String(formulaSafe(Array.isArray(v) ? v.join("|") : JSON.stringify(v))),
        boolean: (v) => String(v),
        string: (v) => String(formulaSafe(v)),
      },
    });
    return c.body(csv, 200, { "Content-Type": "text/csv; charset=utf-8" });
  }
  return c.json({ total: result.total, offset: query.offset, limit: query.limit, items });
}
