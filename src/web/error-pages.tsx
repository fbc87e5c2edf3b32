import type { Lang } from "./i18n";
import { hrefIn, Layout, pageContext } from "./layout";

/** The 404 and 500 pages, in the language the visitor was reading. */
export function ErrorPage(props: { lang: Lang; path: string; status: 404 | 500 }) {
  const ctx = pageContext(props.lang, props.path);
  const { t } = ctx;
  const title = props.status === 404 ? t("notFoundTitle") : t("errorTitle");
  return (
    <Layout ctx={ctx} title={title} description={title}>
      <h1>{title}</h1>
      <p>{props.status === 404 ? t("notFoundText") : t("errorText")}</p>
      <p>
        <a href={hrefIn("/", props.lang)}>{t("backHome")}</a>
      </p>
    </Layout>
  );
}
