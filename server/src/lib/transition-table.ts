/**
 * Every state machine (achievement, demand, listing, offer, auction, tender, proposal, notice,
 * objection) is a table of rows: from a state, an action, by one of some roles, to a state. This is
 * the one lookup over such a table: pure, so each row is tested without a database.
 */
export type TransitionRow<S, A, R, T = S> = { from: S; action: A; to: T; by: readonly R[] };

export type TransitionResult<T> = { ok: true; to: T } | { ok: false; reason: 'invalid_transition' | 'not_allowed' };

/** The next state for `action` from `from` by someone holding `roles`, or why not. */
export function nextByTable<S, A, R, T>(table: readonly TransitionRow<S, A, R, T>[], from: S, action: A, roles: readonly R[]): TransitionResult<T> {
  const row = table.find((r) => r.from === from && r.action === action);
  if (!row) {
    return { ok: false, reason: 'invalid_transition' };
  }
  return row.by.some((r) => roles.includes(r)) ? { ok: true, to: row.to } : { ok: false, reason: 'not_allowed' };
}
