import { Card, Empty, List, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useMessages } from '../../../shared/i18n/messages';
import { LoadingBlock } from '../../../shared/ui/LoadingBlock';
import { ServiceError } from '../../matching/components/ServiceError';
import { useSimilar } from '../../search/search.api';
import { achievementMessages } from '../messages';
import { ListingTags } from './ListingTags';

/** Listings like this one (GET /achievements/:id/similar). */
export function SimilarPanel({ id }: { id: string }) {
  const t = useMessages(achievementMessages).detail;
  const similar = useSimilar(id, 6);
  return (
    <Card title={t.similarTitle} className="tn-block" data-testid="similar-panel" size="small">
      {similar.isPending ? (
        <LoadingBlock minHeight={80} />
      ) : similar.isError ? (
        <ServiceError error={similar.error} unavailable={t.unavailable} testId="similar-error" />
      ) : similar.data.items.length === 0 ? (
        <Empty description={t.noSimilar} />
      ) : (
        <List
          size="small"
          dataSource={similar.data.items}
          renderItem={(item) => (
            <List.Item key={item.id} data-testid="similar-item">
              <div>
                <Link to={`/achievements/${item.id}`}>
                  <Typography.Text strong>{item.title}</Typography.Text>
                </Link>
                <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.45)' }}>
                  {item.ownerOrgName} · {item.regionName}
                </div>
                <div style={{ marginTop: 4 }}>
                  <ListingTags a={item} />
                </div>
              </div>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
