import { z } from 'zod';

// The only reader of process.env (house rule: ESLint bans process.env elsewhere).
const boolish = z
  .enum(['on', 'off', 'true', 'false', '1', '0'])
  .transform((v) => v === 'on' || v === 'true' || v === '1');

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must start with postgres://').optional(),
  SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  SESSION_TTL_HOURS: z.coerce.number().positive().default(12),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  RATE_LIMIT: boolish.default(true),
  LOGIN_MAX_FAILURES: z.coerce.number().int().positive().default(5),
  LOGIN_LOCKOUT_MINUTES: z.coerce.number().positive().default(15),
  BODY_LIMIT_BYTES: z.coerce.number().int().positive().default(1_048_576),
  /** How often each serving process polls for due scheduled jobs (auction closes, notice expiries). */
  SCHEDULER_INTERVAL_MS: z.coerce.number().int().min(50).max(60_000).default(500),
  /** 协议定价公示: default notice period and the shortest a seller may choose, in working days (domain §2.2: 15). */
  NOTICE_WORKING_DAYS: z.coerce.number().int().min(1).max(60).default(15),
  NOTICE_MIN_WORKING_DAYS: z.coerce.number().int().min(1).max(60).default(15),
  SEED_DEMO: boolish.optional(),
  /** How far ahead a tender's submission deadline must be, in minutes (short ones for demos and browser tests). */
  TENDER_MIN_LEAD_MINUTES: z.coerce.number().int().min(0).max(10_080).default(60),
  PGLITE_WORKER: boolish.default(true),
  /** Optional OpenAI-compatible embedding service for the semantic layer (base URL; /v1/embeddings is appended). */
  EMBEDDINGS_URL: z.url().optional(),
  EMBEDDINGS_MODEL: z.string().min(1).optional(),
  EMBEDDINGS_API_KEY: z.string().optional(),
  /** Forces a search engine (default: the best the database offers); start fails if it is missing. */
  SEARCH_ENGINE: z.enum(['pg_textsearch', 'rum', 'tsvector']).optional(),
});

export type Env = z.output<typeof EnvSchema>;

/** Parses an environment object; throws with every invalid variable listed. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const result = EnvSchema.safeParse(cleaned);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join('\n')}`);
  }
  return result.data;
}

/** Reads process.env once. */
export function loadEnv(overrides: Partial<Record<keyof Env, string>> = {}): Env {
   
  return parseEnv({ ...process.env, ...overrides });
}
