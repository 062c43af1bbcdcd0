import { describe, expect, it } from 'vitest';
import { anonymous, makeActor } from '#server/test-factories';
import { canViewExpert } from './experts.policy';

const me = makeActor();

describe('canViewExpert', () => {
  it('shows public profiles of active users to everyone', () => {
    expect(canViewExpert(anonymous, { userId: 'x', isPublic: true, userStatus: 'active' })).toBe(true);
  });
  it('shows hidden profiles and those of disabled users to their owner only', () => {
    expect(canViewExpert(anonymous, { userId: me.userId, isPublic: false, userStatus: 'active' })).toBe(false);
    expect(canViewExpert(makeActor([{ role: 'platform_admin' }]), { userId: 'x', isPublic: false, userStatus: 'active' })).toBe(false);
    expect(canViewExpert(me, { userId: me.userId, isPublic: false, userStatus: 'active' })).toBe(true);
    expect(canViewExpert(anonymous, { userId: 'x', isPublic: true, userStatus: 'disabled' })).toBe(false);
  });
});
