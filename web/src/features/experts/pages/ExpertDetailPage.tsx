import { Card, Descriptions, Tag, Typography } from 'antd';
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
import { useExpert } from '../experts.api';
import { expertMessages } from '../messages';

/** /experts/:userId */
export function ExpertDetailPage() {
  const { userId = '' } = useParams();
  const t = useMessages(expertMessages);
  const lang = useLang();
  const query = useExpert(userId);
  if (query.isPending) {
    return <LoadingBlock />;
  }
  if (query.isError) {
    if (isApiError(query.error) && (query.error.status === 404 || query.error.status === 400)) {
      return <NotFoundPage />;
    }
    return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  }
  const e = query.data;
  return (
    <>
      <PageHeader title={e.displayName} subtitle={[e.title, e.discipline].filter(Boolean).join(' · ')} />
      <Card data-testid="expert-detail">
        <Descriptions size="small" column={{ xs: 1, md: 2 }} className="tn-block">
          <Descriptions.Item label={t.fields.region}>{e.regionName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t.detail.organisations}>
            {e.organisations.length === 0
              ? '—'
              : e.organisations.map((o, i) => (
                  <span key={o.id}>
                    {i > 0 ? '、' : ''}
                    <Link to={`/organisations/${o.id}`}>{o.name}</Link>
                  </span>
                ))}
          </Descriptions.Item>
          <Descriptions.Item label={t.fields.domainCodes}>
            {e.domainCodes.map((c) => (
              <Tag key={c} color="purple">
                <DomainName code={c} />
              </Tag>
            ))}
          </Descriptions.Item>
          <Descriptions.Item label={t.fields.keywords}>
            {e.keywords.map((k) => (
              <Tag key={k}>{k}</Tag>
            ))}
          </Descriptions.Item>
          <Descriptions.Item label={t.detail.contact}>
            {t.contactPolicies[e.contactPolicy]}
            {e.email ? ` · ${e.email}` : ''}
          </Descriptions.Item>
          <Descriptions.Item label={t.detail.updated}>{formatDate(e.updatedAt, lang)}</Descriptions.Item>
        </Descriptions>
        {e.bio ? <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{e.bio}</Typography.Paragraph> : null}
        {e.publishedAchievements > 0 ? (
          <Typography.Text type="secondary">{t.list.achievements(e.publishedAchievements)}</Typography.Text>
        ) : null}
      </Card>
    </>
  );
}
