import fs from "node:fs";
import path from "node:path";

/**
 * PGlite has no lock on its data folder, and two processes opening it corrupt it.
 * Whoever opens DATA_DIR first holds this file until it exits; a second process is refused.
 *
 * A process killed with -9 leaves the file behind, so a lock is live only if its holder still runs: the same process
 * id *and* the same start time (Linux /proc). A process id alone is not enough: in a container the restarted server
 * often gets the id of the one that crashed (then the holder is this very process, which cannot be), and on a busy
 * host another program may have taken it. See docs/decisions/009-data-folder-lock.md.
 */
export class DataDirLockedError extends Error {}

type Holder = { pid: number; started: string | null; purpose: string; since: string };

export function lockDataDir(dataDir: string, purpose: string): () => void {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, "odop-hub.lock");
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const me: Holder = {
        pid: process.pid,
        started: startTimeOf(process.pid),
        purpose,
        since: new Date().toISOString(),
      };
      fs.writeFileSync(file, JSON.stringify(me), { flag: "wx" });
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
      if (holder && isRunning(holder)) {
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

function readHolder(file: string): Holder | null {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8"));
  } catch {
    return null; // a half-written file: its writer died while writing it
  }
}

/** Is the process that wrote the lock still running? */
export function isRunning(holder: Pick<Holder, "pid" | "started">): boolean {
  // This process has not taken the lock yet, so a lock in its name was left by a dead one that had the same id.
  if (holder.pid === process.pid) return false;
  try {
    process.kill(holder.pid, 0);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "EPERM") return false;
  }
  const started = startTimeOf(holder.pid);
  // Another program now has the id if it started at another time; without /proc, the id has to do.
  return !(started && holder.started && started !== holder.started);
}

/** When a process started, in clock ticks since boot (field 22 of /proc/PID/stat); null where there is no /proc. */
export function startTimeOf(pid: number): string | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name (field 2) is in parentheses and may hold spaces: count fields after its closing one.
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19] ?? null;
  } catch {
    return null;
  }
}
