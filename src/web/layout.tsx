export { contextOf, type PageContext, pageContext } from "./page-context";

import { raw } from "hono/html";
import type { Child } from "hono/jsx";
import type { Lang } from "./i18n";
import type { PageContext } from "./page-context";
import { SearchForm } from "./search-form";

/**
 * A link in the reader's language, with an optional query; English is the default and needs no parameter.
 * `hrefIn("/account", "hi", { done: "signedUp" })` → `/account?done=signedUp&lang=hi`.
 */
export function hrefIn(path: string, lang: Lang, query: Record<string, string> = {}): string {
  // A fragment stays at the end (`/districts#not-drawn` → `/districts?lang=hi#not-drawn`).
  const [bare = "", fragment] = path.split("#");
  const params = new URLSearchParams(query);
  if (lang === "hi") params.set("lang", "hi");
  const qs = params.toString();
  return `${bare}${qs ? `?${qs}` : ""}${fragment !== undefined ? `#${fragment}` : ""}`;
}

export function Layout(props: {
  ctx: PageContext;
  title: string;
  description: string;
  crumbs?: { href: string; label: string }[];
  children: Child;
}) {
  const { ctx, title } = props;
  const { t, lang, path } = ctx;
  const other: Lang = lang === "en" ? "hi" : "en";
  const canonical = ctx.origin + hrefIn(path, lang);
  return (
    <>
      {/* Without it, browsers render in quirks mode. */}
      {raw("<!DOCTYPE html>")}
      <html lang={lang}>
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title>{`${title} · ${t("siteName")}`}</title>
          <meta name="description" content={props.description} />
          <link rel="canonical" href={canonical} />
          <link rel="alternate" hreflang="en" href={ctx.origin + hrefIn(path, "en")} />
          <link rel="alternate" hreflang="hi" href={ctx.origin + hrefIn(path, "hi")} />
          <meta property="og:type" content="website" />
          <meta property="og:site_name" content={t("siteName")} />
          <meta property="og:title" content={title} />
          <meta property="og:description" content={props.description} />
          <meta property="og:url" content={canonical} />
          <meta property="og:locale" content={lang === "hi" ? "hi_IN" : "en_IN"} />
          <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
          <link rel="stylesheet" href="/static/app.css" />
          <script src="/static/app.js" defer />
        </head>
        <body>
          <a class="skip" href="#main">
            {t("skipToContent")}
          </a>
          <header class="site">
            <div class="wrap bar">
              <a class="brand" href={hrefIn("/", lang)}>
                <strong>{t("siteName")}</strong>
                <span>{t("siteTagline")}</span>
              </a>
              <div class="tools">
                <fieldset class="textsize" hidden>
                  <legend class="sr-only">{t("textSize")}</legend>
                  <button type="button" data-size="-1">
                    A−
                    <span class="sr-only"> {t("textSmaller")}</span>
                  </button>
                  <button type="button" data-size="0">
                    A<span class="sr-only"> {t("textNormal")}</span>
                  </button>
                  <button type="button" data-size="1">
                    A+
                    <span class="sr-only"> {t("textLarger")}</span>
                  </button>
                </fieldset>
                <a class="account" href={hrefIn("/account", lang)}>
                  {t("myAccount")}
                </a>
                <a
                  class="lang"
                  href={`/language?${new URLSearchParams({ to: other, next: `${path}${ctx.search}` })}`}
                  hreflang={other}
                  lang={other}
                >
                  {t("languageSwitch")}
                </a>
              </div>
            </div>
          </header>
          <nav class="wrap mainnav" aria-label={t("mainNav")}>
            <ul>
              <li>
                <a href={hrefIn("/", lang)}>{t("home")}</a>
              </li>
              <li>
                <a href={hrefIn("/districts", lang)}>{t("allDistricts")}</a>
              </li>
              <li>
                <a href={hrefIn("/sectors", lang)}>{t("sectors")}</a>
              </li>
              <li>
                <a href={hrefIn("/gi", lang)}>{t("giRegister")}</a>
              </li>
              <li>
                <a href={hrefIn("/producers", lang)}>{t("producersNav")}</a>
              </li>
              <li>
                <a href={hrefIn("/bazaar", lang)}>{t("bazaarNav")}</a>
              </li>
              <li>
                <a href={hrefIn("/events", lang)}>{t("eventsNav")}</a>
              </li>
              <li>
                <a href={hrefIn("/dashboard", lang)}>{t("dashboardNav")}</a>
              </li>
              <li>
                <a href={hrefIn("/open-data", lang)}>{t("openData")}</a>
              </li>
            </ul>
            <SearchForm ctx={ctx} id="q-top" />
          </nav>
          {props.crumbs && props.crumbs.length > 0 && (
            <nav class="wrap crumbs" aria-label={t("breadcrumb")}>
              <ol>
                {props.crumbs.map((c) => (
                  <li>
                    <a href={hrefIn(c.href, lang)}>{c.label}</a>
                  </li>
                ))}
                <li aria-current="page">{title}</li>
              </ol>
            </nav>
          )}
          <main id="main" class="wrap" tabindex={-1}>
            {props.children}
          </main>
          <footer class="site">
            <div class="wrap">
              <p>{t("footerData")}</p>
              <p>{t("footerLicence")}</p>
            </div>
          </footer>
        </body>
      </html>
    </>
  );
}

/** A place or product name in the page's language; an English fallback on a Hindi page says it is English. */
export function Name(props: { ctx: PageContext; en: string; hi: string | null }) {
  if (props.ctx.lang === "hi" && props.hi) return <span>{props.hi}</span>;
  if (props.ctx.lang === "hi") return <span lang="en">{props.en}</span>;
  return <span>{props.en}</span>;
}

export const nameIn = (lang: Lang, en: string, hi: string | null) => (lang === "hi" && hi ? hi : en);

/**
 * A product's name: on Hindi pages its Hindi name once a district has set one, else the English name marked as
 * English (products carry Hindi names only through accepted proposals; none is made up by machine).
 */
export function ProductName(props: { ctx: PageContext; en: string; hi: string | null }) {
  if (props.ctx.lang !== "hi") return <span>{props.en}</span>;
  if (props.hi) return <span>{props.hi}</span>;
  return (
    <span>
      <span lang="en">{props.en}</span> <InEnglish ctx={props.ctx} />
    </span>
  );
}

const InEnglish = (props: { ctx: PageContext }) => (
  <span class="lang-mark">({props.ctx.t("inEnglish")})</span>
);

/** A link to a product's page, named as ProductName names it (the "in English" mark after the link). */
export function ProductLink(props: {
  ctx: PageContext;
  product: { slug: string; name: string; nameHi: string | null };
}) {
  const { ctx, product } = props;
  const english = ctx.lang === "hi" && !product.nameHi;
  return (
    <>
      <a href={hrefIn(`/products/${product.slug}`, ctx.lang)} lang={english ? "en" : undefined}>
        {nameIn(ctx.lang, product.name, product.nameHi)}
      </a>
      {english && (
        <>
          {" "}
          <InEnglish ctx={ctx} />
        </>
      )}
    </>
  );
}
