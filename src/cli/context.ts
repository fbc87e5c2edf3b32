import path from "node:path";
import { loadConfig } from "../platform/config";
import { type Database, openDatabase } from "../platform/db";
import { lockDataDir } from "../platform/lock";

export const repoRoot = path.resolve(import.meta.dirname, "..", "..");

/**
 * Opens the configured database for a command-line tool, migrated. On the embedded database it takes the data
 * folder's lock first, so a CLI run cannot corrupt the files of a running server.
 */
export async function openForCli(purpose: string, opts: { migrate?: boolean } = {}) {
  const config = loadConfig(process.env, repoRoot);
  const release = config.databaseUrl ? () => {} : lockDataDir(config.dataDir, purpose);
  const database: Database = await openDatabase({
    url: config.databaseUrl,
    dir: path.join(config.dataDir, "pglite"),
  });
  if (opts.migrate ?? true) await database.migrate();
  return {
    config,
    database,
    async close() {
      await database.close();
      release();
    },
  };
}

/** Runs a CLI main, printing a failure as one clear line instead of a stack trace. */
export function runCli(main: () => Promise<number>): void {
  main().then(
    (code) => process.exit(code),
    (err: Error) => {
      // Database errors arrive wrapped with the whole statement: the cause is what a person needs.
      const cause = err.cause instanceof Error ? err.cause.message : null;
      console.error(`error: ${cause ?? err.message.slice(0, 500)}`);
      process.exit(1);
    },
  );
}
