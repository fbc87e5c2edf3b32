import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import S3rver from "s3rver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DirectoryFileStore, type FileStore, S3FileStore } from "./file-store";

const pdf = Buffer.from("%PDF-1.4\n1 0 obj <<>> endobj\n%%EOF\n");

/** What every store must do: keep bytes under a key of its own making, give them back, and refuse a forged key. */
function behavesAsAStore(make: () => FileStore) {
  it("keeps the bytes under a new key and gives them back; an unknown or forged key gives nothing", async () => {
    const store = make();
    const a = await store.put("evidence/7", pdf);
    const b = await store.put("evidence/7", Buffer.from("second"));
    expect(a).toMatch(/^evidence\/7\/[0-9a-f-]{36}$/);
    expect(a).not.toBe(b);
    expect(await store.get(a)).toEqual(pdf);
    expect((await store.get(b))?.toString()).toBe("second");
    expect(await store.get("evidence/7/00000000-0000-0000-0000-000000000000")).toBeNull();
    expect(await store.get("../../etc/passwd")).toBeNull();
    await expect(store.put("../outside", pdf)).rejects.toThrow(/unsafe file key/);
  });
  it("deletes the bytes under a key, and a key already gone is no error", async () => {
    const store = make();
    const a = await store.put("photos/3", pdf);
    const b = await store.put("photos/3", Buffer.from("kept"));
    await store.delete(a);
    expect(await store.get(a)).toBeNull();
    expect((await store.get(b))?.toString()).toBe("kept");
    await store.delete(a);
    await store.delete("../../etc/passwd");
  });
}

describe("files in a folder (DATA_DIR/files)", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "odop-files-"));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  behavesAsAStore(() => new DirectoryFileStore(dir));
});

describe("files in an S3-compatible store (signed requests to a real S3-protocol server)", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "odop-s3-"));
  let server: S3rver;
  let endpoint = "";
  beforeAll(async () => {
    server = new S3rver({
      port: 0,
      address: "127.0.0.1",
      silent: true,
      directory: dir,
      configureBuckets: [{ name: "evidence" }],
    });
    const { port } = await server.run();
    endpoint = `http://127.0.0.1:${port}`;
  });
  afterAll(async () => {
    await server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  const store = (bucket = "evidence", accessKeyId = "S3RVER") =>
    new S3FileStore({ endpoint, bucket, accessKeyId, secretAccessKey: "S3RVER", region: "us-east-1" });

  behavesAsAStore(() => store());

  it("says so when the store refuses (no such bucket, an unknown key), instead of pretending it kept the file", async () => {
    await expect(store("no-such-bucket").put("evidence/1", pdf)).rejects.toThrow(
      /refused the file: HTTP 404/,
    );
    await expect(store("evidence", "NOT-A-KEY").put("evidence/1", pdf)).rejects.toThrow(
      /refused the file: HTTP 403/,
    );
  });
});
