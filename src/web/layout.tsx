import type { Child } from "hono/jsx";
import { type Lang, type Translate, translator } from "./i18n";

export type PageContext = { lang: Lang; t: Translate; path: string };

export function pageContext(lang: Lang, path: string): PageContext {
  return { lang, t: translator(lang), path };
}

/** A link to the same page in the other language; English is the default and needs no parameter. */
export function hrefIn(path: string, lang: Lang): string {
  return lang === "hi" ? `${path}?lang=hi` : path;
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
  return (
    <html lang={lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} · ${t("siteName")}`}</title>
        <meta name="description" content={props.description} />
        <link rel="stylesheet" href="/static/app.css" />
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
            <a
              class="lang"
              href={hrefIn(path, other)}
              hreflang={other}
              lang={other}
              aria-label={t("languageSwitchLabel")}
            >
              {t("languageSwitch")}
            </a>
          </div>
        </header>
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
  );
}

/** A place or product name in the page's language; an English fallback on a Hindi page says it is English. */
export function Name(props: { ctx: PageContext; en: string; hi: string | null }) {
  if (props.ctx.lang === "hi" && props.hi) return <span>{props.hi}</span>;
  if (props.ctx.lang === "hi") return <span lang="en">{props.en}</span>;
  return <span>{props.en}</span>;
}

export const nameIn = (lang: Lang, en: string, hi: string | null) => (lang === "hi" && hi ? hi : en);
