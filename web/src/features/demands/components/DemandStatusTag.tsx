import type { DemandStatus } from '#shared/contracts/demands.contract';
import { Tag } from 'antd';
import { useMessages } from '../../../shared/i18n/messages';
import { demandMessages } from '../messages';

const COLORS: Record<DemandStatus, string> = { draft: 'default', published: 'success', closed: 'default', withdrawn: 'warning' };

export function DemandStatusTag({ status, expired }: { status: DemandStatus; expired?: boolean }) {
  const t = useMessages(demandMessages);
  return (
    <>
      <Tag color={COLORS[status]} data-testid="demand-status" data-status={status}>
        {t.statuses[status]}
      </Tag>
      {expired ? <Tag color="orange">{t.expired}</Tag> : null}
    </>
  );
}
