import type { Context } from "hono";
import type { DbOrTx } from "../platform/db";
import { enqueueJob } from "../platform/job-runner";
import { storedDocument } from "../platform/rendered-documents";
import { defineCatalogue } from "./i18n";
import { contextOf, Layout } from "./layout";

const words = defineCatalogue(
  {
    preparing: "The PDF is being prepared",
    body: "It is made in the background and is ready in a few seconds. This page looks again by itself; or open the link again.",
  },
  {
    preparing: "पीडीएफ़ तैयार हो रही है",
    body: "यह पृष्ठभूमि में बनती है और कुछ सेकंड में तैयार होती है। यह पृष्ठ अपने आप फिर देखता है; या लिंक फिर खोलें।",
  },
);

/**
 * Serves a PDF a job renders (never rendered inside the request): the stored copy when there is one — asking for a
 * fresh one when the data moved on since — or, before the first is made, a "being prepared" page (202) that looks
 * again by itself.
 */
export async function serveRenderedPdf(
  c: Context,
  db: DbOrTx,
  doc: { key: string; stamp: string; queue: string; payload: unknown; fileName: string },
) {
  const lang = contextOf(c).lang;
  const stored = await storedDocument(db, doc.key, lang);
  if (!stored || stored.stamp !== doc.stamp)
    await enqueueJob(db, doc.queue, doc.payload, { singletonKey: `${doc.queue}:${doc.key}` });
  if (stored)
    return c.body(new Uint8Array(stored.body), 200, {
      "Content-Type": "application/pdf",
      "Content-Disposition": `inline; filename="${doc.fileName}-${lang}.pdf"`,
      "Last-Modified": stored.renderedAt.toUTCString(),
    });
  const ctx = contextOf(c);
  const t = words(ctx.lang);
  c.header("Retry-After", "3");
  c.header("Refresh", "3");
  c.header("Cache-Control", "no-store");
  return c.html(
    <Layout ctx={ctx} title={t("preparing")} description={t("body")}>
      <h1>{t("preparing")}</h1>
      <p>{t("body")}</p>
    </Layout>,
    202,
  );
}
