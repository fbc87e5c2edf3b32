import { type ChildProcess, spawn } from "node:child_process";
import { expect } from "vitest";
import { repoRoot, seedDir } from "./database";

export type Running = { child: ChildProcess; url: string; output: () => string };

/**
 * Starts the server on a free port and waits until it listens: as `npm start` runs it (node itself, no wrapper), or,
 * with `viaNpm`, through `npm start` for real.
 */
export async function startServer(
  env: Record<string, string>,
  opts: { viaNpm?: boolean; until?: RegExp } = {},
): Promise<Running> {
  const viaNpm = opts.viaNpm ?? false;
  const until = opts.until ?? /"url":"(http:\/\/localhost:\d+)"/;
  const [command, args] = viaNpm
    ? ["npm", ["start", "--silent"]]
    : [process.execPath, ["--import", "tsx", "src/server.ts"]];
  const child = spawn(command as string, args as string[], {
    cwd: repoRoot,
    env: { ...process.env, PORT: "0", SEED_DIR: seedDir, LOG_LEVEL: "info", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout?.on("data", (d) => {
    out += d;
  });
  child.stderr?.on("data", (d) => {
    out += d;
  });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setInterval(() => {
      if (until.test(out)) {
        clearInterval(timer);
        resolve(out.match(/"url":"(http:\/\/localhost:\d+)"/)?.[1] ?? "");
      }
    }, 20);
    child.once("exit", (code) => {
      clearInterval(timer);
      reject(new Error(`server exited with ${code}:\n${out}`));
    });
  });
  return { child, url, output: () => out };
}

export async function stop(r: Running): Promise<number | null> {
  if (r.child.exitCode !== null) return r.child.exitCode;
  const exited = new Promise<number | null>((resolve) => r.child.once("exit", resolve));
  r.child.kill("SIGTERM");
  return exited;
}

export async function fetchStats(url: string) {
  const res = await fetch(`${url}/api/v1/stats`);
  expect(res.status).toBe(200);
  return (await res.json()) as Record<string, unknown>;
}
