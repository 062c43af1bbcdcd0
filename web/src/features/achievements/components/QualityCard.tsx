import type { Quality } from '#shared/contracts/achievements.contract';
import { Card, Flex, List, Progress, Typography } from 'antd';
import { useMessages } from '../../../shared/i18n/messages';
import { achievementMessages } from '../messages';

/** The owner's quality score with the server's concrete hints, heaviest first. */
export function QualityCard({ quality }: { quality: Quality }) {
  const t = useMessages(achievementMessages).detail;
  const hints = [...quality.hints].sort((x, y) => y.weight - x.weight);
  const color = quality.score >= 80 ? '#52c41a' : quality.score >= 50 ? '#faad14' : '#ff4d4f';
  return (
    <Card title={t.qualityTitle} size="small" className="tn-block" data-testid="quality-card">
      <Flex gap={16} align="center">
        <Progress
          type="circle"
          percent={quality.score}
          size={72}
          strokeColor={color}
          format={(p) => <span data-testid="quality-score">{p}</span>}
        />
        <Typography.Text type="secondary">{hints.length === 0 ? t.qualityPerfect : t.qualityHints}</Typography.Text>
      </Flex>
      {hints.length > 0 ? (
        <List
          size="small"
          dataSource={hints}
          renderItem={(h) => (
            <List.Item key={h.code} data-testid="quality-hint" data-code={h.code}>
              <Typography.Text>{h.message}</Typography.Text>
              <Typography.Text type="secondary">+{h.weight}</Typography.Text>
            </List.Item>
          )}
        />
      ) : null}
    </Card>
  );
}
