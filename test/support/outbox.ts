import fs from "node:fs";
import path from "node:path";
import { simpleParser } from "mailparser";
import type { Db } from "../../src/platform/db";
import { deliverDueMail, mailTransport } from "../../src/platform/outbox";

/** Runs the outbox worker once into `dir` (.eml files, as without SMTP_URL), then reads every message back. */
export async function readOutbox(db: Db, dir: string) {
  await deliverDueMail(db, mailTransport({ outboxDir: dir, from: "ODOP Hub <no-reply@odophub.invalid>" }));
  const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith(".eml")) : [];
  return Promise.all(
    files.sort().map(async (f) => {
      const m = await simpleParser(fs.readFileSync(path.join(dir, f)));
      const to = Array.isArray(m.to) ? m.to[0] : m.to;
      return { file: f, to: to?.value[0]?.address ?? "", subject: m.subject ?? "", text: m.text ?? "" };
    }),
  );
}
