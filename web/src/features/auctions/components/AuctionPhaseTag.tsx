import type { AuctionPhase } from '#shared/contracts/auctions.contract';
import { Tag } from 'antd';
import { useMessages } from '../../../shared/i18n/messages';
import { auctionMessages } from '../messages';

const COLORS: Record<AuctionPhase, string> = { draft: 'default', upcoming: 'blue', live: 'processing', closed: 'default', cancelled: 'warning' };

export function AuctionPhaseTag({ phase }: { phase: AuctionPhase }) {
  const t = useMessages(auctionMessages);
  return (
    <Tag color={COLORS[phase]} data-testid="auction-phase" data-phase={phase}>
      {t.phases[phase]}
    </Tag>
  );
}
