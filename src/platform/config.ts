import path from "node:path";
import { z } from "zod";

/** Everything the platform reads from its environment, parsed once at the edge. */
const configSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000), // 0: any free port (tests)
  DATA_DIR: z.string().min(1).default("./data"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must start with postgres:// or postgresql://")
    .optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  SEED_DIR: z.string().min(1).optional(),
  EXTERNAL_IMAGES: z.enum(["on", "off"], { message: "must be on or off" }).default("off"),
  API_RATE_LIMIT: z.coerce.number().int().min(1).max(1_000_000).default(600),
  TRUST_PROXY: z.enum(["on", "off"], { message: "must be on or off" }).default("off"),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, "must start with smtp:// or smtps://")
    .optional(),
  MAIL_FROM: z.string().min(3).default("ODOP Hub <no-reply@odophub.invalid>"),
  PUBLIC_ORIGIN: z.url({ message: "must be a URL like https://odop.example.gov.in" }).optional(),
  ESCALATE_AFTER_DAYS: z.coerce.number().int().min(0).max(365).default(15),
  S3_ENDPOINT: z.url({ message: "must be a URL like https://s3.ap-south-1.amazonaws.com" }).optional(),
  S3_BUCKET: z.string().min(3).max(63).optional(),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  S3_REGION: z.string().min(1).default("us-east-1"),
});

export type Config = {
  port: number;
  dataDir: string;
  databaseUrl: string | undefined;
  logLevel: z.infer<typeof configSchema>["LOG_LEVEL"];
  seedDir: string;
  /** Official product photos are hosted elsewhere: showing them is the operator's choice, off by default. */
  externalImages: boolean;
  /** API requests per client and minute. */
  apiRateLimit: number;
  /** Behind a load balancer: the client is the address the balancer saw (the last of X-Forwarded-For). */
  trustProxy: boolean;
  /** Mail goes to this SMTP server; without it, to .eml files in DATA_DIR/outbox. */
  smtpUrl: string | undefined;
  mailFrom: string;
  /** Where people reach the platform: every link in mail is built on it, and only its host is served. */
  publicOrigin: string;
  /** Whether PUBLIC_ORIGIN was set; without it the server answers only for localhost. */
  publicOriginSet: boolean;
  /** A bottleneck this many days past its due date rises to its State's queue. */
  escalateAfterDays: number;
  /** Uploaded files go to this S3-compatible store when set; otherwise to DATA_DIR/files. */
  s3:
    | { endpoint: string; bucket: string; accessKeyId: string; secretAccessKey: string; region: string }
    | undefined;
};

export class ConfigError extends Error {}

/** The repository carries its own copy of the seed data (seed/), so that a clone with nothing beside it starts. */
export function defaultSeedDir(repoRoot: string): string {
  return path.resolve(repoRoot, "seed");
}

export function loadConfig(env: Record<string, string | undefined>, repoRoot: string): Config {
  const parsed = configSchema.safeParse(emptyToUndefined(env));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n  ${lines.join("\n  ")}`);
  }
  const c = parsed.data;
  return {
    port: c.PORT,
    dataDir: path.resolve(repoRoot, c.DATA_DIR),
    databaseUrl: c.DATABASE_URL,
    logLevel: c.LOG_LEVEL,
    seedDir: c.SEED_DIR ? path.resolve(repoRoot, c.SEED_DIR) : defaultSeedDir(repoRoot),
    externalImages: c.EXTERNAL_IMAGES === "on",
    apiRateLimit: c.API_RATE_LIMIT,
    trustProxy: c.TRUST_PROXY === "on",
    smtpUrl: c.SMTP_URL,
    mailFrom: c.MAIL_FROM,
    publicOrigin: (c.PUBLIC_ORIGIN ?? `http://localhost:${c.PORT || 3000}`).replace(/\/$/, ""),
    publicOriginSet: c.PUBLIC_ORIGIN !== undefined,
    escalateAfterDays: c.ESCALATE_AFTER_DAYS,
    s3: s3Of(c),
  };
}

/** The S3 settings, all or none: a store half configured is said at start, not at the first upload. */
function s3Of(c: z.infer<typeof configSchema>): Config["s3"] {
  const given = [c.S3_ENDPOINT, c.S3_BUCKET, c.S3_ACCESS_KEY_ID, c.S3_SECRET_ACCESS_KEY];
  if (given.every((v) => v === undefined)) return undefined;
  if (!c.S3_ENDPOINT || !c.S3_BUCKET || !c.S3_ACCESS_KEY_ID || !c.S3_SECRET_ACCESS_KEY)
    throw new ConfigError(
      "Invalid configuration:\n  S3_ENDPOINT, S3_BUCKET, S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY go together: set all four, or none (files then go to DATA_DIR/files)",
    );
  return {
    endpoint: c.S3_ENDPOINT,
    bucket: c.S3_BUCKET,
    accessKeyId: c.S3_ACCESS_KEY_ID,
    secretAccessKey: c.S3_SECRET_ACCESS_KEY,
    region: c.S3_REGION,
  };
}

function emptyToUndefined(env: Record<string, string | undefined>) {
  const keys = [
    "PORT",
    "DATA_DIR",
    "DATABASE_URL",
    "LOG_LEVEL",
    "SEED_DIR",
    "EXTERNAL_IMAGES",
    "API_RATE_LIMIT",
    "TRUST_PROXY",
    "SMTP_URL",
    "MAIL_FROM",
    "PUBLIC_ORIGIN",
    "ESCALATE_AFTER_DAYS",
    "S3_ENDPOINT",
    "S3_BUCKET",
    "S3_ACCESS_KEY_ID",
    "S3_SECRET_ACCESS_KEY",
    "S3_REGION",
  ] as const;
  return Object.fromEntries(keys.map((k) => [k, env[k] === "" ? undefined : env[k]]));
}
