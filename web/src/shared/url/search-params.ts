import type { output, ZodObject, ZodType } from 'zod';

/**
 * Reads URL search parameters with a contract query schema, one field at a time: a bad value
 * (hand-edited URL, old bookmark) drops only that field instead of the whole filter. Fields with
 * schema defaults (page, pageSize) always come back filled.
 */
export function parseSearchParams<S extends ZodObject<Record<string, ZodType>>>(schema: S, params: URLSearchParams): Partial<output<S>> {
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(schema.shape)) {
    const raw = params.get(key);
    const result = field.safeParse(raw === null || raw === '' ? undefined : raw);
    if (result.success && result.data !== undefined) {
      out[key] = result.data;
    }
  }
  return out as Partial<output<S>>;
}

/** Filter values back to search parameters; empty values and page 1 are left out for short URLs. */
export function toSearchParams(values: Record<string, unknown>): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) {
    if (value === '' || value === false || (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean')) {
      continue;
    }
    if (key === 'page' && Number(value) === 1) {
      continue;
    }
    params.set(key, String(value));
  }
  return params;
}
