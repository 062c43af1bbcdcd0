import type { MatchReason } from '#shared/contracts/search.contract';
import { Card, Empty, Flex, List, Tabs, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { useMessages } from '../../../shared/i18n/messages';
import { LoadingBlock } from '../../../shared/ui/LoadingBlock';
import { MatchReasons } from '../../matching/components/MatchReasons';
import { ServiceError } from '../../matching/components/ServiceError';
import { useAchievementMatches } from '../../matching/matching.api';
import { matchingMessages } from '../../matching/messages';
import { achievementMessages } from '../messages';

type Row = { key: string; title: ReactNode; sub: string; score: number; reasons: MatchReason[] };

/** Owner side: demands, experts and likely buyers for this listing, each with its reasons. */
export function MatchesPanel({ id }: { id: string }) {
  const t = useMessages(achievementMessages).detail;
  const tm = useMessages(matchingMessages);
  const matches = useAchievementMatches(id, true);

  const list = (rows: Row[], testId: string) =>
    rows.length === 0 ? (
      <Empty description={t.noMatches} />
    ) : (
      <List
        size="small"
        data-testid={testId}
        dataSource={rows}
        renderItem={(r) => (
          <List.Item key={r.key}>
            <Flex vertical gap={4} style={{ width: '100%' }}>
              <Flex justify="space-between" gap={8}>
                {r.title}
                <Tag color="processing">{tm.score(r.score)}</Tag>
              </Flex>
              {r.sub ? <Typography.Text type="secondary">{r.sub}</Typography.Text> : null}
              <MatchReasons reasons={r.reasons} />
            </Flex>
          </List.Item>
        )}
      />
    );

  let content;
  if (matches.isPending) {
    content = <LoadingBlock minHeight={80} />;
  } else if (matches.isError) {
    content = <ServiceError error={matches.error} unavailable={t.unavailable} testId="matches-error" />;
  } else {
    const m = matches.data;
    content = (
      <Tabs
        items={[
          {
            key: 'demands',
            label: `${t.matchesDemands} (${m.demands.length})`,
            children: list(
              m.demands.map((d) => ({
                key: d.demand.id,
                title: <Link to={`/demands/${d.demand.id}`}>{d.demand.title}</Link>,
                sub: `${d.demand.ownerOrgName} · ${d.demand.regionName}`,
                score: d.score,
                reasons: d.reasons,
              })),
              'matches-demands',
            ),
          },
          {
            key: 'experts',
            label: `${t.matchesExperts} (${m.experts.length})`,
            children: list(
              m.experts.map((e) => ({
                key: e.expert.userId,
                title: <Link to={`/experts/${e.expert.userId}`}>{e.expert.displayName}</Link>,
                sub: e.expert.title ?? '',
                score: e.score,
                reasons: e.reasons,
              })),
              'matches-experts',
            ),
          },
          {
            key: 'buyers',
            label: `${t.matchesBuyers} (${m.buyers.length})`,
            children: list(
              m.buyers.map((b) => ({
                key: b.organisation.id,
                title: <Link to={`/organisations/${b.organisation.id}`}>{b.organisation.name}</Link>,
                sub: b.organisation.regionName,
                score: b.score,
                reasons: b.reasons,
              })),
              'matches-buyers',
            ),
          },
        ]}
      />
    );
  }
  return (
    <Card title={t.matchesTitle} size="small" className="tn-block" data-testid="matches-panel">
      {content}
    </Card>
  );
}
