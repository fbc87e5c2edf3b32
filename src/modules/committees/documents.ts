import type { DbOrTx } from "../../platform/db";
import { enqueueJob } from "../../platform/job-runner";
import { saveDocument } from "../../platform/rendered-documents";
import { minutesPdf } from "./pages/minutes-pdf";
import { meetingRecord } from "./queries/meetings";

/** Published minutes in print: where they are kept, the job that renders them, the stamp of what they show. */
export const minutesDocument = (m: { id: number; version: number; minutesPublishedAt: Date | null }) => ({
  key: `minutes:${m.id}`,
  queue: "minutes-pdf",
  payload: { meetingId: m.id },
  stamp: `${m.version}:${m.minutesPublishedAt?.toISOString() ?? ""}`,
});

export const enqueueMinutesPdf = (db: DbOrTx, meetingId: number) =>
  enqueueJob(db, "minutes-pdf", { meetingId }, { singletonKey: `minutes-pdf:minutes:${meetingId}` });

/** The job: renders a meeting's published minutes in both languages. */
export async function renderMinutesPdfs(db: DbOrTx, payload: unknown): Promise<void> {
  const id = Number((payload as { meetingId?: unknown })?.meetingId);
  if (!Number.isInteger(id)) return;
  // A meeting gone or not published (yet) has nothing to print: the job is done.
  const record = await meetingRecord(db, id).catch(() => null);
  if (record?.meeting.state !== "minutes_published") return;
  const { key, stamp } = minutesDocument(record.meeting);
  for (const lang of ["en", "hi"] as const)
    await saveDocument(db, key, lang, stamp, await minutesPdf(record, lang));
}
