import type { Logger } from "./logger";

/**
 * Slow or scheduled work beside the HTTP server, never inside a request: runs `work` first after `firstRunAfterMs`
 * (at once by default) and then every `everyMs`,
 * one run at a time. Failures are logged when they start and when they stop, not at every beat.
 */
export function startJob(
  name: string,
  everyMs: number,
  work: () => Promise<unknown>,
  logger: Logger,
  opts: { firstRunAfterMs?: number } = {},
) {
  let current: Promise<void> | null = null;
  let failing = false;
  const run = (): Promise<void> => {
    current ??= work()
      .then(() => {
        if (failing) logger.warn({ job: name }, "job works again");
        failing = false;
      })
      .catch((err) => {
        if (!failing) logger.error({ err, job: name }, "job failed; it will be tried again");
        failing = true;
      })
      .finally(() => {
        current = null;
      });
    return current;
  };
  const timer = setInterval(run, everyMs);
  timer.unref();
  const first = setTimeout(run, opts.firstRunAfterMs ?? 0);
  first.unref();
  return {
    run,
    /** Stops the beat and waits for a run under way, so that the database is not closed beneath it. */
    async stop() {
      clearInterval(timer);
      clearTimeout(first);
      await current;
    },
  };
}
