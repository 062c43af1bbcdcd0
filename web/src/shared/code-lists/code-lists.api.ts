import type { CodeList, CodeListName } from '#shared/contracts/regions.contract';
import { useQuery } from '@tanstack/react-query';
import { http } from '../api/http';
import { buildCodeIndex, regionAncestorCandidates, type CodeIndex } from './code-tree';

export type CodeListSummary = { name: string; title: string; titleEn: string; total: number };

export const codeListKeys = {
  all: ['code-lists'] as const,
  index: () => ['code-lists', 'index'] as const,
  list: (name: string) => ['code-lists', 'list', name] as const,
};

export function fetchCodeListIndex(signal?: AbortSignal): Promise<{ items: CodeListSummary[] }> {
  return http.get('/code-lists', { signal });
}

/** A whole code list (regions ≈ 3,200 items, industries ≈ 2,000); pickers build trees client-side. */
export function fetchCodeList(name: string, signal?: AbortSignal): Promise<CodeList> {
  return http.get(`/code-lists/${encodeURIComponent(name)}`, { signal });
}

// Reference data changes with a new standard edition, not during a session: fetch once.
const REFERENCE_DATA = { staleTime: Number.POSITIVE_INFINITY, gcTime: Number.POSITIVE_INFINITY } as const;

export function useCodeListIndex() {
  return useQuery({ queryKey: codeListKeys.index(), queryFn: ({ signal }) => fetchCodeListIndex(signal), ...REFERENCE_DATA });
}

export function useCodeList(name: string, enabled = true) {
  return useQuery({
    queryKey: codeListKeys.list(name),
    queryFn: ({ signal }) => fetchCodeList(name, signal),
    enabled,
    ...REFERENCE_DATA,
  });
}

// One index per fetched list object, however many pickers render it.
const indexCache = new WeakMap<CodeList, CodeIndex>();

function indexOf(list: CodeList): CodeIndex {
  let index = indexCache.get(list);
  if (!index) {
    index = buildCodeIndex(list.items, list.name === 'regions' ? regionAncestorCandidates : undefined);
    indexCache.set(list, index);
  }
  return index;
}

/** A code list as a tree and lookup map; `data` is undefined while loading. */
export function useCodeIndex(name: CodeListName) {
  const { data, isPending, isError, error, refetch } = useCodeList(name);
  return { data: data ? indexOf(data) : undefined, isPending, isError, error, refetch };
}

/** The regions tree (GB/T 2260). */
export function useRegionIndex() {
  return useCodeIndex('regions');
}
