import type { DbOrTx } from "../../platform/db";
import { enqueueJob } from "../../platform/job-runner";

/** A plan's printable copy: where it is kept, the job that renders it, and the stamp of the data it shows. */
export const planDocument = (p: { id: number; version: number; updatedAt: Date }) => ({
  key: `plan:${p.id}`,
  queue: "plan-pdf",
  payload: { planId: p.id },
  stamp: `${p.version}:${p.updatedAt.toISOString()}`,
});

/** Asks for the plan's PDF to be rendered again (once, however many changes ask before it runs). */
export const enqueuePlanPdf = (db: DbOrTx, planId: number) =>
  enqueueJob(db, "plan-pdf", { planId }, { singletonKey: `plan-pdf:plan:${planId}` });
