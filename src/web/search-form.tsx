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
          />
          {lang === "hi" && <input type="hidden" name="lang" value="hi" />}
          <button type="submit">{t("searchButton")}</button>
        </div>
      </form>
    </search>
  );
}
