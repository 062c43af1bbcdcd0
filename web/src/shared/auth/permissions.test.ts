import { describe, expect, it } from 'vitest';
import { makeUser } from '../../test/factories';
import {
  canAdministerRegion,
  canManageOrganisation,
  canSetOrganisationStatus,
  hasAnyRole,
  overviewRegionFor,
  regionsFor,
} from './permissions';

const platformAdmin = makeUser([{ role: 'platform_admin' }]);
const bjAdmin = makeUser([{ role: 'regional_admin', regionCode: '110000' }]);
const szAdmin = makeUser([{ role: 'regional_admin', regionCode: '440300' }]);
const registrar = makeUser([{ role: 'registrar', regionCode: '110000' }]);
const researcher = makeUser([{ role: 'researcher' }], 'researcher');

describe('role checks', () => {
  it('finds roles and their regions', () => {
    expect(hasAnyRole(bjAdmin, ['platform_admin', 'regional_admin'])).toBe(true);
    expect(hasAnyRole(registrar, ['platform_admin', 'regional_admin'])).toBe(false);
    expect(hasAnyRole(null, ['visitor'])).toBe(false);
    expect(regionsFor(bjAdmin, 'regional_admin')).toEqual(['110000']);
    expect(regionsFor(registrar, 'regional_admin')).toEqual([]);
  });

  it('lets a regional admin administer everything under their region and nothing else', () => {
    expect(canAdministerRegion(bjAdmin, '110108')).toBe(true);
    expect(canAdministerRegion(bjAdmin, '440000')).toBe(false);
    expect(canAdministerRegion(szAdmin, '440305')).toBe(true);
    expect(canAdministerRegion(szAdmin, '440000')).toBe(false);
    expect(canAdministerRegion(platformAdmin, '650000')).toBe(true);
    expect(canAdministerRegion(registrar, '110000')).toBe(false);
  });
});

describe('overviewRegionFor', () => {
  it('opens a regional admin’s own region, Beijing for platform admins, nothing for others', () => {
    expect(overviewRegionFor(szAdmin)).toBe('440300');
    expect(overviewRegionFor(platformAdmin)).toBe('110000');
    expect(overviewRegionFor(registrar)).toBeNull();
    expect(overviewRegionFor(null)).toBeNull();
  });
});

describe('canManageOrganisation', () => {
  const org = { regionCode: '110108' };

  it('allows owners and admins of the organisation', () => {
    expect(canManageOrganisation(researcher, org, [{ userId: 'researcher', role: 'owner' }])).toBe(true);
    expect(canManageOrganisation(researcher, org, [{ userId: 'researcher', role: 'admin' }])).toBe(true);
    expect(canManageOrganisation(researcher, org, [{ userId: 'researcher', role: 'member' }])).toBe(false);
    expect(canManageOrganisation(researcher, org, undefined)).toBe(false);
  });

  it('allows platform admins and admins whose region covers the organisation', () => {
    expect(canManageOrganisation(platformAdmin, org, [])).toBe(true);
    expect(canManageOrganisation(bjAdmin, org, [])).toBe(true);
    expect(canManageOrganisation(szAdmin, org, [])).toBe(false);
    expect(canManageOrganisation(null, org, [])).toBe(false);
  });

  it('limits status changes to covering admins', () => {
    expect(canSetOrganisationStatus(bjAdmin, org)).toBe(true);
    expect(canSetOrganisationStatus(szAdmin, org)).toBe(false);
    expect(canSetOrganisationStatus(researcher, org)).toBe(false);
  });
});
