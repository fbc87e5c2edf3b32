import path from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./config";

const root = "/srv/odop";

describe("reading the configuration from the environment", () => {
  it("starts with nothing set: embedded database under ./data, files in the data folder, 15 days' grace", () => {
    const c = loadConfig({}, root);
    expect(c.dataDir).toBe(path.resolve(root, "data"));
    expect(c.databaseUrl).toBeUndefined();
    expect(c.escalateAfterDays).toBe(15);
    expect(c.s3).toBeUndefined();
    expect(c.publicOriginSet).toBe(false);
  });

  it("names every wrong setting in one message", () => {
    expect(() =>
      loadConfig({ PORT: "http", ESCALATE_AFTER_DAYS: "-3", DATABASE_URL: "mysql://x" }, root),
    ).toThrow(
      expect.objectContaining({
        message: expect.stringMatching(
          /PORT:[\s\S]*DATABASE_URL: must start with postgres[\s\S]*ESCALATE_AFTER_DAYS/,
        ),
      }),
    );
  });

  it("takes an S3-compatible store only with all four settings, and says which go together", () => {
    const s3 = {
      S3_ENDPOINT: "https://minio.example.gov.in",
      S3_BUCKET: "odop-evidence",
      S3_ACCESS_KEY_ID: "key",
      S3_SECRET_ACCESS_KEY: "secret",
    };
    expect(loadConfig(s3, root).s3).toEqual({
      endpoint: "https://minio.example.gov.in",
      bucket: "odop-evidence",
      accessKeyId: "key",
      secretAccessKey: "secret",
      region: "us-east-1",
    });
    const { S3_SECRET_ACCESS_KEY: _, ...half } = s3;
    expect(() => loadConfig(half, root)).toThrow(ConfigError);
    expect(() => loadConfig(half, root)).toThrow(/go together: set all four, or none/);
    // An empty value counts as not set, as in a .env file with the line left blank.
    expect(loadConfig({ S3_ENDPOINT: "", ESCALATE_AFTER_DAYS: "30" }, root)).toMatchObject({
      s3: undefined,
      escalateAfterDays: 30,
    });
  });
});
