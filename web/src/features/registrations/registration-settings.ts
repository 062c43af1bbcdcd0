import type { Parameter, ParameterKey } from '#shared/contracts/registrations.contract';
import { PARAMETER_KEYS } from '#shared/contracts/registrations.contract';

export type ParameterVersion = Parameter & {
  /** The version in force on `today`: the latest whose effectiveFrom is not after it. */
  inForce: boolean;
  /** Takes effect after `today`. */
  future: boolean;
};
export type ParameterGroup = { key: ParameterKey; versions: ParameterVersion[] };

/**
 * Dated parameters grouped by key (in the contract's key order), newest version first, each marked
 * as in force, future or past on `today` (YYYY-MM-DD, China date). Keys without versions are kept,
 * so an administrator can add the first one.
 */
export function groupParameters(params: readonly Parameter[], today: string): ParameterGroup[] {
  return PARAMETER_KEYS.map((key) => {
    const sorted = params
      .filter((p) => p.key === key)
      .sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? 1 : a.effectiveFrom > b.effectiveFrom ? -1 : 0));
    const current = sorted.find((p) => p.effectiveFrom.slice(0, 10) <= today);
    return {
      key,
      versions: sorted.map((p) => ({ ...p, inForce: p === current, future: p.effectiveFrom.slice(0, 10) > today })),
    };
  });
}

export type ParsedValue = { ok: true; value: Record<string, unknown> } | { ok: false; reason: 'syntax' | 'not_object'; detail?: string };

/** The JSON typed in the parameter editor: it must be an object (the contract's `value` is a record). */
export function parseParameterValue(text: string): ParsedValue {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return { ok: false, reason: 'syntax', detail: error instanceof Error ? error.message : String(error) };
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    return { ok: false, reason: 'not_object' };
  }
  return { ok: true, value: parsed as Record<string, unknown> };
}
