import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

/**
 * Where uploaded files (evidence) live, away from the database: a folder (DATA_DIR/files by default). Keys are made
 * here, never from a user's file name, so nothing typed can reach outside the folder.
 */
export interface FileStore {
  /** Stores the bytes under a new key beginning with `prefix` and returns the key. */
  put(prefix: string, bytes: Buffer): Promise<string>;
  /** The bytes under `key`, or null when they are gone. */
  get(key: string): Promise<Buffer | null>;
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
}
