import { canonicalJson, sha256Hex } from '#server/lib/crypto';

export const GENESIS_HASH = '0'.repeat(64);

/** The fields of an audit event that its hash covers (everything but the hash itself). */
export type ChainedEvent = {
  seq: number;
  occurredAt: Date;
  actorId: string | null;
  actorLabel: string | null;
  action: string;
  entityType: string;
  entityId: string;
  beforeDigest: string | null;
  afterDigest: string | null;
  requestId: string | null;
  prevHash: string;
};

/** hash = sha256(prevHash || canonical JSON of the event); any edit to a field changes it. */
export function hashEvent(e: ChainedEvent): string {
  // Name every covered field: a stored row carries more (its own hash) that must not be hashed.
  const body = canonicalJson({
    seq: e.seq,
    occurredAt: e.occurredAt.toISOString(),
    actorId: e.actorId,
    actorLabel: e.actorLabel,
    action: e.action,
    entityType: e.entityType,
    entityId: e.entityId,
    beforeDigest: e.beforeDigest,
    afterDigest: e.afterDigest,
    requestId: e.requestId,
    prevHash: e.prevHash,
  });
  return sha256Hex(`${e.prevHash}\n${body}`);
}

/** Digest of an entity state; null stays null (creation has no before, deletion no after). */
export function digestOf(value: unknown): string | null {
  return value === undefined || value === null ? null : sha256Hex(canonicalJson(value));
}

export type BrokenLink = {
  seq: number;
  reason: 'hash_mismatch' | 'prev_hash_mismatch' | 'sequence_gap';
  expected: string;
  actual: string;
};

/** Checks one stored event against the previous one; returns the break or null. */
export function checkLink(prev: { seq: number; hash: string } | null, e: ChainedEvent & { hash: string }): BrokenLink | null {
  const expectedSeq = prev ? prev.seq + 1 : 1;
  if (e.seq !== expectedSeq) {
    return { seq: e.seq, reason: 'sequence_gap', expected: String(expectedSeq), actual: String(e.seq) };
  }
  const expectedPrev = prev ? prev.hash : GENESIS_HASH;
  if (e.prevHash !== expectedPrev) {
    return { seq: e.seq, reason: 'prev_hash_mismatch', expected: expectedPrev, actual: e.prevHash };
  }
  const recomputed = hashEvent(e);
  if (recomputed !== e.hash) {
    return { seq: e.seq, reason: 'hash_mismatch', expected: recomputed, actual: e.hash };
  }
  return null;
}
