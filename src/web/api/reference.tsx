import { TableScroll } from "../data-table";
import type { Lang } from "../i18n";
import { Layout, pageContext } from "../layout";

type Doc = {
  info: { title: string; description: string; version: string };
  paths: Record<string, { get: { summary: string; tags: string[]; parameters: Param[] } }>;
};
type Param = {
  name: string;
  in: string;
  required: boolean;
  description?: string;
  schema: Record<string, unknown>;
};

const typeOf = (s: Record<string, unknown>) =>
  Array.isArray(s.enum) ? (s.enum as unknown[]).join(" | ") : String(s.type ?? "string");

/** A human-readable reference of the API, rendered from its OpenAPI document (no external viewer, no CDN). */
export function ApiReference(props: { doc: Doc; lang: Lang; path: string; origin: string }) {
  const ctx = pageContext(props.lang, props.path, props.origin);
  const { t } = ctx;
  return (
    <Layout
      ctx={ctx}
      title={t("apiTitle")}
      description={props.doc.info.description}
      crumbs={[{ href: "/", label: t("home") }]}
    >
      <h1>{t("apiTitle")}</h1>
      <p>{props.doc.info.description}</p>
      <p>
        {t("apiMachineReadable")} <a href="/api/v1/openapi.json">/api/v1/openapi.json</a> (OpenAPI 3.1) ·{" "}
        <a href="/api/v1/catalog">/api/v1/catalog</a>
      </p>
      {Object.entries(props.doc.paths).map(([path, { get }]) => (
        <section>
          <h2 id={path.replace(/\W+/g, "-")}>
            <code>GET /api/v1{path}</code>
          </h2>
          <p lang="en">{get.summary}</p>
          {get.parameters.length > 0 && (
            <TableScroll label={`${t("apiParameters")}: ${path}`}>
              <table>
                <caption class="sr-only">{`${t("apiParameters")}: ${path}`}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("apiParameter")}</th>
                    <th scope="col">{t("apiIn")}</th>
                    <th scope="col">{t("type")}</th>
                    <th scope="col">{t("description")}</th>
                  </tr>
                </thead>
                <tbody>
                  {get.parameters.map((p) => (
                    <tr>
                      <th scope="row">
                        <code>{p.name}</code>
                        {p.required && " *"}
                      </th>
                      <td>{p.in}</td>
                      <td>
                        <code>{typeOf(p.schema)}</code>
                        {p.schema.default !== undefined && ` = ${String(p.schema.default)}`}
                      </td>
                      <td lang="en">{p.description ?? ""}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          )}
        </section>
      ))}
    </Layout>
  );
}
