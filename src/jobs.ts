import { renderMinutesPdfs } from "./modules/committees";
import { refreshInsights } from "./modules/insights";
import { escalationPass, renderPlanPdfs } from "./modules/planning";
import { renderCataloguePdfs, runMatching } from "./modules/promotion";
import { expireRfqs, sendDigests } from "./modules/trade";
import { buildAllOpenData } from "./open-data-sources";
import type { Db } from "./platform/db";
import type { FileStore } from "./platform/file-store";
import type { JobRunner } from "./platform/job-runner";
import type { Logger } from "./platform/logger";
import { refreshStatistics } from "./platform/maintenance";
import { deliverDueMail, type MailTransport } from "./platform/outbox";

/**
 * Every piece of slow or scheduled work of the platform, on the one job runner: the server starts it, and tests drive
 * the same registrations with a clock of their own (`runDue(now)`).
 */
export function registerJobs(
  runner: JobRunner,
  deps: {
    db: Db;
    logger: Logger;
    transport: MailTransport;
    openDataDir: string;
    /** Where links in mail point (PUBLIC_ORIGIN, or the local server). */
    origin: string;
    escalateAfterDays: number;
    /** Where photos are kept (a printable catalogue shows them). */
    store: FileStore;
  },
): JobRunner {
  const { db } = deps;
  return (
    runner
      .every("mail", 2, () => deliverDueMail(db, deps.transport, deps.logger))
      .every("open-data", 60, () => buildAllOpenData(db, deps.openDataDir))
      .every("escalation", 3600, (now) =>
        escalationPass(db, { afterDays: deps.escalateAfterDays, mail: { origin: deps.origin }, now }),
      )
      .every("rfq-expiry", 3600, (now) => expireRfqs(db, now ?? new Date(), { origin: deps.origin }))
      .every("statistics", 6 * 3600, () => refreshStatistics(db))
      // The dashboards' figures, counted afresh from the workflows' tables; pages say "as of" the last run.
      .every("insights", 600, () => refreshInsights(db))
      .every("buyer-digest", 24 * 3600, (now) => sendDigests(db, now ?? new Date(), { origin: deps.origin }))
      .handle("plan-pdf", (payload) => renderPlanPdfs(db, payload))
      .handle("minutes-pdf", (payload) => renderMinutesPdfs(db, payload))
      .handle("meet-matching", (payload) => runMatching(db, payload, { origin: deps.origin }))
      .handle("catalogue-pdf", (payload) =>
        renderCataloguePdfs(db, payload, { store: deps.store, origin: deps.origin }),
      )
  );
}
