import { Select, TreeSelect } from 'antd';
import { useMemo } from 'react';
import { useCodeIndex } from '../../../shared/code-lists/code-lists.api';
import { itemLabel, matchesItem } from '../../../shared/code-lists/code-tree';
import { useLang } from '../../../shared/i18n/useLang';
import { toIndustryNodes, type IndustryNode } from '../../../shared/ui/IndustryTreeSelect';

type PickerProps<V> = {
  value?: V;
  onChange?: (v: V) => void;
  id?: string;
  'data-testid'?: string;
  placeholder?: string;
  multiple?: boolean;
};

/** One or several of the 11 technology domains (TD01–TD11). */
export function DomainSelect({
  value,
  onChange,
  id,
  'data-testid': testId,
  placeholder,
  multiple,
}: PickerProps<string | string[] | null | undefined>) {
  const lang = useLang();
  const { data, isPending } = useCodeIndex('technology-domains');
  const options = useMemo(
    () => (data ? [...data.byCode.values()].map((item) => ({ value: item.code, label: itemLabel(item, lang) })) : []),
    [data, lang],
  );
  return (
    <Select
      id={id}
      data-testid={testId}
      mode={multiple ? 'multiple' : undefined}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? null)}
      options={options}
      allowClear
      loading={isPending}
      placeholder={placeholder}
      showSearch={{ optionFilterProp: 'label' }}
      style={{ width: '100%' }}
    />
  );
}

/** Several GB/T 4754 industries. */
export function IndustryMultiSelect({ value, onChange, id, 'data-testid': testId, placeholder }: PickerProps<string[] | undefined>) {
  const lang = useLang();
  const { data, isPending } = useCodeIndex('industries');
  const treeData = useMemo(() => (data ? toIndustryNodes(data.roots, lang) : []), [data, lang]);
  return (
    <TreeSelect<string[], IndustryNode>
      id={id}
      data-testid={testId}
      multiple
      treeData={treeData}
      value={value ?? []}
      onChange={(v) => onChange?.(v)}
      loading={isPending}
      placeholder={placeholder}
      allowClear
      maxCount={10}
      showSearch={{
        filterTreeNode: (input, node) =>
          matchesItem(
            { code: String(node['code'] ?? ''), name: String(node['name'] ?? ''), nameEn: node['nameEn'] as string | undefined },
            input,
          ),
      }}
      treeNodeLabelProp="title"
      virtual
      listHeight={320}
      popupMatchSelectWidth={false}
      style={{ width: '100%' }}
    />
  );
}

/** TRL 1–9 with the code list's short description. */
export function TrlSelect({ value, onChange, id, 'data-testid': testId, placeholder }: PickerProps<number | null | undefined>) {
  const lang = useLang();
  const { data, isPending } = useCodeIndex('trl');
  const options = useMemo(
    () =>
      Array.from({ length: 9 }, (_, i) => {
        const item = data?.byCode.get(String(i + 1));
        return { value: i + 1, label: item ? `TRL ${i + 1} · ${itemLabel(item, lang)}` : `TRL ${i + 1}` };
      }),
    [data, lang],
  );
  return (
    <Select<number>
      id={id}
      data-testid={testId}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? null)}
      options={options}
      allowClear
      loading={isPending}
      placeholder={placeholder}
      popupMatchSelectWidth={false}
      style={{ width: '100%' }}
    />
  );
}
