import type { AchievementSummary } from '#shared/contracts/achievements.contract';
import type { AchievementHit } from '#shared/contracts/search.contract';
import { Card, Col, Empty, Flex, Pagination, Row, Tag, Typography } from 'antd';
import { useMessages } from '../../../shared/i18n/messages';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert';
import { LoadingBlock } from '../../../shared/ui/LoadingBlock';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { useUrlFilters } from '../../../shared/url/useUrlFilters';
import { useAchievements } from '../../achievements/achievements.api';
import { ProblemMatchBox } from '../../matching/components/ProblemMatchBox';
import { isServiceUnavailable, ServiceError } from '../../matching/components/ServiceError';
import { FacetPanel } from '../components/FacetPanel';
import { ResultCard } from '../components/ResultCard';
import { SearchFilterBar } from '../components/SearchFilterBar';
import { searchMessages } from '../messages';
import { hasCriteria, SearchUrlSchema, toSearchQuery } from '../search-query';
import { useAchievementSearch } from '../search.api';

/** /search — ranked full-text search with facets and highlights; without criteria, the newest listings. */
export function SearchPage() {
  const t = useMessages(searchMessages);
  const { filters, update, reset } = useUrlFilters(SearchUrlSchema);
  const asked = hasCriteria(filters);
  const page = filters.page ?? 1;
  const pageSize = filters.pageSize ?? 10;
  const search = useAchievementSearch(asked ? toSearchQuery(filters) : null);
  // Without criteria, or while the search service is not deployed, the newest listings are shown.
  const searchDown = asked && search.isError && isServiceUnavailable(search.error);
  const showDirectory = !asked || searchDown;
  const directory = useAchievements({ page, pageSize }, showDirectory);

  const onPage = (next: number, size: number) => update({ page: next, pageSize: size });

  let body;
  let items: (AchievementHit | AchievementSummary)[] = [];
  let total = 0;
  if (asked && !searchDown) {
    if (search.isError) {
      body = (
        <ServiceError error={search.error} unavailable={t.searchUnavailable} onRetry={() => void search.refetch()} testId="search-error" />
      );
    } else if (search.isPending) {
      body = <LoadingBlock />;
    } else {
      items = search.data.items;
      total = search.data.total;
      body = (
        <Flex justify="space-between" wrap gap={8} data-testid="search-summary">
          <Typography.Text strong data-testid="search-total">
            {t.results(total)}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {search.data.terms.length > 0 ? (
              <>
                {t.terms}
                {search.data.terms.slice(0, 12).map((term) => (
                  <Tag key={term}>{term}</Tag>
                ))}
              </>
            ) : null}
            {t.took(search.data.tookMs, search.data.engine)}
          </Typography.Text>
        </Flex>
      );
    }
  } else if (directory.isError) {
    body = <ErrorAlert error={directory.error} onRetry={() => void directory.refetch()} />;
  } else if (directory.isPending) {
    body = <LoadingBlock />;
  } else {
    items = directory.data.items;
    total = directory.data.total;
    body = searchDown ? (
      <ServiceError error={search.error} unavailable={t.searchUnavailable} testId="search-error" />
    ) : (
      <Typography.Text strong>{t.latest}</Typography.Text>
    );
  }
  const facets = asked ? search.data?.facets : undefined;

  return (
    <>
      <PageHeader title={t.title} subtitle={t.subtitle} />
      <SearchFilterBar state={filters} onChange={update} onReset={reset} />
      <Row gutter={[16, 16]}>
        {facets ? (
          <Col xs={24} lg={6}>
            <FacetPanel facets={facets} state={filters} onChange={update} />
          </Col>
        ) : null}
        <Col xs={24} lg={facets ? 18 : 24}>
          <Flex vertical gap={12}>
            {!asked ? <ProblemMatchBox /> : null}
            {body}
            <Flex vertical gap={8} data-testid="search-results" aria-busy={search.isFetching || directory.isFetching}>
              {items.map((item) => (
                <ResultCard key={item.id} item={item} />
              ))}
            </Flex>
            {items.length === 0 && (showDirectory ? directory.isSuccess : search.isSuccess) ? (
              <Card>
                <Empty description={t.empty} data-testid="search-empty" />
              </Card>
            ) : null}
            {total > pageSize ? (
              <Pagination
                current={page}
                pageSize={pageSize}
                total={Math.min(total, 10_000)}
                onChange={onPage}
                showSizeChanger={false}
                data-testid="search-pagination"
              />
            ) : null}
            {asked ? <ProblemMatchBox /> : null}
          </Flex>
        </Col>
      </Row>
    </>
  );
}
