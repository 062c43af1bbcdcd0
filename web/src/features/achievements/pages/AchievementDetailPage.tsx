import { EditOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Descriptions, Flex, List, Row, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { isApiError } from '../../../shared/api/api-error';
import { useSession } from '../../../shared/auth/useSession';
import { formatDate } from '../../../shared/i18n/format';
import { useMessages } from '../../../shared/i18n/messages';
import { useLang } from '../../../shared/i18n/useLang';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert';
import { LoadingBlock } from '../../../shared/ui/LoadingBlock';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { NotFoundPage } from '../../../app/pages/NotFoundPage';
import { canEditContent, workflowRolesFor } from '../achievement-actions';
import { useAchievement } from '../achievements.api';
import { AccessRequestsCard } from '../components/AccessRequestsCard';
import { EnquiryCard } from '../components/EnquiryCard';
import { FunnelCard } from '../components/FunnelCard';
import { DomainName, IndustryNames, ListingTags, PriceText, StatusTag } from '../components/ListingTags';
import { MatchesPanel } from '../components/MatchesPanel';
import { NdaSection } from '../components/NdaSection';
import { QualityCard } from '../components/QualityCard';
import { SimilarPanel } from '../components/SimilarPanel';
import { WorkflowActions } from '../components/WorkflowActions';
import { achievementMessages } from '../messages';
import { marketMessages } from '../../market/messages';

/** /achievements/:id — public summary, NDA-gated detail, and for the owner side the management panels. */
export function AchievementDetailPage() {
  const { id = '' } = useParams();
  const t = useMessages(achievementMessages);
  const tm = useMessages(marketMessages);
  const lang = useLang();
  const { user } = useSession();
  const query = useAchievement(id);

  if (query.isPending) {
    return <LoadingBlock />;
  }
  if (query.isError) {
    if (isApiError(query.error) && (query.error.status === 404 || query.error.code === 'common/validation_failed')) {
      return <NotFoundPage />;
    }
    return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  }
  const a = query.data;
  const roles = workflowRolesFor(user, a);
  // The server sends the quality score to the owner side only; that is the reliable signal.
  const ownerSide = a.quality !== undefined;
  const d = t.detail;

  return (
    <>
      <PageHeader
        title={a.title}
        subtitle={
          <Flex gap={4} wrap align="center" component="span">
            <StatusTag status={a.status} />
            <ListingTags a={{ ...a, qualityScore: a.quality?.score }} />
          </Flex>
        }
        extra={
          ownerSide && canEditContent(a.status, roles) ? (
            <Link to={`/achievements/${a.id}/edit`}>
              <Button icon={<EditOutlined />} data-testid="achievement-edit">
                {d.edit}
              </Button>
            </Link>
          ) : ownerSide && a.status === 'published' && roles.includes('reviewer') ? (
            // 挂牌: list the published achievement on the technology market (market slice, decision 013).
            <Link to={`/market/listings/new?achievementId=${a.id}`}>
              <Button data-testid="achievement-list-on-market">{tm.list.create}</Button>
            </Link>
          ) : null
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={16}>
          <Card title={d.summary} className="tn-block" data-testid="achievement-summary">
            <Descriptions size="small" column={{ xs: 1, sm: 2 }} className="tn-block">
              <Descriptions.Item label={d.owner}>
                <Link to={`/organisations/${a.ownerOrgId}`}>{a.ownerOrgName}</Link>
              </Descriptions.Item>
              <Descriptions.Item label={d.region}>{a.regionName}</Descriptions.Item>
              <Descriptions.Item label={t.fields.domainCode}>{a.domainCode ? <DomainName code={a.domainCode} /> : '—'}</Descriptions.Item>
              <Descriptions.Item label={t.fields.discipline}>{a.discipline ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t.fields.trl}>{a.trl ? t.trl(a.trl) : '—'}</Descriptions.Item>
              <Descriptions.Item label={t.fields.priceMode}>
                <PriceText mode={a.priceMode} min={a.priceMinFen} max={a.priceMaxFen} />
              </Descriptions.Item>
              <Descriptions.Item label={t.fields.transferModes}>
                {a.transferModes.map((m) => t.transferModes[m]).join('、') || '—'}
              </Descriptions.Item>
              <Descriptions.Item label={t.fields.industryCodes}>
                <IndustryNames codes={a.industryCodes} />
              </Descriptions.Item>
              <Descriptions.Item label={d.publishedAt}>{formatDate(a.publishedAt, lang) || '—'}</Descriptions.Item>
              <Descriptions.Item label={d.confirmedAt}>{formatDate(a.confirmedAt, lang) || '—'}</Descriptions.Item>
              {a.keywords.length > 0 ? (
                <Descriptions.Item label={t.fields.keywords} span={2}>
                  {a.keywords.map((k) => (
                    <Tag key={k}>{k}</Tag>
                  ))}
                </Descriptions.Item>
              ) : null}
            </Descriptions>
            {a.stale ? <Alert type="warning" showIcon title={t.staleHint} className="tn-block" data-testid="stale-alert" /> : null}
            {a.dualUse || a.exportControlled ? (
              <Flex gap={4} className="tn-block">
                {a.dualUse ? <Tag color="red">{t.dualUse}</Tag> : null}
                {a.exportControlled ? <Tag color="red">{t.exportControlled}</Tag> : null}
              </Flex>
            ) : null}
            <Typography.Title level={5}>{d.abstract}</Typography.Title>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }} data-testid="achievement-abstract">
              {a.abstract}
            </Typography.Paragraph>
            {a.comparison ? (
              <>
                <Typography.Title level={5}>{d.comparison}</Typography.Title>
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{a.comparison}</Typography.Paragraph>
              </>
            ) : null}
            {a.applications ? (
              <>
                <Typography.Title level={5}>{d.applications}</Typography.Title>
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{a.applications}</Typography.Paragraph>
              </>
            ) : null}
            {a.trlEvidence ? (
              <>
                <Typography.Title level={5}>{t.fields.trlEvidence}</Typography.Title>
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{a.trlEvidence}</Typography.Paragraph>
              </>
            ) : null}
            <Typography.Title level={5}>{t.fields.ip}</Typography.Title>
            {a.ip.length === 0 ? (
              <Typography.Paragraph type="secondary">{d.ipNone}</Typography.Paragraph>
            ) : (
              <List
                size="small"
                className="tn-block"
                dataSource={a.ip}
                data-testid="achievement-ip"
                renderItem={(ip, i) => (
                  <List.Item key={i}>
                    <Flex gap={6} wrap>
                      <Tag>{t.ipKinds[ip.kind]}</Tag>
                      {ip.patentType ? <Tag color="blue">{t.patentTypes[ip.patentType]}</Tag> : null}
                      {ip.legalStatus ? (
                        <Tag color={ip.legalStatus === 'granted' ? 'green' : 'default'}>{t.patentStatuses[ip.legalStatus]}</Tag>
                      ) : null}
                      {ip.number ? <Typography.Text code>{ip.number}</Typography.Text> : null}
                      {ip.title ? <Typography.Text>{ip.title}</Typography.Text> : null}
                    </Flex>
                  </List.Item>
                )}
              />
            )}
            <Descriptions size="small" column={1}>
              {a.team.length > 0 ? (
                <Descriptions.Item label={d.team}>
                  {a.team.map((m) => (m.role ? `${m.name}（${m.role}）` : m.name)).join('、')}
                </Descriptions.Item>
              ) : null}
              {a.funding ? (
                <Descriptions.Item label={d.funding}>
                  {[a.funding.fiscal ? d.fiscal : null, a.funding.programme, a.funding.projectNumber].filter(Boolean).join(' · ')}
                </Descriptions.Item>
              ) : null}
              {a.awards.length > 0 ? <Descriptions.Item label={d.awards}>{a.awards.join('；')}</Descriptions.Item> : null}
            </Descriptions>
          </Card>
          <NdaSection a={a} signedIn={!!user} ownerSide={ownerSide} />
          {ownerSide ? (
            <>
              <FunnelCard id={a.id} />
              <AccessRequestsCard id={a.id} />
              <MatchesPanel id={a.id} />
            </>
          ) : null}
        </Col>
        <Col xs={24} lg={8}>
          {ownerSide || roles.length > 0 ? <WorkflowActions a={a} roles={roles} /> : null}
          {a.quality ? <QualityCard quality={a.quality} /> : null}
          {!ownerSide && user && a.status === 'published' ? <EnquiryCard id={a.id} /> : null}
          {ownerSide ? <Alert type="info" showIcon title={d.ownerSideHint} className="tn-block" /> : null}
          {a.status === 'published' ? <SimilarPanel id={a.id} /> : null}
        </Col>
      </Row>
    </>
  );
}
