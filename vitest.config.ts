import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.{ts,tsx}", "test/**/*.test.ts"],
    pool: "forks",
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 180_000,
    // The last lines of every run say which suites did not run on this machine.
    reporters: ["default", "./test/support/skip-reporter.ts"],
  },
});
