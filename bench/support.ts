import { type ChildProcess, spawn } from "node:child_process";
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
