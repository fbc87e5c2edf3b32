import { randomBytes, timingSafeEqual } from "node:crypto";
import type { Context, MiddlewareHandler } from "hono";
import { getCookie, setCookie } from "hono/cookie";

const cookieName = "odop_csrf";
export const csrfField = "_csrf";

/** Is this request over HTTPS (directly, or behind a proxy we trust to say so)? Cookies are then marked Secure. */
export function isHttps(c: Context, trustProxy: boolean): boolean {
  if (new URL(c.req.url).protocol === "https:") return true;
  return trustProxy && c.req.header("X-Forwarded-Proto") === "https";
}

/**
 * The token a form must send back: a random value kept in an httpOnly cookie (set here on first need). Another site
 * can neither read it nor set it, so it cannot forge a form that carries it.
 */
export function csrfToken(c: Context): string {
  const existing = getCookie(c, cookieName);
  if (existing && /^[\w-]{32,}$/.test(existing)) return existing;
  return rotateCsrfToken(c);
}

/** A new token, e.g. at sign-in, so that one seen before the session began is of no use after it. */
export function rotateCsrfToken(c: Context): string {
  const token = randomBytes(24).toString("base64url");
  // Secure when the request came over HTTPS; behind a trusted proxy the app records that as `https` first.
  const secure = (c.var as { https?: boolean }).https ?? isHttps(c, false);
  setCookie(c, cookieName, token, { httpOnly: true, sameSite: "Lax", secure, path: "/" });
  return token;
}

/**
 * Refuses every state-changing request (anything but GET, HEAD, OPTIONS) that comes from another site (Origin,
 * Sec-Fetch-Site) or lacks the token of its form (field `_csrf`, or header X-CSRF-Token). 403, nothing done.
 */
export function csrfProtection(onReject: (c: Context) => Response | Promise<Response>): MiddlewareHandler {
  return async (c, next) => {
    if (["GET", "HEAD", "OPTIONS"].includes(c.req.method)) return next();
    const origin = c.req.header("Origin");
    if (origin && origin !== new URL(c.req.url).origin) return onReject(c);
    if (c.req.header("Sec-Fetch-Site") === "cross-site") return onReject(c);
    const expected = getCookie(c, cookieName);
    let sent = c.req.header("X-CSRF-Token");
    if (
      !sent &&
      /^(application\/x-www-form-urlencoded|multipart\/form-data)/.test(c.req.header("Content-Type") ?? "")
    ) {
      const value = (await c.req.parseBody())[csrfField];
      sent = typeof value === "string" ? value : undefined;
    }
    if (!expected || !sent || !sameString(expected, sent)) return onReject(c);
    return next();
  };
}

function sameString(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
