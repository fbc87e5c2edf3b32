import fs from "node:fs";
import type { Logger } from "./logger";

/** Connection-level failures and full disks: the database is not answering, whatever the request asked. */
const unavailableCodes = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "ENOTFOUND",
  "EHOSTUNREACH",
  "ENOSPC", // the embedded database's own disk is full
  "57P01", // admin_shutdown
  "57P02", // crash_shutdown
  "57P03", // cannot_connect_now (starting up, in recovery)
  "53100", // disk_full
  "53300", // too_many_connections
]);
const diskFullCodes = new Set(["ENOSPC", "53100"]);

/** The error's code, or its cause's (Drizzle wraps the driver's error), or a connection-class SQLSTATE (08xxx). */
function codesOf(err: unknown): string[] {
  const out: string[] = [];
  for (
    let e = err as { code?: unknown; cause?: unknown; message?: unknown } | undefined, i = 0;
    e && i < 5;
    i++
  ) {
    if (typeof e.code === "string") out.push(e.code);
    if (
      typeof e.message === "string" &&
      /Connection terminated|connection error|terminating connection/i.test(e.message)
    )
      out.push("08006");
    e = e.cause as typeof e;
  }
  return out;
}

export function isDatabaseUnavailable(err: unknown): boolean {
  return codesOf(err).some((c) => unavailableCodes.has(c) || c.startsWith("08"));
}

/**
 * Keeps track of a database outage, so that it is logged once (not a stack trace per request) and /readyz can say
 * "not ready" while writes fail for want of disk. Free space of the data folder is watched too: below `minFreeBytes`
 * the instance reports itself not ready before the first write fails.
 */
export class OutageMonitor {
  private since: number | null = null;
  private suppressed = 0;
  private diskFullAt = 0;

  constructor(
    private readonly logger: Logger,
    private readonly opts: { dataDir?: string; minFreeBytes?: number } = {},
  ) {}

  /** Records a failure; logs it only when the outage begins. */
  failed(err: unknown): void {
    const codes = codesOf(err);
    if (codes.some((c) => diskFullCodes.has(c))) this.diskFullAt = Date.now();
    if (this.since === null) {
      this.since = Date.now();
      this.logger.error(
        { codes, message: (err as Error)?.message },
        "database unavailable: answering 503 until it is back",
      );
    } else this.suppressed++;
  }

  /** A request reached the database again: the outage, if any, is over. */
  recovered(): void {
    if (this.since === null) return;
    this.logger.warn(
      { seconds: Math.round((Date.now() - this.since) / 1000), failedRequests: this.suppressed + 1 },
      "database reachable again",
    );
    this.since = null;
    this.suppressed = 0;
  }

  /** Why this instance should not take traffic, or null. */
  notReadyReason(): string | null {
    if (Date.now() - this.diskFullAt < 60_000) return "disk full: a write failed in the last minute";
    const dir = this.opts.dataDir;
    if (dir && fs.existsSync(dir)) {
      const stat = fs.statfsSync(dir);
      const free = stat.bavail * stat.bsize;
      if (free < (this.opts.minFreeBytes ?? 100 * 1024 * 1024))
        return `disk nearly full: ${Math.round(free / 1024 / 1024)} MB free in the data folder`;
    }
    return null;
  }
}
