import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";

export const repoRoot = path.resolve(import.meta.dirname, "..");

/** The p-th percentile (0–100) of some numbers. */
export const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] as number;
};

/** Starts a process from the repository and resolves once its output matches `ready`. */
export function startProcess(
  args: string[],
  env: Record<string, string>,
  ready: RegExp,
): Promise<ChildProcess> {
  const child = spawn(args[0] as string, args.slice(1), {
    cwd: repoRoot,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  return new Promise((resolve, reject) => {
    const onData = (d: Buffer) => {
      out += d;
      if (ready.test(out)) resolve(child);
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.once("exit", (code) => reject(new Error(`exited ${code}: ${out}`)));
  });
}

/** A bare node:http "hello" server: the baseline every HTTP figure is a share of. */
export const startBareServer = (port: number) =>
  startProcess(
    [
      "node",
      "-e",
      `require('http').createServer((q,s)=>s.end('hello')).listen(${port},()=>console.log('ready'))`,
    ],
    {},
    /ready/,
  );

/** Drops and makes anew the PostgreSQL database a URL names (a benchmark's own, never a real one). */
export async function freshServerDatabase(url: string): Promise<void> {
  const u = new URL(url);
  const name = u.pathname.slice(1);
  u.pathname = "/postgres";
  const admin = new pg.Client({ connectionString: u.toString() });
  await admin.connect();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.query(`create database ${name}`);
  await admin.end();
}

/** CPU seconds a process has used (Linux /proc), user and system. */
function cpuSeconds(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
  return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (100 a second)
}

/**
 * Waits until a started server is idle (under 5 % of a core over two seconds): a server on a large generated
 * database first catches up with its scheduled work (statistics, expiries, open data, figures), which is not what a
 * benchmark of its pages measures. Gives up after `maxSeconds` and says so.
 */
export async function waitUntilIdle(pid: number, maxSeconds = 900): Promise<number> {
  const started = Date.now();
  for (;;) {
    const before = cpuSeconds(pid);
    await new Promise((r) => setTimeout(r, 2000));
    if (cpuSeconds(pid) - before < 0.1) return (Date.now() - started) / 1000;
    if (Date.now() - started > maxSeconds * 1000) {
      console.log(`(still busy after ${maxSeconds} s: measuring anyway)`);
      return maxSeconds;
    }
  }
}
