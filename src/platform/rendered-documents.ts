import { and, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "./db";
import { renderedDocuments } from "./tables";

/** A rendered document as stored: its bytes and the stamp of the data it was made from. */
export async function storedDocument(db: DbOrTx, key: string, lang: string) {
  const [d] = await db
    .select()
    .from(renderedDocuments)
    .where(and(eq(renderedDocuments.key, key), eq(renderedDocuments.lang, lang)));
  return d ?? null;
}

/** Keeps a rendered document in place of the one before. */
export async function saveDocument(db: DbOrTx, key: string, lang: string, stamp: string, body: Buffer) {
  await db
    .insert(renderedDocuments)
    .values({ key, lang, stamp, body })
    .onConflictDoUpdate({
      target: [renderedDocuments.key, renderedDocuments.lang],
      set: { stamp, body, renderedAt: sql`now()` },
    });
}
