import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { output, ZodObject, ZodType } from 'zod';
import { parseSearchParams, toSearchParams } from './search-params';

/**
 * List filters kept in the URL (shareable, survive reload, work with Back). Changing any filter
 * other than the page or page size returns to page 1.
 */
export function useUrlFilters<S extends ZodObject<Record<string, ZodType>>>(schema: S) {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => parseSearchParams(schema, params), [schema, params]);

  const update = useCallback(
    (patch: Partial<Record<keyof output<S> & string, unknown>>) => {
      const next: Record<string, unknown> = { ...filters, ...patch };
      const touchesPaging = Object.keys(patch).every((k) => k === 'page' || k === 'pageSize');
      if (!touchesPaging) {
        next['page'] = 1;
      }
      setParams(toSearchParams(next), { replace: false });
    },
    [filters, setParams],
  );

  const reset = useCallback(() => setParams(new URLSearchParams()), [setParams]);

  return { filters, update, reset };
}
