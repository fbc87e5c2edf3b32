import fs from "node:fs/promises";
import path from "node:path";
import { sql } from "drizzle-orm";
import nodemailer from "nodemailer";
import type { Db, DbOrTx } from "./db";
import type { Logger } from "./logger";
import { type MailAttachment, outbox } from "./tables";

export type Mail = { to: string; subject: string; body: string; attachments?: MailAttachment[] };

/** Queues a message in the caller's transaction: it is sent if and only if the change it announces commits. */
export async function enqueueMail(db: DbOrTx, mail: Mail): Promise<void> {
  await db.insert(outbox).values({
    toAddress: mail.to,
    subject: mail.subject,
    body: mail.body,
    attachments: mail.attachments?.length ? mail.attachments : null,
  });
}

export type MailTransport = { deliver(mail: Mail & { id: number }): Promise<void> };

/** The message as nodemailer takes it. */
const message = (from: string, m: Mail) => ({
  from,
  to: m.to,
  subject: m.subject,
  text: m.body,
  attachments: m.attachments?.map((a) => ({
    filename: a.filename,
    contentType: a.contentType,
    content: a.content,
  })),
});

/**
 * With an SMTP URL, mail goes to that server; without one, each message is written as an .eml file in `outboxDir`,
 * so that someone running the platform locally can open a reset link. Both are built by nodemailer.
 */
export function mailTransport(opts: { smtpUrl?: string; outboxDir: string; from: string }): MailTransport {
  if (opts.smtpUrl) {
    const smtp = nodemailer.createTransport(opts.smtpUrl);
    return {
      deliver: async (m) => {
        await smtp.sendMail(message(opts.from, m));
      },
    };
  }
  const composer = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });
  return {
    deliver: async (m) => {
      const info = await composer.sendMail(message(opts.from, m));
      await fs.mkdir(opts.outboxDir, { recursive: true });
      const name = `${String(m.id).padStart(6, "0")}-${m.to.replace(/[^\w.@-]/g, "_")}.eml`;
      await fs.writeFile(path.join(opts.outboxDir, name), info.message as Buffer);
    },
  };
}

const maxAttempts = 8;

/**
 * Delivers what is due. Rows are claimed with SKIP LOCKED and their next attempt pushed back first, so two instances
 * never send the same message and a crash mid-send retries later rather than never. Returns how many were sent.
 */
export async function deliverDueMail(db: Db, transport: MailTransport, logger?: Logger): Promise<number> {
  const claimed = (await db.execute(sql`
    update ${outbox} set attempts = attempts + 1,
      next_attempt_at = now() + make_interval(secs => 30 * power(2, attempts))
    where id in (select id from ${outbox} where sent_at is null and next_attempt_at <= now() and attempts < ${maxAttempts}
                 order by id limit 20 for update skip locked)
    returning id, to_address as "to", subject, body, attachments`)) as unknown as {
    rows: { id: number; to: string; subject: string; body: string; attachments: MailAttachment[] | null }[];
  };
  let sent = 0;
  for (const m of claimed.rows) {
    try {
      await transport.deliver({ ...m, attachments: m.attachments ?? undefined });
      await db.execute(sql`update ${outbox} set sent_at = now(), last_error = null where id = ${m.id}`);
      sent++;
    } catch (err) {
      logger?.warn({ err, mailId: m.id }, "mail delivery failed; will retry");
      await db.execute(sql`update ${outbox} set last_error = ${String(err)} where id = ${m.id}`);
    }
  }
  return sent;
}
