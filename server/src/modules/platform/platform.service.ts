import type { ClientConfig, Health, PlatformFigures } from '#shared/contracts/platform.contract';
import type { DbHandle } from '#server/db/types';
import type { Clock } from '#server/lib/clock';
import type { PlatformRepo } from './platform.repo';

type Deps = { handle: DbHandle; repo: PlatformRepo; clock: Clock; version: string; startedAt: number; isDemo: () => Promise<boolean> };

export function createPlatformService({ handle, repo, clock, version, startedAt, isDemo }: Deps) {
  return {
    /** Liveness and database facts; `degraded` when the database does not answer. */
    async health(): Promise<Health> {
      let latencyMs: number;
      try {
        latencyMs = Math.round((await handle.ping()) * 100) / 100;
      } catch {
        latencyMs = -1;
      }
      return {
        status: latencyMs >= 0 ? 'ok' : 'degraded',
        version,
        database: { mode: handle.mode, serverVersion: handle.serverVersion, extensions: handle.capabilities, latencyMs },
        uptimeSeconds: Math.round((Date.now() - startedAt) / 1000),
      };
    },

    /** Live home-page figures, every one counted from the database. */
    async figures(): Promise<PlatformFigures> {
      const f = await repo.figures();
      return { ...f, provincesCovered: f.organisationsByProvince.length, generatedAt: clock.now().toISOString() };
    },

    async clientConfig(): Promise<ClientConfig> {
      return { version, databaseMode: handle.mode, demo: await isDemo() };
    },
  };
}
export type PlatformService = ReturnType<typeof createPlatformService>;
