import type { MiddlewareHandler } from "hono";
import type { Lang } from "./i18n";

/** The cookie that remembers a reader's choice of language (set only by the language switch). */
export const langCookie = "odop_lang";

/** Paths that are not pages a person reads: never redirected to a language. */
const notPages =
  /^\/(api\/|static\/|open-data\/files\/|healthz$|readyz$|sitemap\.xml$|robots\.txt$|favicon\.ico$|language$)/;

function cookieLang(cookieHeader: string | undefined): Lang | null {
  const m = /(?:^|;\s*)odop_lang=(en|hi)(?:;|$)/.exec(cookieHeader ?? "");
  return (m?.[1] as Lang | undefined) ?? null;
}

/** Does Accept-Language put Hindi before English? ("hi-IN,hi;q=0.9,en;q=0.8" yes; "en-IN,en;q=0.9,hi;q=0.8" no) */
function acceptsHindiFirst(header: string | undefined): boolean {
  const ranked = (header ?? "")
    .split(",")
    .map((part, i) => {
      const [tag = "", ...params] = part.trim().toLowerCase().split(";");
      const q = Number(params.find((p) => p.trim().startsWith("q="))?.split("=")[1] ?? "1");
      return { base: tag.split("-")[0], q: Number.isFinite(q) ? q : 0, i };
    })
    .filter((r) => r.base === "hi" || r.base === "en")
    .sort((a, b) => b.q - a.q || a.i - b.i);
  return ranked[0]?.base === "hi";
}

/**
 * The language a reader wants when the address does not say: the one chosen with the switch (cookie), or on a first
 * visit the browser's (Accept-Language). English needs no redirect; Hindi does, to the same address with `lang=hi`,
 * so that every address names its language and public pages stay cacheable by address.
 */
export function wantsHindi(
  url: URL,
  cookieHeader: string | undefined,
  acceptLanguage: string | undefined,
): boolean {
  if (url.searchParams.has("lang") || notPages.test(url.pathname)) return false;
  const chosen = cookieLang(cookieHeader);
  return chosen ? chosen === "hi" : acceptsHindiFirst(acceptLanguage);
}

/** Sends a reader who wants Hindi (see wantsHindi) to the page's Hindi address. */
export function languageRedirect(): MiddlewareHandler {
  return async (c, next) => {
    if (c.req.method !== "GET") return next();
    const url = new URL(c.req.url);
    if (!wantsHindi(url, c.req.header("Cookie"), c.req.header("Accept-Language"))) return next();
    url.searchParams.set("lang", "hi");
    c.header("Vary", "Cookie, Accept-Language");
    c.header("Cache-Control", "private, no-store");
    return c.redirect(`${url.pathname}${url.search}`, 302);
  };
}

/** Only a path on this site: a `next` from the address bar must never send someone elsewhere. */
export function sameSitePath(next: string | undefined): string {
  return next && /^\/(?![/\\])[^\s]*$/.test(next) ? next : "/";
}

/** Where the language switch goes: the same page (its query and fragment kept) in the other language. */
export function switchTarget(next: string | undefined, to: Lang): string {
  const url = new URL(sameSitePath(next), "http://here.invalid");
  url.searchParams.delete("lang");
  if (to === "hi") url.searchParams.set("lang", "hi");
  return `${url.pathname}${url.search}${url.hash}`;
}
