import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { AwsClient } from "aws4fetch";

/**
 * Where uploaded files (evidence) live, away from the database: a folder (DATA_DIR/files by default) or an
 * S3-compatible store (S3_ENDPOINT…). Keys are made here, never from a user's file name, so nothing typed can reach
 * outside the folder or the bucket.
 */
export interface FileStore {
  /** Stores the bytes under a new key beginning with `prefix` and returns the key. */
  put(prefix: string, bytes: Buffer): Promise<string>;
  /** The bytes under `key`, or null when they are gone. */
  get(key: string): Promise<Buffer | null>;
  /** Removes the bytes under `key`; a key already gone is no error. */
  delete(key: string): Promise<void>;
}

const safeKey = /^[a-z0-9-]+(\/[a-z0-9-]+)*$/;

export class DirectoryFileStore implements FileStore {
  constructor(private readonly dir: string) {}

  async put(prefix: string, bytes: Buffer): Promise<string> {
    const key = `${prefix}/${randomUUID()}`;
    if (!safeKey.test(key)) throw new Error(`unsafe file key ${key}`);
    const file = path.join(this.dir, key);
    await fs.promises.mkdir(path.dirname(file), { recursive: true });
    // Written beside and renamed: a reader never sees half a file.
    await fs.promises.writeFile(`${file}.part`, bytes);
    await fs.promises.rename(`${file}.part`, file);
    return key;
  }

  async get(key: string): Promise<Buffer | null> {
    if (!safeKey.test(key)) return null;
    return fs.promises.readFile(path.join(this.dir, key)).catch(() => null);
  }

  async delete(key: string): Promise<void> {
    if (!safeKey.test(key)) return;
    await fs.promises.rm(path.join(this.dir, key), { force: true });
  }
}

/**
 * An S3-compatible object store (AWS S3, MinIO, Ceph…), addressed path-style (`endpoint/bucket/key`), each request
 * signed with AWS Signature V4 (aws4fetch): for several app instances that must see the same files.
 */
export class S3FileStore implements FileStore {
  private readonly client: AwsClient;

  constructor(
    private readonly opts: {
      endpoint: string;
      bucket: string;
      accessKeyId: string;
      secretAccessKey: string;
      region: string;
    },
  ) {
    this.client = new AwsClient({
      accessKeyId: opts.accessKeyId,
      secretAccessKey: opts.secretAccessKey,
      service: "s3",
      region: opts.region,
    });
  }

  private url(key: string) {
    return `${this.opts.endpoint.replace(/\/$/, "")}/${encodeURIComponent(this.opts.bucket)}/${key}`;
  }

  async put(prefix: string, bytes: Buffer): Promise<string> {
    const key = `${prefix}/${randomUUID()}`;
    if (!safeKey.test(key)) throw new Error(`unsafe file key ${key}`);
    const res = await this.client.fetch(this.url(key), {
      method: "PUT",
      body: new Uint8Array(bytes),
      headers: { "Content-Type": "application/octet-stream" },
    });
    if (!res.ok) throw new Error(`the file store refused the file: HTTP ${res.status} ${await res.text()}`);
    return key;
  }

  async get(key: string): Promise<Buffer | null> {
    if (!safeKey.test(key)) return null;
    const res = await this.client.fetch(this.url(key));
    if (res.status === 404) return null;
    if (!res.ok) throw new Error(`the file store did not give the file: HTTP ${res.status}`);
    return Buffer.from(await res.arrayBuffer());
  }

  async delete(key: string): Promise<void> {
    if (!safeKey.test(key)) return;
    const res = await this.client.fetch(this.url(key), { method: "DELETE" });
    // S3 answers 204 whether or not the key was there.
    if (!res.ok && res.status !== 404)
      throw new Error(`the file store did not delete the file: HTTP ${res.status}`);
  }
}

/** The store the configuration names: the S3-compatible one when `S3_*` is set, else the data folder's `files`. */
export function configuredFileStore(config: {
  dataDir: string;
  s3?: ConstructorParameters<typeof S3FileStore>[0] | null;
}): FileStore {
  return config.s3 ? new S3FileStore(config.s3) : new DirectoryFileStore(path.join(config.dataDir, "files"));
}
