import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DataDirLockedError, isRunning, lockDataDir, startTimeOf } from "./lock";

describe("the data-folder lock", () => {
  it("counts a holder as running only with the same id and the same start time", () => {
    const pid1 = { pid: 1, started: startTimeOf(1) };
    expect(isRunning(pid1)).toBe(true);
    expect(isRunning({ pid: 1, started: "123" })).toBe(false); // id reused by another program
    expect(isRunning({ pid: process.pid, started: startTimeOf(process.pid) })).toBe(false); // a dead one had our id
    expect(isRunning({ pid: 2 ** 22 + 7, started: null })).toBe(false); // no such process
  });

  it("refuses a second holder while the first runs, and is free again once released", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "odop-lock-"));
    fs.writeFileSync(
      path.join(dir, "odop-hub.lock"),
      JSON.stringify({ pid: 1, started: startTimeOf(1), purpose: "server", since: "now" }),
    );
    expect(() => lockDataDir(dir, "cli")).toThrow(DataDirLockedError);
    fs.rmSync(path.join(dir, "odop-hub.lock"));
    const release = lockDataDir(dir, "cli");
    expect(JSON.parse(fs.readFileSync(path.join(dir, "odop-hub.lock"), "utf8")).pid).toBe(process.pid);
    release();
    expect(fs.existsSync(path.join(dir, "odop-hub.lock"))).toBe(false);
    fs.rmSync(dir, { recursive: true });
  });
});
