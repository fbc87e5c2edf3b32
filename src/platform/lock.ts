import fs from "node:fs";
import path from "node:path";

/**
 * PGlite has no lock on its data folder, and two processes opening it corrupt it.
 * Whoever opens DATA_DIR first holds this file until it exits; a second process is refused.
 */
export class DataDirLockedError extends Error {}

export function lockDataDir(dataDir: string, purpose: string): () => void {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, "odop-hub.lock");
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, JSON.stringify({ pid: process.pid, purpose, since: new Date().toISOString() }), {
        flag: "wx",
      });
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        fs.rmSync(file, { force: true });
      };
      process.once("exit", release);
      return release;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
      const holder = readHolder(file);
      if (holder && isAlive(holder.pid)) {
        throw new DataDirLockedError(
          `The data folder ${dataDir} is in use by process ${holder.pid} (${holder.purpose}, since ${holder.since}). ` +
            "Stop it first: the embedded database must not be opened by two processes at once.",
        );
      }
      fs.rmSync(file, { force: true }); // left behind by a process that died
    }
  }
  throw new DataDirLockedError(`Could not take the lock ${file}`);
}

function readHolder(file: string): { pid: number; purpose: string; since: string } | null {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8"));
  } catch {
    return null;
  }
}

function isAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}
