import type { Context, MiddlewareHandler } from "hono";
import { AppError } from "../platform/errors";
import { maxInt } from "../platform/ids";

/**
 * PostgreSQL cannot store the NUL character, and no person types one: a request whose path or query carries one is
 * refused here (400, naming the parameter) before any query sees it. Forms are checked field by field in parseForm.
 */
export function refuseNul(
  onRefuse: (c: Context, param: string) => Response | Promise<Response>,
): MiddlewareHandler {
  return async (c, next) => {
    const raw = c.req.url;
    if (!raw.includes("%00") && !raw.includes("\0")) return next();
    const pathPart = raw.slice(0, raw.indexOf("?") === -1 ? undefined : raw.indexOf("?"));
    if (pathPart.includes("%00") || pathPart.includes("\0")) return onRefuse(c, "path");
    for (const [name, values] of Object.entries(c.req.queries()))
      if (name.includes("\0") || values.some((v) => v.includes("\0")))
        return onRefuse(c, name.replace(/\0/g, ""));
    return next();
  };
}

export function isId(value: string | undefined): boolean {
  if (!value || !/^[0-9]{1,10}$/.test(value)) return false;
  const n = Number(value);
  return n >= 1 && n <= maxInt; // beyond a PostgreSQL integer: names nothing (404), never a database error
}

/** The route's numeric id: out of the database's range it names nothing, a 404 like any unknown id. */
export function routeId(c: Context, name = "id"): number {
  const value = c.req.param(name);
  if (!isId(value)) throw new AppError("not_found", `No such ${name}`);
  return Number(value);
}
