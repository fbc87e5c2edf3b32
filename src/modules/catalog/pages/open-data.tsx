import fs from "node:fs";
import path from "node:path";
import type { Hono } from "hono";
import type { Db } from "../../../platform/db";
import { AppError } from "../../../platform/errors";
import { formatNumber } from "../../../web/i18n";
import { contextOf, Layout } from "../../../web/layout";
import { Notice } from "../../../web/notice";
import { licence, type Manifest, type OpenDataSource, publishedOpenData } from "../open-data/build";

const kb = (n: number) =>
  n < 1024 * 1024 ? `${formatNumber(n / 1024, 1)} KB` : `${formatNumber(n / 1024 / 1024, 1)} MB`;

/** The open-data page and the files it lists, served from the folder of the current data version. */
export function openDataPages(app: Hono, db: Db, dir: string, sources: readonly OpenDataSource[]): void {
  app.get("/open-data", async (c) => {
    const ctx = contextOf(c);
    const { t, lang } = ctx;
    const published = await publishedOpenData(db, dir, sources);
    const datasets = published?.manifest.datasets ?? [];
    const version = published?.manifest.version ?? "";
    // Files of an older version, or none yet: the page changes within a minute, so it is not cached.
    if (!published?.current) c.header("Cache-Control", "no-store");
    return c.html(
      <Layout
        ctx={ctx}
        title={t("openDataTitle")}
        description={t("openDataIntro")}
        crumbs={[{ href: "/", label: t("home") }]}
      >
        <h1>{t("openDataTitle")}</h1>
        <p>{t("openDataIntro")}</p>
        <p>
          {t("licence")}: <a href={licence.url}>{licence.name}</a> · {t("machineCatalogue")}:{" "}
          <a href="/api/v1/catalog">/api/v1/catalog</a> · {t("apiTitle")}:{" "}
          <a href="/api/v1/docs">/api/v1/docs</a>
        </p>
        <p class="note">{t("openDataExcel")}</p>
        {!published?.current && (
          <Notice kind="info">{t(published ? "openDataUpdating" : "openDataPreparing")}</Notice>
        )}
        {datasets.map((d) => (
          <section class="dataset">
            <h2 id={d.id}>{lang === "hi" ? d.titleHi : d.title}</h2>
            <p lang={lang}>{lang === "hi" ? (d.descriptionHi ?? d.description) : d.description}</p>
            <dl class="facts">
              <dt>{t("source")}</dt>
              <dd lang="en">{d.source}</dd>
              <dt>{t("attribution")}</dt>
              <dd lang="en">{d.attribution}</dd>
              <dt>{t("revision")}</dt>
              <dd>{d.revision ?? "—"}</dd>
              <dt>{t("rowsCount")}</dt>
              <dd>{formatNumber(d.rows)}</dd>
              <dt>{t("generatedAt")}</dt>
              <dd>{d.generatedAt.replace("T", " ").slice(0, 19)} UTC</dd>
              <dt>{t("downloads")}</dt>
              <dd>
                <ul class="downloads">
                  {d.distributions.map((f) => (
                    <li>
                      <a href={`/open-data/files/${version}/${f.file}`} download>
                        {f.format.toUpperCase()}
                      </a>{" "}
                      <span class="muted small">({kb(f.bytes)})</span>
                    </li>
                  ))}
                </ul>
              </dd>
            </dl>
          </section>
        ))}
      </Layout>,
    );
  });

  app.get(
    "/open-data/files/:version{[A-Za-z0-9_-]{1,40}}/:file{[a-z0-9-]{1,80}\\.(csv|json|xlsx|geojson)}",
    async (c) => {
      const { version, file } = c.req.param();
      const full = path.join(dir, version, file);
      const manifestFile = path.join(dir, version, "manifest.json");
      if (!fs.existsSync(manifestFile)) throw new AppError("not_found", "No such file");
      const built = JSON.parse(fs.readFileSync(manifestFile, "utf8")) as Manifest;
      const current = (await publishedOpenData(db, dir, sources))?.manifest.version;
      const dist = built.datasets.flatMap((d) => d.distributions).find((f) => f.file === file);
      if (!dist || !fs.existsSync(full)) throw new AppError("not_found", "No such file");
      const etag = `"${version}-${file}"`;
      const headers = {
        "Content-Type": dist.mediaType + (dist.format === "xlsx" ? "" : "; charset=utf-8"),
        "Content-Disposition": `attachment; filename="odop-hub-${file}"`,
        ETag: etag,
        // A version's files never change: a new version gets a new address.
        "Cache-Control": version === current ? "public, max-age=31536000, immutable" : "public, max-age=60",
        "Access-Control-Allow-Origin": "*",
      };
      if (c.req.header("If-None-Match") === etag) return c.body(null, 304, headers);
      const stream = fs.createReadStream(full);
      return c.body(
        new ReadableStream({
          start(controller) {
            stream.on("data", (chunk) => controller.enqueue(chunk as Buffer));
            stream.on("end", () => controller.close());
            stream.on("error", (e) => controller.error(e));
          },
          cancel() {
            stream.destroy();
          },
        }),
        200,
        { ...headers, "Content-Length": String(dist.bytes) },
      );
    },
  );
}
