import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { getRequestListener } from "@hono/node-server";
import { createApp, newPageCache } from "./app";
import { importSeed } from "./modules/catalog";
import { ConfigError, loadConfig } from "./platform/config";
import { openDatabase } from "./platform/db";
import { formatReport, ImportRejectedError, saveReport } from "./platform/import-report";
import { DataDirLockedError, lockDataDir } from "./platform/lock";
import { createLogger } from "./platform/logger";
import { mailTransport, startMailWorker } from "./platform/outbox";

/** Wires configuration, database, seed and HTTP server. The only file that reads process.env. */
async function main(): Promise<void> {
  const repoRoot = path.resolve(import.meta.dirname, "..");
  const config = loadConfig(process.env, repoRoot);
  const logger = createLogger(config.logLevel);
  const release = config.databaseUrl ? () => {} : lockDataDir(config.dataDir, "server");
  const database = await openDatabase({
    url: config.databaseUrl,
    dir: path.join(config.dataDir, "pglite"),
    worker: true,
  });
  logger.info({ database: database.kind, dataDir: config.dataDir }, "database opened");
  await database.migrate();

  try {
    const report = await importSeed(database.db, config.seedDir);
    if (report.outcome === "imported") {
      logger.info({ report: saveReport(config.dataDir, report) }, "seed data imported on first start");
      console.log(formatReport(report));
    }
  } catch (err) {
    if (err instanceof ImportRejectedError) {
      console.error(formatReport(err.report));
      logger.fatal(
        { report: saveReport(config.dataDir, err.report) },
        "seed import rejected; nothing changed",
      );
      process.exit(2);
    }
    throw err;
  }

  const mailer = startMailWorker(
    database.db,
    mailTransport({
      smtpUrl: config.smtpUrl,
      outboxDir: path.join(config.dataDir, "outbox"),
      from: config.mailFrom,
    }),
    logger,
  );
  const pageCache = newPageCache();
  const app = createApp({
    database,
    logger,
    externalImages: config.externalImages,
    pageCache,
    apiRateLimit: config.apiRateLimit,
    trustProxy: config.trustProxy,
    openDataDir: path.join(config.dataDir, "open-data"),
  });
  const appListener = getRequestListener(app.fetch);
  // Cached public pages are answered before the app is entered; everything else goes through it.
  const server = http.createServer((req, res) => {
    if (!pageCache.serveNode(req, res)) appListener(req, res);
  });
  server.listen(config.port, () => {
    const port = (server.address() as AddressInfo).port;
    logger.info({ url: `http://localhost:${port}` }, "ODOP Hub is listening");
  });
  const stop = () => {
    logger.info("stopping");
    mailer.stop();
    server.close(async () => {
      await database.close();
      release();
      process.exit(0);
    });
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

main().catch((err: Error) => {
  if (err instanceof ConfigError || err instanceof DataDirLockedError) {
    console.error(err.message);
    process.exit(1);
  }
  console.error(err);
  process.exit(1);
});
