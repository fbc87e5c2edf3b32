import { type Lang, type Translate, translator } from "./i18n";

export type PageContext = {
  lang: Lang;
  t: Translate;
  path: string;
  origin: string;
  /** The page's query without `lang` ("?q=silk&type=product", or ""), kept by the language switch. */
  search: string;
};

/** `origin` is where the platform is reached (scheme and host), for canonical URLs and Open Graph tags. */
export function pageContext(lang: Lang, path: string, origin = "", search = ""): PageContext {
  return { lang, t: translator(lang), path, origin, search };
}

/** The page context of a request: its language (?lang=hi), path and origin. */
export function contextOf(c: {
  req: { query(name: string): string | undefined; path: string; url: string };
}) {
  const url = new URL(c.req.url);
  url.searchParams.delete("lang");
  return pageContext(c.req.query("lang") === "hi" ? "hi" : "en", c.req.path, url.origin, url.search);
}
