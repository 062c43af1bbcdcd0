import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '#server/db/types';
import { systemClock } from '#server/lib/clock';
import { systemActor } from '#server/modules/auth/index';
import { createTestDb } from '../../../test/helpers/test-db';
import { createAuditRepo, createAuditService } from './index';

let handle: DbHandle;
beforeAll(async () => {
  handle = await createTestDb();
});
afterAll(() => handle.close());

describe('audit recordMany (bulk writes)', () => {
  it('appends events in order under one head lock; the chain stays verifiable, interleaved with single records', async () => {
    const audit = createAuditService({ db: handle.db, repo: createAuditRepo(), clock: systemClock });
    const actor = systemActor('test:bulk');
    const before = await audit.count();
    await handle.db.transaction(async (tx) => {
      await audit.record(tx, { actor, action: 'test.one', entityType: 'test', entityId: 'a' });
      await audit.recordMany(
        tx,
        [1, 2, 3].map((i) => ({ actor, action: 'test.bulk', entityType: 'test', entityId: `b${i}`, after: { i } })),
      );
      await audit.recordMany(tx, []);
      await audit.record(tx, { actor, action: 'test.one', entityType: 'test', entityId: 'c' });
    });
    expect((await audit.count()) - before).toBe(5);
    const result = await audit.verify(actor);
    expect(result).toMatchObject({ ok: true, firstBroken: null });
    const page = await audit.list(actor, { page: 1, pageSize: 5 });
    expect(page.items.map((e) => e.entityId)).toEqual(['c', 'b3', 'b2', 'b1', 'a']);
  });
});
