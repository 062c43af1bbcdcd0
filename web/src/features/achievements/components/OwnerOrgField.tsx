import type { User } from '#shared/contracts/auth.contract';
import { Alert, Form, Select } from 'antd';
import { useMessages } from '../../../shared/i18n/messages';
import { useOrganisationNames } from '../../organisations/organisations.api';
import { achievementMessages } from '../messages';

/** Organisations the user may create listings for: memberships and TTO-officer grants (as the server's policy). */
export function creatableOrgIds(user: User | null): string[] {
  if (!user) {
    return [];
  }
  const ids = [...user.organisationIds];
  for (const r of user.roles) {
    if (r.role === 'tto_officer' && r.organisationId) {
      ids.push(r.organisationId);
    }
  }
  return [...new Set(ids)];
}

export function OwnerOrgField({ user }: { user: User | null }) {
  const t = useMessages(achievementMessages);
  const ids = creatableOrgIds(user);
  const names = useOrganisationNames(ids);
  if (ids.length === 0) {
    return <Alert type="warning" showIcon title={t.form.noOrg} className="tn-block" />;
  }
  return (
    <Form.Item name="ownerOrgId" label={t.fields.ownerOrg} required>
      <Select options={ids.map((id) => ({ value: id, label: names.get(id) ?? id }))} data-testid="ach-owner-org" />
    </Form.Item>
  );
}
