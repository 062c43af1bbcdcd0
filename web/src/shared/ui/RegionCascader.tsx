import type { RegionLevel } from '#shared/contracts/regions.contract';
import { Cascader } from 'antd';
import { useMemo, type CSSProperties } from 'react';
import { useRegionIndex } from '../code-lists/code-lists.api';
import { itemLabel, matchesItem, pathToCode, type CodeTreeNode } from '../code-lists/code-tree';
import type { Lang } from '../i18n/lang-store';
import { useMessages } from '../i18n/messages';
import { useLang } from '../i18n/useLang';
import { uiMessages } from './messages';

export type RegionOption = { value: string; label: string; code: string; nameEn?: string; children?: RegionOption[] };

const DEPTH: Record<RegionLevel, number> = { province: 1, city: 2, county: 3 };

/** Cascader options from the region tree, cut at `maxDepth` levels. */
export function toRegionOptions(nodes: readonly CodeTreeNode[], lang: Lang, maxDepth = 3, depth = 1): RegionOption[] {
  return nodes.map(({ item, children }) => {
    const option: RegionOption = { value: item.code, code: item.code, label: itemLabel(item, lang) };
    if (item.nameEn) {
      option.nameEn = item.nameEn;
    }
    if (children.length > 0 && depth < maxDepth) {
      option.children = toRegionOptions(children, lang, maxDepth, depth + 1);
    }
    return option;
  });
}

export type RegionCascaderProps = {
  /** A 6-digit GB/T 2260 code (province, city or county). */
  value?: string | null;
  onChange?: (code: string | undefined) => void;
  /** Deepest level that can be chosen; any level above it can be chosen too. */
  maxLevel?: RegionLevel;
  id?: string;
  disabled?: boolean;
  allowClear?: boolean;
  style?: CSSProperties;
  'aria-label'?: string;
  'data-testid'?: string;
};

/**
 * Picks an administrative region. Loads the whole GB/T 2260 list once (cached for the session),
 * builds the tree in the browser, and searches by name or code.
 */
export function RegionCascader({
  value,
  onChange,
  maxLevel = 'county',
  id,
  disabled,
  allowClear = true,
  style,
  'aria-label': ariaLabel,
  'data-testid': testId,
}: RegionCascaderProps) {
  const lang = useLang();
  const t = useMessages(uiMessages);
  const { data: index, isPending, isError } = useRegionIndex();
  const options = useMemo(() => (index ? toRegionOptions(index.roots, lang, DEPTH[maxLevel]) : []), [index, lang, maxLevel]);
  const path = index ? pathToCode(index, value) : [];

  return (
    <Cascader<RegionOption>
      id={id}
      data-testid={testId}
      aria-label={ariaLabel ?? t.regionLabel}
      style={{ width: '100%', ...style }}
      options={options}
      // Until the list arrives, show the bare code rather than an empty box.
      value={path.length > 0 ? path : value ? [value] : []}
      onChange={(codes) => onChange?.(Array.isArray(codes) ? codes.at(-1) : undefined)}
      changeOnSelect
      allowClear={allowClear}
      disabled={disabled}
      loading={isPending}
      status={isError ? 'error' : undefined}
      placeholder={isError ? t.regionLoadFailed : t.regionHint}
      expandTrigger="hover"
      showSearch={{
        filter: (input, optionPath) => optionPath.some((o) => matchesItem({ code: o.code, name: o.label, nameEn: o.nameEn }, input)),
        limit: 80,
      }}
      notFoundContent={t.noData}
    />
  );
}
