import type { User } from '#shared/contracts/auth.contract';
import { Alert, Form, Select } from 'antd';
import { useMessages } from '../../../shared/i18n/messages';
import { achievementMessages } from '../../achievements/messages';
import { useOrganisationNames } from '../../organisations/organisations.api';
import { demandMessages } from '../messages';

/** Demands are posted for an organisation the user belongs to. */
export function DemandOrgField({ user }: { user: User | null }) {
  const t = useMessages(demandMessages);
  const ta = useMessages(achievementMessages);
  const ids = user?.organisationIds ?? [];
  const names = useOrganisationNames(ids);
  if (ids.length === 0) {
    return <Alert type="warning" showIcon title={ta.form.noOrg} className="tn-block" />;
  }
  return (
    <Form.Item name="ownerOrgId" label={t.fields.ownerOrg} required>
      <Select options={ids.map((id) => ({ value: id, label: names.get(id) ?? id }))} data-testid="demand-owner-org" />
    </Form.Item>
  );
}
