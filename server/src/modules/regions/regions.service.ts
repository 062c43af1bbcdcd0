import {
  CODE_LIST_NAMES,
  type CodeList,
  type CodeListItem,
  type CodeListName,
  type CodeListQuery,
  type Region,
} from '#shared/contracts/regions.contract';
import type { Db } from '#server/db/types';
import { AppError } from '#server/lib/app-error';
import { CODE_LIST_META, isStaticCodeList, STATIC_CODE_LISTS } from './code-lists';
import { industryToCodeListItem, regionLevelAtDepth, regionToCodeListItem, toRegionDto } from './regions.mapper';
import type { RegionsRepo } from './regions.repo';

type Deps = { db: Db; repo: RegionsRepo };

/** One entry of `GET /code-lists`. */
export type CodeListSummary = { name: CodeListName; title: string; titleEn: string; total: number };

function isCodeListName(name: string): name is CodeListName {
  return (CODE_LIST_NAMES as readonly string[]).includes(name);
}

/**
 * The code-list filters applied in memory (the database lists apply the same rules in SQL):
 * `q` matches a substring of the name or English name, or a prefix of the code, ignoring case;
 * `parent` keeps the direct children of that code; `level` keeps one depth of the tree.
 */
export function filterCodeListItems(items: readonly CodeListItem[], query: CodeListQuery): CodeListItem[] {
  const q = query.q?.toLowerCase();
  return items.filter(
    (it) =>
      (!q ||
        it.name.toLowerCase().includes(q) ||
        (it.nameEn?.toLowerCase().includes(q) ?? false) ||
        it.code.toLowerCase().startsWith(q)) &&
      (query.parent === undefined || query.parent === '' || it.parentCode === query.parent) &&
      (query.level === undefined || it.level === query.level),
  );
}

export function createRegionsService({ repo }: Deps) {
  async function dbItems(name: 'regions' | 'industries', query: CodeListQuery): Promise<CodeListItem[]> {
    const q = query.q || undefined;
    const parent = query.parent || undefined;
    if (name === 'industries') {
      return (await repo.listIndustries({ q, parent, level: query.level })).map(industryToCodeListItem);
    }
    const level = query.level === undefined ? undefined : regionLevelAtDepth(query.level);
    if (query.level !== undefined && !level) {
      return []; // no region sits deeper than county
    }
    return (await repo.listRegions({ q, parent, level })).map(regionToCodeListItem);
  }

  return {
    /** Names, titles and sizes of every code list the platform serves. */
    async listCodeLists(): Promise<{ items: CodeListSummary[] }> {
      const counts = await repo.counts();
      return {
        items: CODE_LIST_NAMES.map((name) => ({
          name,
          title: CODE_LIST_META[name].title,
          titleEn: CODE_LIST_META[name].titleEn,
          total: isStaticCodeList(name) ? STATIC_CODE_LISTS[name].length : counts[name],
        })),
      };
    },

    /** One code list, filtered; throws code_list/not_found for an unknown name. */
    async getCodeList(name: string, query: CodeListQuery = {}): Promise<CodeList> {
      if (!isCodeListName(name)) {
        throw new AppError('code_list/not_found', `no code list named ${name}`, undefined, { name });
      }
      const items = isStaticCodeList(name) ? filterCodeListItems(STATIC_CODE_LISTS[name], query) : await dbItems(name, query);
      return { name, ...CODE_LIST_META[name], items, total: items.length };
    },

    /** One administrative division; throws region/not_found. */
    async getRegion(code: string): Promise<Region> {
      const row = await repo.findRegion(code);
      if (!row) {
        throw new AppError('region/not_found', `unknown region ${code}`, undefined, { code });
      }
      return toRegionDto(row);
    },

    /** True when `code` is a known GB/T 2260 division. */
    async regionExists(code: string): Promise<boolean> {
      return (await repo.findRegion(code)) !== undefined;
    },

    /** The name of a region, or undefined when the code is unknown. */
    async regionName(code: string): Promise<string | undefined> {
      return (await repo.findRegion(code))?.name;
    },

    /** Names of many regions in one query; unknown codes are absent from the map. */
    async regionNames(codes: readonly string[]): Promise<Map<string, string>> {
      const rows = await repo.regionNames([...new Set(codes)]);
      return new Map(rows.map((r) => [r.code, r.name]));
    },

    /** The 34 provincial-level divisions in code order. */
    async listProvinces(): Promise<Region[]> {
      return (await repo.listProvinces()).map(toRegionDto);
    },
  };
}

export type RegionsService = ReturnType<typeof createRegionsService>;
