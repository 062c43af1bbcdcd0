import { describe, expect, it } from 'vitest';
import { checkLink, digestOf, GENESIS_HASH, hashEvent, type ChainedEvent } from './audit.chain';

function chain(n: number) {
  const out: (ChainedEvent & { hash: string })[] = [];
  let prev = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq++) {
    const e: ChainedEvent = {
      seq,
      occurredAt: new Date(Date.UTC(2026, 10, 24, 8, 0, seq)),
      actorId: 'u1',
      actorLabel: 'a@b.cn (session)',
      action: 'organisation.updated',
      entityType: 'organisation',
      entityId: 'o1',
      beforeDigest: digestOf({ n: seq - 1 }),
      afterDigest: digestOf({ n: seq }),
      requestId: `r${seq}`,
      prevHash: prev,
    };
    const hash = hashEvent(e);
    out.push({ ...e, hash });
    prev = hash;
  }
  return out;
}

function verify(events: (ChainedEvent & { hash: string })[]) {
  let prev: { seq: number; hash: string } | null = null;
  for (const e of events) {
    const b = checkLink(prev, e);
    if (b) {
      return b;
    }
    prev = { seq: e.seq, hash: e.hash };
  }
  return null;
}

describe('audit hash chain', () => {
  it('accepts an intact chain', () => {
    expect(verify(chain(5))).toBeNull();
  });
  it('finds an edited field as hash_mismatch at that event', () => {
    const c = chain(5);
    c[2] = { ...c[2]!, actorLabel: 'intruder' };
    expect(verify(c)).toMatchObject({ seq: 3, reason: 'hash_mismatch' });
  });
  it('finds an edited field with a recomputed hash as prev_hash_mismatch at the next event', () => {
    const c = chain(5);
    const edited = { ...c[2]!, action: 'organisation.deleted' };
    c[2] = { ...edited, hash: hashEvent(edited) };
    expect(verify(c)).toMatchObject({ seq: 4, reason: 'prev_hash_mismatch' });
  });
  it('finds a deleted event as sequence_gap', () => {
    const c = chain(5);
    c.splice(1, 1);
    expect(verify(c)).toMatchObject({ seq: 3, reason: 'sequence_gap', expected: '2' });
  });
  it('digests equal states equally regardless of key order, and null as null', () => {
    expect(digestOf({ a: 1, b: [1, { c: 2, d: 3 }] })).toBe(digestOf({ b: [1, { d: 3, c: 2 }], a: 1 }));
    expect(digestOf(null)).toBeNull();
    expect(digestOf({ a: 1 })).not.toBe(digestOf({ a: 2 }));
  });
});
