import type { RegistrationStatus } from '#shared/contracts/registrations.contract';
import { Tag } from 'antd';
import { useMessages } from '../../../shared/i18n/messages';
import { registrationMessages } from '../messages';
import { statusColor } from '../registration-view';

export function RegistrationStatusTag({ status }: { status: RegistrationStatus }) {
  const t = useMessages(registrationMessages);
  return (
    <Tag color={statusColor(status)} data-testid="registration-status" data-status={status}>
      {t.statuses[status]}
    </Tag>
  );
}
