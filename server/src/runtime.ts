import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import type { Env } from '#server/config/env';
import { openDatabase } from '#server/db/client';
import { seedDemo } from '#server/db/seed/demo';
import type { DbHandle } from '#server/db/types';
import { systemClock } from '#server/lib/clock';
import { syncReferenceData } from '#server/modules/regions/index';
import { syncHolidayCalendar } from '#server/modules/notices/index';
import { syncRegistrationDefaults } from '#server/modules/registrations/index';
import { buildApp } from './app';
import { createServices, type Services } from './services';

// Used only outside production, so a fresh clone works with no configuration.
const DEV_SESSION_SECRET = 'transfernet-development-secret-not-for-production';

export function appVersion(): string {
  for (const rel of ['../../package.json', '../package.json']) {
    const p = fileURLToPath(new URL(rel, import.meta.url));
    if (existsSync(p)) {
      const pkg = JSON.parse(readFileSync(p, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'transfernet') {
        return pkg.version ?? '0.0.0';
      }
    }
  }
  return '0.0.0';
}

/** The built web client: dist/web next to the bundle, or from sources the repo's dist/web. */
export function webRoot(): string | undefined {
  for (const rel of ['../web', '../../dist/web', '../../../dist/web']) {
    const p = fileURLToPath(new URL(rel, import.meta.url));
    if (existsSync(`${p}/index.html`)) {
      return p;
    }
  }
  return undefined;
}

export type Runtime = { handle: DbHandle; services: Services; env: Env };

/** Opens the database the environment names, migrates it, loads reference data, wires services. */
export async function openRuntime(env: Env, log: (msg: string) => void = () => undefined): Promise<Runtime> {
  const t0 = performance.now();
  const handle = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR, worker: env.PGLITE_WORKER });
  log(`database: ${handle.mode === 'embedded' ? `embedded PGlite in ${env.DATA_DIR}` : 'PostgreSQL server'} (PostgreSQL ${handle.serverVersion}), migrated in ${Math.round(performance.now() - t0)} ms`);
  const ref = await syncReferenceData(handle.db);
  if (ref.changed) {
    log(`reference data: ${ref.regions} regions, ${ref.industries} industries loaded`);
  }
  // Statutory holidays and 调休 workdays of the years not yet in the working-day calendar (operators' edits stay).
  const holidays = await syncHolidayCalendar(handle.db);
  if (holidays > 0) {
    log(`working-day calendar: ${holidays} holiday/workday exceptions loaded`);
  }
  // Registration points and the dated recognition/tax parameters (administrators' edits stay).
  const regDefaults = await syncRegistrationDefaults(handle.db);
  if (regDefaults > 0) {
    log(`contract registration: ${regDefaults} points and dated parameters loaded`);
  }
  const services = createServices(handle, systemClock, {
    version: appVersion(),
    auth: {
      sessionTtlHours: env.SESSION_TTL_HOURS,
      maxFailures: env.LOGIN_MAX_FAILURES,
      lockoutMinutes: env.LOGIN_LOCKOUT_MINUTES,
      secret: env.SESSION_SECRET ?? DEV_SESSION_SECRET,
    },
    ...(env.SEARCH_ENGINE ? { searchEngine: env.SEARCH_ENGINE } : {}),
    tenderMinLeadMinutes: env.TENDER_MIN_LEAD_MINUTES,
    notices: { defaultWorkingDays: env.NOTICE_WORKING_DAYS, minWorkingDays: env.NOTICE_MIN_WORKING_DAYS },
    ...(env.EMBEDDINGS_URL && env.EMBEDDINGS_MODEL ? { embeddings: { url: env.EMBEDDINGS_URL, model: env.EMBEDDINGS_MODEL, ...(env.EMBEDDINGS_API_KEY ? { apiKey: env.EMBEDDINGS_API_KEY } : {}) } } : {}),
    // Background work (matching notifications, mail log transport) reports one line per event, never secrets.
    log: (obj, msg) => log(`${msg}${obj.err instanceof Error ? `: ${obj.err.message}` : obj.mail ? ` ${JSON.stringify(obj.mail)}` : ''}`),
  });
  return { handle, services, env };
}

/** Refuses to serve production with a missing secret or published demo credentials. */
export async function assertProductionReady(rt: Runtime): Promise<void> {
  if (rt.env.NODE_ENV !== 'production') {
    return;
  }
  if (!rt.env.SESSION_SECRET) {
    throw new Error('NODE_ENV=production needs SESSION_SECRET (at least 32 characters).');
  }
  const demo = await rt.services.auth.countDemoUsers();
  if (demo > 0) {
    throw new Error(`NODE_ENV=production refuses to start: ${demo} demo account(s) with published passwords exist. Remove them first (see README).`);
  }
}

export type StartedServer = { app: FastifyInstance; url: string; close(): Promise<void> };

/** `transfernet serve`: migrate, seed demo data on first start (not in production), listen. */
export async function startServer(env: Env, log: (msg: string) => void): Promise<StartedServer> {
  const rt = await openRuntime(env, log);
  try {
    await assertProductionReady(rt);
    const seedDemoData = env.SEED_DEMO ?? env.NODE_ENV !== 'production';
    if (seedDemoData && (await rt.services.auth.countUsers()) === 0) {
      const r = await seedDemo(rt.handle, rt.services);
      const c = r.catalogue;
      log(`demo data: ${r.organisations + c.organisations} organisations, ${r.users + c.users} accounts (password in README), ${c.achievements} achievements, ${c.demands} demands`);
    }
    const root = webRoot();
    if (!root) {
      log('web client not built (dist/web missing): serving the API only; run `npm run build`');
    }
    const app = await buildApp({
      handle: rt.handle,
      services: rt.services,
      logLevel: env.LOG_LEVEL,
      bodyLimit: env.BODY_LIMIT_BYTES,
      rateLimit: env.RATE_LIMIT,
      secureCookies: env.NODE_ENV === 'production',
      sessionTtlHours: env.SESSION_TTL_HOURS,
      webRoot: root,
    });
    await app.listen({ port: env.PORT, host: env.HOST });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : env.PORT;
    const url = `http://localhost:${port}`;
    const sweep = setInterval(() => void rt.services.auth.purgeExpiredSessions().catch(() => undefined), 3_600_000);
    sweep.unref();
    // New-match notifications (outbox claimer) and semantic-model retraining when the corpus grows.
    const stopMatching = rt.services.matching.startBackground();
    // Heartbeat of running imports; imports an earlier or another process left running are failed.
    const stopImports = rt.services.imports.startBackground((obj, msg) => app.log.warn(obj, msg));
    // Auction closes, notice expiries, listing expiries: claimed from the database, exactly once.
    const stopScheduler = rt.services.scheduler.start(env.SCHEDULER_INTERVAL_MS);
    return {
      app,
      url,
      async close() {
        clearInterval(sweep);
        stopMatching();
        stopImports();
        await stopScheduler();
        await app.close();
        await rt.handle.close();
      },
    };
  } catch (err) {
    await rt.handle.close();
    throw err;
  }
}
