import { z } from 'zod';
import { databaseConfigFrom, type DatabaseConfig } from '../services/database.ts';

/**
 * All configuration, validated once at start (house rule 9). This is the only file of the server
 * that reads process.env; every problem is listed at once so a bad deployment is fixed in one go.
 */
const boolean = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  COOKIE_SECURE: boolean.optional(),
  TRUST_PROXY: boolean.default(false),
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(5)
    .max(60 * 24 * 30)
    .default(480),
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  LOGIN_LOCK_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(15),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(10).max(1_000_000).default(1200),
  LOGIN_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(10_000).default(10),
  TUMBUH_SEED_REGIONS: boolean.default(true),
  TUMBUH_DEMO: boolean.default(true),
  TUMBUH_DEMO_CHILDREN: z.coerce.number().int().min(100).max(2_000_000).optional(),
  TUMBUH_DATA_DIR: z.string().min(1).default('./data'),
  IMPORT_MAX_MB: z.coerce.number().int().min(1).max(2000).default(200),
  TUMBUH_HOME_REGION: z
    .string()
    .regex(/^\d{2}(\d{2}(\d{2}(\d{4})?)?)?$/, 'a dotless kode wilayah (2, 4, 6 or 10 digits) or 00')
    .optional(),
  DEATHS_VERIFY_DAYS: z.coerce.number().int().min(1).max(365).default(7),
  DEATHS_REVIEW_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  DEATHS_RECOMMEND_DAYS: z.coerce.number().int().min(1).max(365).default(7),
  DEATHS_FOLLOW_UP_DAYS: z.coerce.number().int().min(1).max(730).default(90),
});

export interface AppConfig {
  nodeEnv: 'development' | 'production' | 'test';
  port: number;
  host: string;
  logLevel: string;
  cookieSecure: boolean;
  trustProxy: boolean;
  database: DatabaseConfig;
  auth: { sessionIdleMinutes: number; maxFailedLogins: number; lockMinutes: number };
  rateLimit: { perMinute: number; loginPerMinute: number };
  seedRegions: boolean;
  /** Fill an empty registry with the synthetic demo province at start (off in production). */
  demo: { enabled: boolean; children?: number };
  /** File imports: uploads wait in uploadsDir between preview and commit; files up to maxBytes. */
  imports: { uploadsDir: string; maxBytes: number };
  /** The dashboard's default region for visitors (unset: the province with most data). */
  dashboard: { homeRegion: string | null };
  /** AKI-AKB review deadlines in days (core/deaths/deadlines.ts); overdue cases are highlighted. */
  deaths: { verifyDays: number; reviewDays: number; recommendDays: number; followUpDays: number };
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Parses an environment (process.env by default) into the app's config, or throws listing every problem. */
export function loadConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  const cleaned = Object.fromEntries(
    Object.entries(env).filter(([, v]) => v !== undefined && v !== ''),
  );
  const parsed = envSchema.safeParse(cleaned);
  const db = databaseConfigFrom(env);
  const problems = [
    ...(parsed.success
      ? []
      : parsed.error.issues.map(
          (i) =>
            `${i.path.join('.')}: ${i.message} (got ${JSON.stringify(cleaned[String(i.path[0])])})`,
        )),
    ...db.problems,
  ];
  if (!parsed.success || !db.config || problems.length) {
    throw new ConfigError(
      `Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}\nSee .env.example for every variable and its default.`,
    );
  }
  const e = parsed.data;
  return {
    nodeEnv: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    logLevel: e.LOG_LEVEL,
    cookieSecure: e.COOKIE_SECURE ?? e.NODE_ENV === 'production',
    trustProxy: e.TRUST_PROXY,
    database: db.config,
    auth: {
      sessionIdleMinutes: e.SESSION_IDLE_MINUTES,
      maxFailedLogins: e.LOGIN_MAX_FAILURES,
      lockMinutes: e.LOGIN_LOCK_MINUTES,
    },
    rateLimit: {
      perMinute: e.RATE_LIMIT_PER_MINUTE,
      loginPerMinute: e.LOGIN_RATE_LIMIT_PER_MINUTE,
    },
    seedRegions: e.TUMBUH_SEED_REGIONS,
    demo: {
      enabled: e.TUMBUH_DEMO && e.NODE_ENV !== 'production',
      children: e.TUMBUH_DEMO_CHILDREN,
    },
    imports: { uploadsDir: `${e.TUMBUH_DATA_DIR}/uploads`, maxBytes: e.IMPORT_MAX_MB * 2 ** 20 },
    dashboard: { homeRegion: e.TUMBUH_HOME_REGION ?? null },
    deaths: {
      verifyDays: e.DEATHS_VERIFY_DAYS,
      reviewDays: e.DEATHS_REVIEW_DAYS,
      recommendDays: e.DEATHS_RECOMMEND_DAYS,
      followUpDays: e.DEATHS_FOLLOW_UP_DAYS,
    },
  };
}
