import type { NoticeStatus } from '#shared/contracts/notices.contract';
import { Tag } from 'antd';
import { useMessages } from '../../../shared/i18n/messages';
import { noticeMessages } from '../messages';

const COLORS: Record<NoticeStatus, string> = { open: 'processing', cleared: 'success', blocked: 'error', withdrawn: 'default' };

export function NoticeStatusTag({ status }: { status: NoticeStatus }) {
  const t = useMessages(noticeMessages);
  return (
    <Tag color={COLORS[status]} data-testid="notice-status">
      {t.statuses[status]}
    </Tag>
  );
}
