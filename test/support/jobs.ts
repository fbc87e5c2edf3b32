import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { registerJobs } from "../../src/jobs";
import type { Db } from "../../src/platform/db";
import { DirectoryFileStore } from "../../src/platform/file-store";
import { JobRunner } from "../../src/platform/job-runner";
import { createLogger } from "../../src/platform/logger";
import { mailTransport } from "../../src/platform/outbox";

/**
 * The platform's own job registrations on a runner the test drives: `runDue(now)` makes one pass at the test's clock.
 * Mail goes to .eml files in `outboxDir` (read them with `readOutbox`).
 */
export function testJobs(db: Db, opts: { outboxDir?: string; escalateAfterDays?: number } = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "odop-jobs-"));
  return registerJobs(new JobRunner(db), {
    db,
    logger: createLogger("silent"),
    transport: mailTransport({
      outboxDir: opts.outboxDir ?? path.join(dir, "outbox"),
      from: "ODOP Hub <no-reply@odophub.invalid>",
    }),
    openDataDir: path.join(dir, "open-data"),
    origin: "http://localhost",
    escalateAfterDays: opts.escalateAfterDays ?? 15,
    // The store the test's app keeps photos in (createApp's default).
    store: new DirectoryFileStore(path.join(os.tmpdir(), `odop-files-${process.pid}`)),
  });
}
