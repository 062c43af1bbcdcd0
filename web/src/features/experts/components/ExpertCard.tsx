import type { Expert } from '#shared/contracts/experts.contract';
import { Card, Flex, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useMessages } from '../../../shared/i18n/messages';
import { DomainName } from '../../achievements/components/ListingTags';
import { expertMessages } from '../messages';

export function ExpertCard({ e }: { e: Expert }) {
  const t = useMessages(expertMessages);
  return (
    <Card size="small" data-testid="expert-card" style={{ height: '100%' }}>
      <Flex vertical gap={4}>
        <Link to={`/experts/${e.userId}`}>
          <Typography.Text strong>{e.displayName}</Typography.Text>
        </Link>
        <Typography.Text type="secondary">{[e.title, e.discipline, e.regionName].filter(Boolean).join(' · ')}</Typography.Text>
        {e.organisations.length > 0 ? (
          <Typography.Text style={{ fontSize: 12 }}>{e.organisations.map((o) => o.name).join('、')}</Typography.Text>
        ) : null}
        <Flex gap={4} wrap>
          {e.domainCodes.map((c) => (
            <Tag key={c} color="purple">
              <DomainName code={c} />
            </Tag>
          ))}
          {e.keywords.slice(0, 6).map((k) => (
            <Tag key={k}>{k}</Tag>
          ))}
        </Flex>
        {e.publishedAchievements > 0 ? (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t.list.achievements(e.publishedAchievements)}
          </Typography.Text>
        ) : null}
      </Flex>
    </Card>
  );
}
