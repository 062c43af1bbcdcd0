import type { AchievementMatch } from '#shared/contracts/search.contract';
import { Empty, Flex, List, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useMessages } from '../../../shared/i18n/messages';
import { achievementMessages } from '../../achievements/messages';
import { matchingMessages } from '../messages';
import { MatchReasons } from './MatchReasons';

/** Ranked achievements with their score and reasons. */
export function AchievementMatchList({ items, testId = 'match-list' }: { items: readonly AchievementMatch[]; testId?: string }) {
  const t = useMessages(matchingMessages);
  const ta = useMessages(achievementMessages);
  if (items.length === 0) {
    return <Empty description={t.none} />;
  }
  return (
    <List
      data-testid={testId}
      dataSource={[...items]}
      renderItem={(m) => (
        <List.Item key={m.achievement.id} data-testid="match-item">
          <Flex vertical gap={4} style={{ width: '100%' }}>
            <Flex justify="space-between" gap={8} wrap>
              <Link to={`/achievements/${m.achievement.id}`}>
                <Typography.Text strong>{m.achievement.title}</Typography.Text>
              </Link>
              <Tag color="processing">{t.score(m.score)}</Tag>
            </Flex>
            <Typography.Text type="secondary">
              {m.achievement.ownerOrgName} · {m.achievement.regionName}
              {m.achievement.trl ? ` · ${ta.trl(m.achievement.trl)}` : ''}
            </Typography.Text>
            <MatchReasons reasons={m.reasons} />
          </Flex>
        </List.Item>
      )}
    />
  );
}
