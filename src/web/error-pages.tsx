import type { Lang, MessageKey } from "./i18n";
import { hrefIn, Layout, pageContext } from "./layout";

export type ErrorStatus = 400 | 403 | 404 | 409 | 413 | 429 | 500 | 503;

const texts: Record<ErrorStatus, [MessageKey, MessageKey]> = {
  400: ["badRequestTitle", "badRequestText"],
  409: ["conflictTitle", "conflictText"],
  503: ["unavailableTitle", "unavailableText"],
  403: ["forbiddenTitle", "forbiddenText"],
  404: ["notFoundTitle", "notFoundText"],
  413: ["tooLargeTitle", "tooLargeText"],
  429: ["tooManyTitle", "tooManyText"],
  500: ["errorTitle", "errorText"],
};

/** The error pages, in the language the visitor was reading. */
export function ErrorPage(props: { lang: Lang; path: string; status: ErrorStatus }) {
  const ctx = pageContext(props.lang, props.path);
  const { t } = ctx;
  const [title, text] = texts[props.status];
  return (
    <Layout ctx={ctx} title={t(title)} description={t(title)}>
      <h1>{t(title)}</h1>
      <p>{t(text)}</p>
      <p>
        <a href={hrefIn("/", props.lang)}>{t("backHome")}</a>
      </p>
    </Layout>
  );
}
