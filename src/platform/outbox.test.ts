import type { AddressInfo } from "node:net";
import { sql } from "drizzle-orm";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase, type TestDatabase } from "../../test/support/database";
import { deliverDueMail, enqueueMail, mailTransport } from "./outbox";

/** A real SMTP server on a free port, keeping what it receives. */
function smtpSink() {
  const received: {
    to: string;
    subject: string;
    text: string;
    attachments: { filename?: string; contentType: string; content: string }[];
  }[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onData(stream, session, done) {
      simpleParser(stream).then((m) => {
        received.push({
          to: session.envelope.rcptTo[0]?.address ?? "",
          subject: m.subject ?? "",
          text: m.text ?? "",
          attachments: m.attachments.map((a) => ({
            filename: a.filename,
            contentType: a.contentType,
            content: a.content.toString("utf8"),
          })),
        });
        done();
      }, done);
    },
  });
  return { server, received };
}

describe("the outbox", () => {
  let t: TestDatabase;
  const sink = smtpSink();
  let port: number;
  beforeAll(async () => {
    t = await freshDatabase({ seeded: false });
    await new Promise<void>((resolve) => sink.server.listen(0, "127.0.0.1", resolve));
    port = (sink.server.server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => sink.server.close(() => resolve()));
    await t.dispose();
  });

  const pending = async () =>
    (
      (await t.db.execute(
        sql`select id, attempts, last_error, next_attempt_at > now() as later from outbox where sent_at is null`,
      )) as unknown as {
        rows: { attempts: number; last_error: string | null; later: boolean }[];
      }
    ).rows;

  it("delivers by SMTP when SMTP_URL is set, each message once, Hindi intact", async () => {
    await enqueueMail(t.db, { to: "a@example.org", subject: "पासवर्ड बदलें", body: "नमस्ते, link: http://x/y" });
    await enqueueMail(t.db, { to: "b@example.org", subject: "Second", body: "Hello" });
    const smtp = mailTransport({
      smtpUrl: `smtp://127.0.0.1:${port}`,
      outboxDir: "/nonexistent",
      from: "ODOP Hub <x@y.in>",
    });
    expect(await deliverDueMail(t.db, smtp)).toBe(2);
    expect(await deliverDueMail(t.db, smtp)).toBe(0);
    expect(sink.received.map((m) => [m.to, m.subject])).toEqual([
      ["a@example.org", "पासवर्ड बदलें"],
      ["b@example.org", "Second"],
    ]);
    expect(sink.received[0]?.text.trim()).toBe("नमस्ते, link: http://x/y");
    expect(await pending()).toEqual([]);
  });

  it("sends a message's attachments, an iCalendar invitation with its Hindi intact", async () => {
    const ics = "BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nSUMMARY:ज़िला समिति\r\nEND:VCALENDAR\r\n";
    await enqueueMail(t.db, {
      to: "d@example.org",
      subject: "Meeting",
      body: "See the invitation",
      attachments: [{ filename: "meeting.ics", contentType: "text/calendar; method=REQUEST", content: ics }],
    });
    const smtp = mailTransport({
      smtpUrl: `smtp://127.0.0.1:${port}`,
      outboxDir: "/nonexistent",
      from: "x@y.in",
    });
    expect(await deliverDueMail(t.db, smtp)).toBe(1);
    const got = sink.received.find((m) => m.to === "d@example.org");
    expect(got?.attachments).toEqual([
      { filename: "meeting.ics", contentType: "text/calendar", content: ics },
    ]);
  });

  it("keeps a message it could not send, with the error, and tries again later rather than at once", async () => {
    await enqueueMail(t.db, { to: "c@example.org", subject: "Later", body: "Hello" });
    const down = mailTransport({ smtpUrl: "smtp://127.0.0.1:1", outboxDir: "/nonexistent", from: "x@y.in" });
    expect(await deliverDueMail(t.db, down)).toBe(0);
    const [row] = await pending();
    expect(row?.attempts).toBe(1);
    expect(row?.last_error).toMatch(/ECONNREFUSED/);
    expect(row?.later).toBe(true);
    expect(await deliverDueMail(t.db, down)).toBe(0); // not due yet: no second attempt
    expect((await pending())[0]?.attempts).toBe(1);
  });
});
