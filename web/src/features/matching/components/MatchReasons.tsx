import type { MatchReason } from '#shared/contracts/search.contract';
import { Flex, Tag, Tooltip } from 'antd';
import { useMessages } from '../../../shared/i18n/messages';
import { matchingMessages } from '../messages';

const COLORS: Record<MatchReason['code'], string> = {
  shared_terms: 'blue',
  semantic: 'geekblue',
  domain: 'purple',
  industry: 'cyan',
  trl: 'green',
  region: 'gold',
  budget: 'orange',
  activity: 'magenta',
};

/** Why a match was made: one tag per reason (its share of the score), shared terms spelled out. */
export function MatchReasons({ reasons }: { reasons: readonly MatchReason[] }) {
  const t = useMessages(matchingMessages);
  return (
    <Flex gap={4} wrap data-testid="match-reasons">
      {reasons.map((r, i) => (
        <Tooltip key={`${r.code}-${i}`} title={r.message}>
          <Tag color={COLORS[r.code]} data-testid={`match-reason-${r.code}`}>
            {t.reasons[r.code]}
            {r.terms && r.terms.length > 0 ? `：${r.terms.slice(0, 6).join('、')}` : ''}
            {r.weight > 0 ? ` · ${Math.round(r.weight * 100)}%` : ''}
          </Tag>
        </Tooltip>
      ))}
    </Flex>
  );
}
