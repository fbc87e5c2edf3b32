import { createHash, randomBytes } from "node:crypto";
import argon2 from "argon2";

/** A token for a cookie or a link: 256 random bits. Only its hash is stored. */
export function newToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, hash: hashToken(token) };
}

export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

/** OWASP's argon2id minimum (19 MiB, 2 passes): about 27 ms here (bench/sign-in.bench.ts), slow enough to make guessing dear. */
const argonOptions = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (password: string) => argon2.hash(password, argonOptions);

/** A hash made with other (older, weaker) parameters than today's: replaced at the next successful sign-in. */
export const needsRehash = (hash: string) => argon2.needsRehash(hash, argonOptions);

/** A hash of nothing anyone knows: checked when the account does not exist, so timing does not tell who has one. */
let decoy: Promise<string> | undefined;

export async function verifyPassword(hash: string | null, password: string): Promise<boolean> {
  if (!hash) {
    decoy ??= hashPassword(randomBytes(16).toString("hex"));
    await argon2.verify(await decoy, password);
    return false;
  }
  return argon2.verify(hash, password);
}
