import { CODE_LIST_NAMES } from '#shared/contracts/regions.contract';
import { Card, Col, Flex, Menu, Row, Typography } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { useCodeListIndex, type CodeListSummary } from '../../../shared/code-lists/code-lists.api';
import { useMessages } from '../../../shared/i18n/messages';
import { useLang } from '../../../shared/i18n/useLang';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { CodeListPickers } from '../components/CodeListPickers';
import { CodeListTable } from '../components/CodeListTable';
import { regionMessages } from '../messages';

/** /code-lists — browse every code list; demonstrates the region and industry pickers. */
export function CodeListsPage() {
  const lang = useLang();
  const t = useMessages(regionMessages).codeLists;
  const index = useCodeListIndex();
  const [params, setParams] = useSearchParams();
  // If the index cannot be read, the contract still names the lists.
  const lists: CodeListSummary[] = index.data?.items ?? CODE_LIST_NAMES.map((name) => ({ name, title: name, titleEn: name, total: 0 }));
  const selected = params.get('list') ?? lists[0]?.name ?? 'regions';

  return (
    <>
      <PageHeader title={t.title} subtitle={t.subtitle} />
      <Flex vertical gap={16}>
        <CodeListPickers />
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={6}>
            <Card title={t.lists} loading={index.isPending} styles={{ body: { padding: 0 } }}>
              {index.isError ? <ErrorAlert error={index.error} onRetry={() => void index.refetch()} /> : null}
              <Menu
                mode="inline"
                selectedKeys={[selected]}
                onClick={({ key }) => setParams({ list: key }, { replace: true })}
                style={{ borderInlineEnd: 'none' }}
                items={lists.map((list) => ({
                  key: list.name,
                  label: <span data-testid={`code-list-${list.name}`}>{lang === 'en' ? list.titleEn : list.title}</span>,
                  extra: list.total > 0 ? <Typography.Text type="secondary">{list.total}</Typography.Text> : undefined,
                }))}
              />
            </Card>
          </Col>
          <Col xs={24} lg={18}>
            <CodeListTable key={selected} name={selected} />
          </Col>
        </Row>
      </Flex>
    </>
  );
}
