import path from "node:path";
import { importSeed } from "../modules/catalog";
import { buildAllOpenData } from "../open-data-sources";
import { formatReport, ImportRejectedError, saveReport } from "../platform/import-report";
import { openForCli, runCli } from "./context";

/** npm run seed: imports the real seed data from SEED_DIR (seed/ in the repository by default), once. */
runCli(async () => {
  const { config, database, close } = await openForCli("seed");
  try {
    const report = await importSeed(database.db, config.seedDir);
    console.log(formatReport(report));
    console.log(`report saved to ${saveReport(config.dataDir, report)}`);
    await buildAllOpenData(database.db, path.join(config.dataDir, "open-data"));
    return 0;
  } catch (err) {
    if (!(err instanceof ImportRejectedError)) throw err;
    console.error(formatReport(err.report));
    console.error(`report saved to ${saveReport(config.dataDir, err.report)}; nothing was changed`);
    return 2;
  } finally {
    await close();
  }
});
