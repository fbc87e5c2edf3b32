import type { Context, MiddlewareHandler } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import type { Db } from "../../platform/db";
import { isHttps } from "../../web/csrf";
import type { RequestMeta } from "./commands/sessions";
import { sessionDays } from "./commands/sessions";
import type { Actor } from "./policy";
import { actorForSession } from "./queries/actor";

/** What the private pages share: the signed-in actor (null when nobody is) and Hono's request id. */
export type AppEnv = {
  Variables: {
    actor: Actor | null;
    requestId: string;
    clientIp: string;
    https: boolean;
    publicOrigin: string;
  };
};

/** Links in mail are built on the configured public origin, never on the request's Host header (which anyone sets). */
export const mailContext = (c: Context<AppEnv>) => ({ origin: c.get("publicOrigin") });

const sessionCookie = "odop_session";

export function requestMeta(c: Context<AppEnv>): RequestMeta {
  return {
    requestId: c.get("requestId") ?? null,
    ip: c.get("clientIp") ?? null,
    userAgent: c.req.header("User-Agent") ?? null,
  };
}

/** Reads the session cookie into `actor`. Only the private pages run this: the public ones never touch sessions. */
export function loadActor(
  db: Db,
  opts: { clientOf: (c: Context) => string; trustProxy: boolean },
): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.set("clientIp", opts.clientOf(c));
    c.set("https", isHttps(c, opts.trustProxy));
    const meta = requestMeta(c);
    c.set("actor", await actorForSession(db, getCookie(c, sessionCookie), meta));
    // A page for one person must never be kept by a shared cache or served to another.
    c.header("Cache-Control", "private, no-store");
    await next();
  };
}

export function setSessionCookie(c: Context<AppEnv>, token: string): void {
  setCookie(c, sessionCookie, token, {
    httpOnly: true,
    sameSite: "Lax",
    secure: c.get("https"),
    path: "/",
    maxAge: sessionDays * 24 * 3600,
  });
}

export function clearSessionCookie(c: Context): void {
  deleteCookie(c, sessionCookie, { path: "/" });
}

export const currentSessionToken = (c: Context) => getCookie(c, sessionCookie);
