import { eq } from 'drizzle-orm';
import type { DbHandle } from '#server/db/types';
import { roleAssignments, users } from '#server/modules/auth/auth.tables';
import { systemActor, type UserActor } from '#server/modules/auth/index';
import { memberships } from '#server/modules/organisations/organisations.tables';
import { DEMO_DOMAIN } from './demo-data';

/** A demo user (`local@DEMO_DOMAIN`) as an actor with their memberships and role assignments; undefined when missing. */
export async function demoActor(handle: DbHandle, local: string): Promise<UserActor | undefined> {
  const email = `${local}@${DEMO_DOMAIN}`;
  const [u] = await handle.db.select({ id: users.id, displayName: users.displayName }).from(users).where(eq(users.email, email));
  if (!u) {
    return undefined;
  }
  const [ms, roles] = await Promise.all([
    handle.db
      .select({ organisationId: memberships.organisationId, role: memberships.role })
      .from(memberships)
      .where(eq(memberships.userId, u.id)),
    handle.db
      .select({
        id: roleAssignments.id,
        role: roleAssignments.role,
        regionCode: roleAssignments.regionCode,
        organisationId: roleAssignments.organisationId,
      })
      .from(roleAssignments)
      .where(eq(roleAssignments.userId, u.id)),
  ]);
  return { ...systemActor(`seed:${local}`), userId: u.id, email, displayName: u.displayName, roles, memberships: ms, via: 'system' };
}
