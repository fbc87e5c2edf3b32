import type { Translate } from "./i18n";

/** Previous / "page n of N" / next, for any list cut into pages; nothing when everything fits on one. */
export function Pager(props: { t: Translate; page: number; pages: number; href: (page: number) => string }) {
  const { t, page, pages } = props;
  if (pages <= 1) return null;
  return (
    <nav class="pager" aria-label={t("pages")}>
      {page > 1 && (
        <a href={props.href(page - 1)} rel="prev">
          {t("previous")}
        </a>
      )}
      <span>{t("pageOf", { n: page, total: pages })}</span>
      {page < pages && (
        <a href={props.href(page + 1)} rel="next">
          {t("next")}
        </a>
      )}
    </nav>
  );
}

/** The href of another page of the current list: the same query with its `page` replaced. */
export function pageHref(path: string, query: Record<string, string>) {
  const kept = Object.entries(query).filter(([k, v]) => k !== "page" && v !== "");
  return (page: number) => `${path}?${new URLSearchParams([...kept, ["page", String(page)]])}`;
}

/** The page asked for in `?page=`: a whole number from 1 (anything else is page 1), at most 10,000. */
export const pageNumber = (value: string | undefined) =>
  Math.min(10_000, Math.max(1, Number.parseInt(value ?? "1", 10) || 1));
