import type { DbHandle } from '#server/db/types';
import type { Clock } from '#server/lib/clock';
import { createAuditRepo, createAuditService } from '#server/modules/audit/index';
import { createAuthRepo, createAuthService, createUsersAdminService, type AuthConfig } from '#server/modules/auth/index';
import { createOrganisationsRepo, createOrganisationsService } from '#server/modules/organisations/index';
import { createPlatformRepo, createPlatformService } from '#server/modules/platform/index';
import { createRegionsRepo, createRegionsService } from '#server/modules/regions/index';

export type ServicesConfig = { auth: AuthConfig; version: string };

/** Composition root: every repo and service, wired once, shared by the HTTP app and the CLI. */
export function createServices(handle: DbHandle, clock: Clock, config: ServicesConfig) {
  const { db } = handle;
  const audit = createAuditService({ db, repo: createAuditRepo(), clock });
  const regions = createRegionsService({ db, repo: createRegionsRepo(db) });
  const regionExists = (code: string) => regions.regionExists(code);
  const auth = createAuthService({ db, repo: createAuthRepo(db), audit, clock, config: config.auth, regionExists });
  const organisations = createOrganisationsService({
    db,
    repo: createOrganisationsRepo(db),
    audit,
    regionExists,
    regionNames: (codes) => regions.regionNames(codes),
  });
  const usersAdmin = createUsersAdminService({
    db,
    repo: createAuthRepo(db),
    audit,
    regionExists,
    organisationRegion: (id) => organisations.regionOf(id),
  });
  const platform = createPlatformService({
    handle,
    repo: createPlatformRepo(db),
    clock,
    version: config.version,
    startedAt: Date.now(),
    isDemo: async () => (await auth.countDemoUsers()) > 0,
  });
  return { audit, regions, auth, organisations, usersAdmin, platform };
}
export type Services = ReturnType<typeof createServices>;
