import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { repoRoot, serverUrl } from "./support/database";

/** fsync(2) calls a process makes between two lines it prints, counted by strace (the operating system's view). */
function fsyncsDuringCommits(dir: string, mode: "main" | "worker"): number {
  const trace = path.join(dir, "trace.txt");
  const run = spawnSync(
    "strace",
    [
      "-f",
      "-e",
      "trace=fsync,fdatasync,write",
      "-o",
      trace,
      process.execPath,
      "--import",
      "tsx",
      "test/fixtures/commit-some.ts",
      path.join(dir, "db"),
      mode,
    ],
    { cwd: repoRoot, encoding: "utf8" },
  );
  expect(run.status, run.stderr).toBe(0);
  const lines = fs.readFileSync(trace, "utf8").split("\n");
  const from = lines.findIndex((l) => l.includes('"ready\\n"'));
  const to = lines.findIndex((l) => l.includes('"committed\\n"'));
  expect(from).toBeGreaterThan(-1);
  return lines.slice(from, to).filter((l) => /\b(fsync|fdatasync)\(/.test(l)).length;
}

const haveStrace = spawnSync("strace", ["-V"]).status === 0 || process.env.CI === "true";

describe.runIf(!serverUrl && haveStrace)("the embedded database on disk", () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
  });

  it.each(["main", "worker"] as const)(
    "syncs each commit to stable storage before acknowledging it (%s thread)",
    (mode) => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), "odop-durable-"));
      dirs.push(dir);
      expect(fsyncsDuringCommits(dir, mode)).toBeGreaterThanOrEqual(10);
    },
  );
});
