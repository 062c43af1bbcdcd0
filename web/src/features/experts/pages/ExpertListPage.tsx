import { ExpertQuerySchema } from '#shared/contracts/experts.contract';
import { UserOutlined } from '@ant-design/icons';
import { Button, Card, Col, Empty, Flex, Input, Pagination, Row } from 'antd';
import { Link } from 'react-router-dom';
import { useSession } from '../../../shared/auth/useSession';
import { useMessages } from '../../../shared/i18n/messages';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert';
import { LoadingBlock } from '../../../shared/ui/LoadingBlock';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { RegionCascader } from '../../../shared/ui/RegionCascader';
import { useUrlFilters } from '../../../shared/url/useUrlFilters';
import { DomainSelect } from '../../achievements/components/CodePickers';
import { ExpertCard } from '../components/ExpertCard';
import { useExperts } from '../experts.api';
import { expertMessages } from '../messages';

/** /experts — the public expert directory. */
export function ExpertListPage() {
  const t = useMessages(expertMessages).list;
  const { user } = useSession();
  const { filters, update, reset } = useUrlFilters(ExpertQuerySchema);
  const query = useExperts(filters);
  return (
    <>
      <PageHeader
        title={t.title}
        subtitle={t.subtitle}
        extra={
          user ? (
            <Link to="/experts/me">
              <Button icon={<UserOutlined />} data-testid="expert-my-profile">
                {t.myProfile}
              </Button>
            </Link>
          ) : null
        }
      />
      <Flex gap={8} wrap align="center" role="search" className="tn-block">
        <Input.Search
          key={filters.q ?? ''}
          defaultValue={filters.q}
          placeholder={t.search}
          aria-label={t.search}
          allowClear
          onSearch={(q) => update({ q: q.trim() || undefined })}
          style={{ width: 280 }}
          data-testid="expert-filter-q"
        />
        <div style={{ width: 200 }}>
          <DomainSelect value={filters.domainCode} onChange={(v) => update({ domainCode: v ?? undefined })} placeholder={t.domain} />
        </div>
        <RegionCascader
          value={filters.regionCode}
          onChange={(regionCode) => update({ regionCode })}
          style={{ width: 220 }}
          aria-label={t.region}
        />
        <Button onClick={reset}>{t.reset}</Button>
      </Flex>
      {query.isError ? <ErrorAlert error={query.error} onRetry={() => void query.refetch()} className="tn-block" /> : null}
      {query.isPending ? (
        <LoadingBlock />
      ) : query.data && query.data.items.length === 0 ? (
        <Card>
          <Empty description={t.empty} />
        </Card>
      ) : (
        <Row gutter={[12, 12]} data-testid="experts-list">
          {query.data?.items.map((e) => (
            <Col key={e.userId} xs={24} md={12} xl={8}>
              <ExpertCard e={e} />
            </Col>
          ))}
        </Row>
      )}
      {query.data && query.data.total > query.data.pageSize ? (
        <Pagination
          style={{ marginTop: 16 }}
          current={query.data.page}
          pageSize={query.data.pageSize}
          total={query.data.total}
          showTotal={(n) => t.total(n)}
          onChange={(page, pageSize) => update({ page, pageSize })}
        />
      ) : null}
    </>
  );
}
