import type { DemandAction } from '#shared/contracts/demands.contract';
import { EditOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Col, Descriptions, Flex, Popconfirm, Row, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { isApiError } from '../../../shared/api/api-error';
import { formatDate } from '../../../shared/i18n/format';
import { useMessages } from '../../../shared/i18n/messages';
import { useLang } from '../../../shared/i18n/useLang';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert';
import { LoadingBlock } from '../../../shared/ui/LoadingBlock';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { NotFoundPage } from '../../../app/pages/NotFoundPage';
import { DomainName } from '../../achievements/components/ListingTags';
import { achievementMessages } from '../../achievements/messages';
import { formatFenRange } from '../../achievements/money';
import { AchievementMatchList } from '../../matching/components/AchievementMatchList';
import { ServiceError } from '../../matching/components/ServiceError';
import { useMatchAchievements } from '../../matching/matching.api';
import { matchingMessages } from '../../matching/messages';
import { DemandStatusTag } from '../components/DemandStatusTag';
import { demandActions } from '../demand-form';
import { demandKeys, runDemandAction, useDemand } from '../demands.api';
import { demandMessages } from '../messages';
import { tenderMessages } from '../../tenders/messages';

/** /demands/:id — the demand, its workflow for editors, and the technologies that match it. */
export function DemandDetailPage() {
  const { id = '' } = useParams();
  const t = useMessages(demandMessages);
  const ta = useMessages(achievementMessages);
  const tm = useMessages(matchingMessages);
  const tt = useMessages(tenderMessages);
  const lang = useLang();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const query = useDemand(id);
  const d = query.data;
  const matches = useMatchAchievements(d && d.status !== 'draft' ? { demandId: d.id, limit: 10 } : null);
  const action = useMutation({
    mutationFn: (a: DemandAction) => runDemandAction(id, a),
    onSuccess: async (updated, a) => {
      queryClient.setQueryData(demandKeys.detail(updated.id), updated);
      void message.success(t.actionDone(t.actions[a]));
      await queryClient.invalidateQueries({ queryKey: demandKeys.all });
    },
  });

  if (query.isPending) {
    return <LoadingBlock />;
  }
  if (query.isError || !d) {
    if (isApiError(query.error) && query.error.status === 404) {
      return <NotFoundPage />;
    }
    return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  }
  const actions = demandActions(d.status, d.canEdit);

  return (
    <>
      <PageHeader
        title={d.title}
        subtitle={<DemandStatusTag status={d.status} expired={d.expired} />}
        extra={
          d.canEdit && d.status === 'draft' ? (
            <Link to={`/demands/${d.id}/edit`}>
              <Button icon={<EditOutlined />} data-testid="demand-edit">
                {t.detail.edit}
              </Button>
            </Link>
          ) : d.canEdit && d.status === 'published' ? (
            <Link to={`/market/tenders/new?demandId=${d.id}`}>
              <Button data-testid="demand-open-tender">{tt.form.openTender}</Button>
            </Link>
          ) : null
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={16}>
          <Card className="tn-block" data-testid="demand-summary">
            <Descriptions size="small" column={{ xs: 1, sm: 2 }} className="tn-block">
              <Descriptions.Item label={t.detail.owner}>
                <Link to={`/organisations/${d.ownerOrgId}`}>{d.ownerOrgName}</Link>
              </Descriptions.Item>
              <Descriptions.Item label={t.fields.region}>{d.regionName}</Descriptions.Item>
              <Descriptions.Item label={t.fields.domainCode}>{d.domainCode ? <DomainName code={d.domainCode} /> : '—'}</Descriptions.Item>
              <Descriptions.Item label={t.fields.trlNeeded}>{d.trlNeeded ? ta.trl(d.trlNeeded) : '—'}</Descriptions.Item>
              <Descriptions.Item label={t.detail.budget}>
                {formatFenRange(d.budgetMinFen, d.budgetMaxFen, lang) ?? t.detail.negotiable}
              </Descriptions.Item>
              <Descriptions.Item label={t.fields.deadline}>
                {d.deadline ? formatDate(d.deadline, lang) : t.detail.noDeadline}
              </Descriptions.Item>
              <Descriptions.Item label={t.fields.cooperationModes}>
                {d.cooperationModes.map((m) => ta.transferModes[m]).join('、') || '—'}
              </Descriptions.Item>
              <Descriptions.Item label={t.detail.publishedAt}>{formatDate(d.publishedAt, lang) || '—'}</Descriptions.Item>
              {d.keywords.length > 0 ? (
                <Descriptions.Item label={t.fields.keywords} span={2}>
                  {d.keywords.map((k) => (
                    <Tag key={k}>{k}</Tag>
                  ))}
                </Descriptions.Item>
              ) : null}
            </Descriptions>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }} data-testid="demand-description">
              {d.description}
            </Typography.Paragraph>
          </Card>
          {d.status !== 'draft' ? (
            <Card
              title={t.detail.matchesTitle}
              extra={<Typography.Text type="secondary">{t.detail.matchesHint}</Typography.Text>}
              data-testid="demand-matches"
            >
              {matches.isPending ? (
                <LoadingBlock minHeight={80} />
              ) : matches.isError ? (
                <ServiceError
                  error={matches.error}
                  unavailable={tm.unavailable}
                  onRetry={() => void matches.refetch()}
                  testId="demand-matches-error"
                />
              ) : (
                <AchievementMatchList items={matches.data.items} testId="demand-match-list" />
              )}
            </Card>
          ) : null}
        </Col>
        <Col xs={24} lg={8}>
          {actions.length > 0 ? (
            <Card title={t.detail.workflow} size="small" data-testid="demand-workflow">
              {action.isError ? <ErrorAlert error={action.error} className="tn-block" /> : null}
              <Flex gap={8} wrap>
                {actions.map((a) =>
                  a === 'publish' ? (
                    <Button
                      key={a}
                      type="primary"
                      loading={action.isPending && action.variables === a}
                      onClick={() => action.mutate(a)}
                      data-testid={`demand-action-${a}`}
                    >
                      {t.actions[a]}
                    </Button>
                  ) : (
                    <Popconfirm key={a} title={t.actions[a]} onConfirm={() => action.mutate(a)}>
                      <Button danger loading={action.isPending && action.variables === a} data-testid={`demand-action-${a}`}>
                        {t.actions[a]}
                      </Button>
                    </Popconfirm>
                  ),
                )}
              </Flex>
            </Card>
          ) : null}
        </Col>
      </Row>
    </>
  );
}
