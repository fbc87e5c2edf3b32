import fs from "node:fs";
import { parseArgs } from "node:util";
import { RestoreRefusedError, restoreDatabase } from "../platform/backup";
import { openForCli, runCli } from "./context";

const usage = `Usage: npm run restore -- FILE

Restores a backup made by npm run backup (or by the server's daily backup) into an empty database: a new DATA_DIR,
or an empty PostgreSQL database named by DATABASE_URL. A database that holds rows is never touched.`;

runCli(async () => {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { help: { type: "boolean", default: false } },
  });
  const file = positionals[0];
  if (values.help || !file || positionals.length !== 1) {
    console.error(usage);
    return values.help ? 0 : 1;
  }
  if (!fs.existsSync(file)) {
    console.error(`error: no such file: ${file}`);
    return 1;
  }
  const { database, close } = await openForCli("restore", { migrate: false });
  try {
    const { tables, rows } = await restoreDatabase(database, file);
    console.log(`restored ${rows} rows in ${tables} tables from ${file}`);
    return 0;
  } catch (err) {
    if (!(err instanceof RestoreRefusedError)) throw err;
    console.error(`error: ${err.message}; nothing was changed`);
    return 2;
  } finally {
    await close();
  }
});
