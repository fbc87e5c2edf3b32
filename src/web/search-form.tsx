import type { PageContext } from "./page-context";

/** The search box: small in the header of every page, big on the home page. Works without JavaScript. */
export function SearchForm(props: { ctx: PageContext; id: string; big?: boolean }) {
  const { t, lang } = props.ctx;
  return (
    <search>
      <form class={props.big ? "search big" : "search"} action="/search" method="get">
        <label for={props.id} class={props.big ? undefined : "sr-only"}>
          {t("searchLabel")}
        </label>
        <div class="row">
          <input
            id={props.id}
            type="search"
            name="q"
            placeholder={t("searchPlaceholder")}
            autocomplete="off"
            {...suggestAttributes(props.ctx)}
          />
          {lang === "hi" && <input type="hidden" name="lang" value="hi" />}
          <button type="submit">{t("searchButton")}</button>
        </div>
      </form>
    </search>
  );
}

/** What app.js needs to offer suggestions under a search box, in the page's language (without it, none). */
export const suggestAttributes = (ctx: PageContext) => ({
  "data-suggest": `/search/suggest${ctx.lang === "hi" ? "?lang=hi" : ""}`,
  "data-suggest-label": ctx.t("suggestions"),
  "data-suggest-count": ctx.t("suggestionsCount", { n: "{n}" }),
  "data-suggest-none": ctx.t("suggestionsNone"),
});
