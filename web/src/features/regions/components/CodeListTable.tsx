import type { CodeListItem } from '#shared/contracts/regions.contract';
import { SearchOutlined } from '@ant-design/icons';
import { Card, Descriptions, Empty, Input, Table, Typography } from 'antd';
import { useDeferredValue, useMemo, useState } from 'react';
import { useCodeList } from '../../../shared/code-lists/code-lists.api';
import { matchesItem } from '../../../shared/code-lists/code-tree';
import { useMessages } from '../../../shared/i18n/messages';
import { useLang } from '../../../shared/i18n/useLang';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert';
import { regionMessages } from '../messages';

/** All items of one code list, filtered in the browser (lists are cached whole). */
export function CodeListTable({ name }: { name: string }) {
  const lang = useLang();
  const t = useMessages(regionMessages).codeLists;
  const list = useCodeList(name);
  const [search, setSearch] = useState('');
  const needle = useDeferredValue(search);
  const items = useMemo(() => (list.data?.items ?? []).filter((item) => matchesItem(item, needle)), [list.data, needle]);

  if (list.isError) {
    return <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />;
  }
  const title = list.data ? (lang === 'en' ? list.data.titleEn : list.data.title) : name;
  return (
    <Card title={title} loading={list.isPending} data-testid="code-list-table">
      {list.data ? (
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2 }}
          style={{ marginBottom: 12 }}
          items={[
            { key: 'name', label: t.identifier, children: <Typography.Text code>{list.data.name}</Typography.Text> },
            { key: 'total', label: t.total, children: list.data.total },
            { key: 'source', label: t.source, span: 'filled', children: list.data.source },
            ...(list.data.licence ? [{ key: 'licence', label: t.licence, span: 'filled' as const, children: list.data.licence }] : []),
          ]}
        />
      ) : null}
      <Input
        allowClear
        prefix={<SearchOutlined aria-hidden />}
        placeholder={t.search}
        aria-label={t.search}
        value={search}
        onChange={(e) => setSearch(e.target.value)}
        style={{ maxWidth: 320, marginBottom: 12 }}
      />
      <Table<CodeListItem>
        rowKey="code"
        size="small"
        dataSource={items}
        scroll={{ x: 800 }}
        pagination={{ defaultPageSize: 20, showSizeChanger: true, showTotal: (n) => t.items(n) }}
        locale={{ emptyText: <Empty description={t.empty} /> }}
        columns={[
          { title: t.code, dataIndex: 'code', width: 120, render: (c: string) => <Typography.Text code>{c}</Typography.Text> },
          { title: t.name, dataIndex: 'name' },
          { title: t.nameEn, dataIndex: 'nameEn', render: (v: string | undefined) => v ?? '—' },
          { title: t.parent, dataIndex: 'parentCode', width: 110, render: (v: string | null) => v ?? '—' },
          { title: t.level, dataIndex: 'level', width: 80, align: 'right' },
          {
            title: t.description,
            dataIndex: 'description',
            ellipsis: { showTitle: true },
            render: (v: string | undefined) => v ?? '—',
          },
        ]}
      />
    </Card>
  );
}
