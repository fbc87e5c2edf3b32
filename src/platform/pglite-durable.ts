import fs from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { NodeFS } from "@electric-sql/pglite/nodefs";

/**
 * PGlite on a data folder whose commits reach stable storage before they are acknowledged.
 *
 * As shipped, PGlite runs PostgreSQL with fsync off (`-F`), and its file system (Emscripten's NODEFS) has no fsync at
 * all: a call becomes a no-op, and fdatasync is a stub. A killed process loses nothing (the files are written), but an
 * operating-system crash or a power cut can lose committed transactions or corrupt the folder. Here PostgreSQL runs
 * with fsync on and syncs its write-ahead log with fsync() (wal_sync_method=fsync, the one call that reaches the
 * file system), and NODEFS's fsync is given a real fsync(2) on the file's descriptor. Cost: see bench/README.md.
 */
class DurableNodeFS extends NodeFS {
  override async init(pg: PGlite, opts: Parameters<NodeFS["init"]>[1]) {
    const result = await super.init(pg, opts);
    const preRun = result.emscriptenOpts.preRun ?? [];
    result.emscriptenOpts.preRun = [
      ...preRun,
      (mod: { NODEFS: { stream_ops: Record<string, unknown> } }) => {
        mod.NODEFS.stream_ops.fsync = (stream: { nfd?: number }) => {
          if (stream.nfd !== undefined) fs.fsyncSync(stream.nfd);
          return 0;
        };
      },
    ];
    return result;
  }
}

export const durableStartParams = [
  ...PGlite.defaultStartParams.filter((p) => p !== "-F"),
  "-c",
  "fsync=on",
  "-c",
  "wal_sync_method=fsync",
];

/** Opens (creating if needed) the embedded database in `dir`, durable as described above. */
export function openDurablePglite(dir: string): Promise<PGlite> {
  return PGlite.create({
    fs: new DurableNodeFS(dir),
    startParams: durableStartParams,
    extensions: { pg_trgm },
  });
}
