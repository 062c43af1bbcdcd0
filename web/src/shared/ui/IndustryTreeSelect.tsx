import { TreeSelect } from 'antd';
import { useMemo, type CSSProperties } from 'react';
import { useCodeIndex } from '../code-lists/code-lists.api';
import { itemLabel, matchesItem, type CodeTreeNode } from '../code-lists/code-tree';
import type { Lang } from '../i18n/lang-store';
import { useMessages } from '../i18n/messages';
import { useLang } from '../i18n/useLang';
import { uiMessages } from './messages';

export type IndustryNode = {
  value: string;
  title: string;
  code: string;
  name: string;
  nameEn?: string;
  children?: IndustryNode[];
};

/** TreeSelect data for GB/T 4754 industries: '门类 → 大类 → 中类 → 小类', titled '代码 名称'. */
export function toIndustryNodes(nodes: readonly CodeTreeNode[], lang: Lang): IndustryNode[] {
  return nodes.map(({ item, children }) => {
    const node: IndustryNode = {
      value: item.code,
      code: item.code,
      name: item.name,
      title: `${item.code} ${itemLabel(item, lang)}`,
    };
    if (item.nameEn) {
      node.nameEn = item.nameEn;
    }
    if (children.length > 0) {
      node.children = toIndustryNodes(children, lang);
    }
    return node;
  });
}

export type IndustryTreeSelectProps = {
  value?: string | null;
  onChange?: (code: string | undefined) => void;
  id?: string;
  disabled?: boolean;
  style?: CSSProperties;
  'aria-label'?: string;
  'data-testid'?: string;
};

/** Picks a national-economy industry (GB/T 4754-2017); search by code prefix ('39') or name ('电子'). */
export function IndustryTreeSelect({
  value,
  onChange,
  id,
  disabled,
  style,
  'aria-label': ariaLabel,
  'data-testid': testId,
}: IndustryTreeSelectProps) {
  const lang = useLang();
  const t = useMessages(uiMessages);
  const { data: index, isPending, isError } = useCodeIndex('industries');
  const treeData = useMemo(() => (index ? toIndustryNodes(index.roots, lang) : []), [index, lang]);

  return (
    <TreeSelect<string | undefined, IndustryNode>
      id={id}
      data-testid={testId}
      aria-label={ariaLabel ?? t.industryLabel}
      style={{ width: '100%', ...style }}
      treeData={treeData}
      value={value ?? undefined}
      onChange={(code) => onChange?.(code ?? undefined)}
      allowClear
      disabled={disabled}
      loading={isPending}
      status={isError ? 'error' : undefined}
      placeholder={isError ? t.industryLoadFailed : t.industryHint}
      showSearch={{
        filterTreeNode: (input, node) =>
          matchesItem(
            { code: String(node['code'] ?? ''), name: String(node['name'] ?? ''), nameEn: node['nameEn'] as string | undefined },
            input,
          ),
      }}
      treeNodeLabelProp="title"
      virtual
      listHeight={360}
      popupMatchSelectWidth={false}
      notFoundContent={t.noData}
    />
  );
}
