import type { Actor } from '#server/modules/auth/index';

type ProfileLike = { userId: string; isPublic: boolean; userStatus: 'active' | 'disabled' };

/** Public profiles of active users are open to everyone; a hidden profile only to its owner. */
export function canViewExpert(actor: Actor, p: ProfileLike): boolean {
  return (p.isPublic && p.userStatus === 'active') || (actor.kind === 'user' && actor.userId === p.userId);
}
