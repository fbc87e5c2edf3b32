import path from "node:path";
import { parseArgs } from "node:util";
import { backupDatabase, backupName } from "../platform/backup";
import { openForCli, runCli } from "./context";

const usage = `Usage: npm run backup [-- --out FILE]

Writes a consistent backup of the whole database (embedded or PostgreSQL) as one gzipped file, by default
DATA_DIR/backups/odop-hub-<time>.jsonl.gz. On the embedded database the server must be stopped first: while it runs,
it makes a backup itself every day into DATA_DIR/backups (the newest seven are kept).`;

runCli(async () => {
  const { values } = parseArgs({
    options: { out: { type: "string" }, help: { type: "boolean", default: false } },
  });
  if (values.help) {
    console.log(usage);
    return 0;
  }
  const { config, database, close } = await openForCli("backup");
  try {
    const file = path.resolve(values.out ?? path.join(config.dataDir, "backups", backupName()));
    const { tables, rows } = await backupDatabase(database, file);
    console.log(`backup written: ${file} (${tables} tables, ${rows} rows)`);
    return 0;
  } finally {
    await close();
  }
});
