import { describe, expect, it } from 'vitest';
import { anonymous, makeActor } from '#server/test-factories';
import { canAdministerRegion } from './actor';
import { canAdministerUsers, canGrantRole, canManageUser, userAdminScopes } from './auth.policy';

const platformAdmin = makeActor([{ role: 'platform_admin' }]);
const gdAdmin = makeActor([{ role: 'regional_admin', regionCode: '440000' }]);
const szAdmin = makeActor([{ role: 'regional_admin', regionCode: '440300' }]);
const researcher = makeActor([{ role: 'researcher' }]);

describe('canAdministerRegion', () => {
  it('lets a province administrator into its cities and counties only', () => {
    expect(canAdministerRegion(gdAdmin, '440305')).toBe(true);
    expect(canAdministerRegion(gdAdmin, '110108')).toBe(false);
    expect(canAdministerRegion(szAdmin, '440305')).toBe(true);
    expect(canAdministerRegion(szAdmin, '440106')).toBe(false);
    expect(canAdministerRegion(platformAdmin, '650000')).toBe(true);
    expect(canAdministerRegion(researcher, '440305')).toBe(false);
    expect(canAdministerRegion(anonymous, '440305')).toBe(false);
  });
});

describe('user administration scope', () => {
  it('is everywhere for platform admins and the region for regional admins', () => {
    expect(userAdminScopes(platformAdmin)).toBeNull();
    expect(userAdminScopes(gdAdmin)).toEqual(['440000']);
    expect(canAdministerUsers(researcher)).toBe(false);
    expect(canManageUser(gdAdmin, '440106')).toBe(true);
    expect(canManageUser(gdAdmin, '110108')).toBe(false);
    expect(canManageUser(gdAdmin, null)).toBe(false);
  });
});

describe('canGrantRole', () => {
  it('allows platform admins everything', () => {
    expect(canGrantRole(platformAdmin, { role: 'platform_admin' }, null)).toBe(true);
  });
  it('never lets a regional admin make platform admins', () => {
    expect(canGrantRole(gdAdmin, { role: 'platform_admin' }, null)).toBe(false);
  });
  it('lets a province appoint registrars inside it, not outside', () => {
    expect(canGrantRole(gdAdmin, { role: 'registrar', regionCode: '440000' }, null)).toBe(true);
    expect(canGrantRole(gdAdmin, { role: 'registrar', regionCode: '440305' }, null)).toBe(true);
    expect(canGrantRole(gdAdmin, { role: 'registrar', regionCode: '450000' }, null)).toBe(false);
  });
  it('lets a province appoint city administrators but not a peer', () => {
    expect(canGrantRole(gdAdmin, { role: 'regional_admin', regionCode: '440300' }, null)).toBe(true);
    expect(canGrantRole(gdAdmin, { role: 'regional_admin', regionCode: '440000' }, null)).toBe(false);
    expect(canGrantRole(szAdmin, { role: 'regional_admin', regionCode: '440000' }, null)).toBe(false);
  });
  it('requires a region for regional roles', () => {
    expect(canGrantRole(gdAdmin, { role: 'registrar' }, null)).toBe(false);
  });
  it('scopes organisation roles by the organisation region', () => {
    expect(canGrantRole(gdAdmin, { role: 'tto_officer', organisationId: 'x' }, '440106')).toBe(true);
    expect(canGrantRole(gdAdmin, { role: 'tto_officer', organisationId: 'x' }, '110108')).toBe(false);
    expect(canGrantRole(researcher, { role: 'investor' }, null)).toBe(false);
  });
});
