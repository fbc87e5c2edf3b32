import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { createApp, newPageCache, nodeListener } from "./app";
import { registerJobs } from "./jobs";
import { importSeed, setStampMaxAge } from "./modules/catalog";
import { dailyBackup } from "./platform/backup";
import { ConfigError, loadConfig } from "./platform/config";
import { type Database, openDatabase } from "./platform/db";
import { configuredFileStore } from "./platform/file-store";
import { formatReport, ImportRejectedError, saveReport } from "./platform/import-report";
import { JobRunner } from "./platform/job-runner";
import { DataDirLockedError, lockDataDir } from "./platform/lock";
import { createLogger } from "./platform/logger";
import { mailTransport } from "./platform/outbox";

/** How long a stop may take: requests in flight get most of it, then the workers and the database. */
const stopWithinMs = 10_000;

class PortInUseError extends Error {}

/**
 * Wires configuration, database, seed and HTTP server. The only file that reads process.env.
 * Run it as the process that receives the signals: `npm start` execs `node --import tsx src/server.ts` (no wrapper
 * in between), so SIGTERM from a process manager reaches this code and the stop below runs.
 */
async function main(): Promise<void> {
  const repoRoot = path.resolve(import.meta.dirname, "..");
  const config = loadConfig(process.env, repoRoot);
  const logger = createLogger(config.logLevel);
  const release = config.databaseUrl ? () => {} : lockDataDir(config.dataDir, "server");

  // The port is taken first, so that one already in use is said in one line before any long work. Until the app is
  // ready (migrations, first-start seed import) every request is told to come back shortly.
  let handle: http.RequestListener = (_req, res) => {
    res.writeHead(503, { "Retry-After": "5", "Content-Type": "text/plain; charset=utf-8" });
    res.end("ODOP Hub is starting; try again in a few seconds.\n");
  };
  const server = http.createServer(
    // Slow clients cannot hold connections: the headers must arrive within 10 s and the whole request within 30 s.
    { headersTimeout: 10_000, requestTimeout: 30_000, connectionsCheckingInterval: 1_000 },
    (req, res) => handle(req, res),
  );
  server.keepAliveTimeout = 5_000;
  const port = await listen(server, config.port);

  let database: Database | null = null;
  const workers: { stop(): Promise<void> }[] = [];
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "stopping: no new requests; finishing those in flight");
    setTimeout(() => {
      logger.error("could not stop within 10 s; exiting anyway");
      process.exit(1);
    }, stopWithinMs).unref();
    const drained = new Promise((resolve) => server.close(resolve));
    const tooSlow = setTimeout(() => server.closeAllConnections(), stopWithinMs - 2_000);
    await drained;
    clearTimeout(tooSlow);
    await Promise.all(workers.map((w) => w.stop()));
    await database?.close();
    release();
    logger.info("stopped");
    process.exit(0);
  };
  process.once("SIGINT", () => void stop("SIGINT"));
  process.once("SIGTERM", () => void stop("SIGTERM"));

  database = await openDatabase({
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
  if (stopping) return;

  const openDataDir = path.join(config.dataDir, "open-data");
  const db = database.db;
  // The open-data files are written when the data changes (the job looks each minute), never inside a request.
  // Slow and scheduled work runs on the one job runner, on the database: never inside a request, on one instance at a
  // time when several share a PostgreSQL server, and where it was after a restart.
  const transport = mailTransport({
    smtpUrl: config.smtpUrl,
    outboxDir: path.join(config.dataDir, "outbox"),
    from: config.mailFrom,
  });
  const fileStore = configuredFileStore(config);
  const runner = registerJobs(new JobRunner(db, logger), {
    db,
    logger,
    transport,
    openDataDir,
    origin: config.publicOriginSet ? config.publicOrigin : `http://localhost:${port}`,
    escalateAfterDays: config.escalateAfterDays,
    store: fileStore,
  });
  // The embedded database backs itself up once a day (a PostgreSQL server is backed up by its operator's tools).
  if (database.kind === "pglite") {
    const backups = path.join(config.dataDir, "backups");
    const embedded = database;
    runner.every("backup", 3600, async () => {
      const file = await dailyBackup(embedded, backups);
      if (file) logger.info({ file }, "daily backup written");
    });
  }
  // Not in the busy first minutes after a start.
  await runner.start(1000, { backup: 300 });
  workers.push(runner);
  const pageCache = newPageCache();
  // Answers kept under a data stamp check it once a second: a publication reaches every instance within one.
  setStampMaxAge(1000);
  const app = createApp({
    database,
    logger,
    externalImages: config.externalImages,
    pageCache,
    apiRateLimit: config.apiRateLimit,
    trustProxy: config.trustProxy,
    openDataDir,
    dataDir: config.dataDir,
    publicOrigin: config.publicOriginSet ? config.publicOrigin : undefined,
    localOrigin: `http://localhost:${port}`,
    fileStore,
    escalateAfterDays: config.escalateAfterDays,
  });
  handle = nodeListener(app, pageCache);
  logger.info({ url: `http://localhost:${port}` }, "ODOP Hub is listening");
}

function listen(server: http.Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once("error", (err: NodeJS.ErrnoException) =>
      reject(
        err.code === "EADDRINUSE"
          ? new PortInUseError(
              `Port ${port} is already in use by another program: stop it, or choose another port with PORT=…`,
            )
          : err,
      ),
    );
    server.listen(port, () => resolve((server.address() as AddressInfo).port));
  });
}

main().catch((err: Error) => {
  if (err instanceof ConfigError || err instanceof DataDirLockedError || err instanceof PortInUseError) {
    console.error(err.message);
    process.exit(1);
  }
  console.error(err);
  process.exit(1);
});
