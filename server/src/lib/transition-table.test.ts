import { describe, expect, it } from 'vitest';
import { nextByTable, type TransitionRow } from './transition-table';

const TABLE: readonly TransitionRow<'a' | 'b', 'go' | 'stop', 'x' | 'y'>[] = [{ from: 'a', action: 'go', to: 'b', by: ['x'] }];

describe('nextByTable', () => {
  it('moves along a row for a role it names', () => {
    expect(nextByTable(TABLE, 'a', 'go', ['y', 'x'])).toEqual({ ok: true, to: 'b' });
  });
  it('refuses a role the row does not name, and an action with no row', () => {
    expect(nextByTable(TABLE, 'a', 'go', ['y'])).toEqual({ ok: false, reason: 'not_allowed' });
    expect(nextByTable(TABLE, 'b', 'go', ['x'])).toEqual({ ok: false, reason: 'invalid_transition' });
    expect(nextByTable(TABLE, 'a', 'stop', ['x'])).toEqual({ ok: false, reason: 'invalid_transition' });
  });
});
