import type { CodeListItem } from '#shared/contracts/regions.contract';
import type { Lang } from '#shared/i18n/error-messages';

export type CodeTreeNode = { item: CodeListItem; children: CodeTreeNode[] };

/** A code list ready for pickers: the tree, a code → item map, and each item's parent link. */
export type CodeIndex = {
  roots: CodeTreeNode[];
  byCode: Map<string, CodeListItem>;
  parentOf: Map<string, string | null>;
};

/**
 * GB/T 2260 fallback when an item's parent is missing from the list (some municipalities have no
 * 市辖区 level in the data): hang a county on its city, else its province.
 */
export function regionAncestorCandidates(code: string): string[] {
  if (!/^\d{6}$/.test(code) || code.endsWith('0000')) {
    return [];
  }
  const province = `${code.slice(0, 2)}0000`;
  return code.endsWith('00') ? [province] : [`${code.slice(0, 4)}00`, province];
}

/**
 * Builds the tree of a flat code list from `parentCode`. Items whose parent is absent become
 * roots, unless `ancestorCandidates` names an ancestor that is present. Order within each level
 * follows the input order.
 */
export function buildCodeIndex(items: readonly CodeListItem[], ancestorCandidates: (code: string) => string[] = () => []): CodeIndex {
  const byCode = new Map<string, CodeListItem>();
  for (const item of items) {
    byCode.set(item.code, item);
  }
  const nodes = new Map<string, CodeTreeNode>();
  for (const item of byCode.values()) {
    nodes.set(item.code, { item, children: [] });
  }
  const parentOf = new Map<string, string | null>();
  const roots: CodeTreeNode[] = [];
  for (const node of nodes.values()) {
    const { code, parentCode } = node.item;
    let parent: string | null;
    if (parentCode && parentCode !== code && nodes.has(parentCode)) {
      parent = parentCode;
    } else {
      parent = ancestorCandidates(code).find((c) => c !== code && nodes.has(c)) ?? null;
    }
    // A cycle in bad data must not hide items: treat a node whose ancestry loops as a root.
    if (parent && createsCycle(code, parent, parentOf)) {
      parent = null;
    }
    parentOf.set(code, parent);
    if (parent) {
      nodes.get(parent)?.children.push(node);
    } else {
      roots.push(node);
    }
  }
  return { roots, byCode, parentOf };
}

function createsCycle(code: string, parent: string, parentOf: Map<string, string | null>): boolean {
  let cursor: string | null | undefined = parent;
  const seen = new Set<string>();
  while (cursor) {
    if (cursor === code || seen.has(cursor)) {
      return true;
    }
    seen.add(cursor);
    cursor = parentOf.get(cursor);
  }
  return false;
}

/** Codes from the root down to `code` (inclusive); [] when the code is unknown. */
export function pathToCode(index: CodeIndex, code: string | null | undefined): string[] {
  if (!code || !index.byCode.has(code)) {
    return [];
  }
  const path: string[] = [];
  let cursor: string | null | undefined = code;
  while (cursor && path.length < 10) {
    path.unshift(cursor);
    cursor = index.parentOf.get(cursor);
  }
  return path;
}

/** The item's name in `lang`, falling back to the Chinese name. */
export function itemLabel(item: Pick<CodeListItem, 'name' | 'nameEn'>, lang: Lang): string {
  return lang === 'en' && item.nameEn ? item.nameEn : item.name;
}

/** '广东省 / 深圳市 / 南山区' for a code; the bare code when it is not in the list. */
export function fullName(index: CodeIndex | undefined, code: string | null | undefined, lang: Lang, separator = ' / '): string {
  if (!code) {
    return '';
  }
  if (!index) {
    return code;
  }
  const path = pathToCode(index, code);
  if (path.length === 0) {
    return code;
  }
  return path
    .map((c) => index.byCode.get(c))
    .filter((item): item is CodeListItem => item !== undefined)
    .map((item) => itemLabel(item, lang))
    .join(separator);
}

/**
 * True when the code starts with `needle` ('4403' finds 深圳市 and its districts, not every code
 * containing 4403) or either name contains it; case-insensitive.
 */
export function matchesItem(item: Pick<CodeListItem, 'code' | 'name' | 'nameEn'>, needle: string): boolean {
  const q = needle.trim().toLowerCase();
  if (!q) {
    return true;
  }
  return item.code.toLowerCase().startsWith(q) || item.name.toLowerCase().includes(q) || (item.nameEn?.toLowerCase().includes(q) ?? false);
}
