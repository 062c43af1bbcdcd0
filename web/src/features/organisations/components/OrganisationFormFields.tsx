import { ENTERPRISE_OWNERSHIPS, ORGANISATION_TYPES } from '#shared/contracts/organisations.contract';
import { Checkbox, Form, Input, Select, type FormInstance } from 'antd';
import { useMessages } from '../../../shared/i18n/messages';
import { RegionCascader } from '../../../shared/ui/RegionCascader';
import { organisationMessages } from '../messages';
import type { OrganisationFormValues } from '../organisation-form';
import { FLAG_KEYS } from '../organisations.columns';

/** The fields shared by the create page and the edit dialog. */
export function OrganisationFormFields({ form }: { form: FormInstance<OrganisationFormValues> }) {
  const t = useMessages(organisationMessages);
  const type = Form.useWatch('type', form);
  return (
    <>
      <Form.Item name="name" label={t.form.name} required>
        <Input maxLength={120} data-testid="org-name" />
      </Form.Item>
      <Form.Item name="type" label={t.form.type} required>
        <Select data-testid="org-type" options={ORGANISATION_TYPES.map((value) => ({ value, label: t.types[value] }))} />
      </Form.Item>
      {type === 'enterprise' ? (
        <Form.Item name="enterpriseOwnership" label={t.form.ownership}>
          <Select allowClear options={ENTERPRISE_OWNERSHIPS.map((value) => ({ value, label: t.ownerships[value] }))} />
        </Form.Item>
      ) : null}
      <Form.Item
        name="creditCode"
        label={t.form.creditCode}
        extra={t.form.creditCodeHelp}
        normalize={(v: string | undefined) => v?.toUpperCase().replace(/\s/g, '')}
      >
        <Input maxLength={18} style={{ fontFamily: 'monospace', maxWidth: 280 }} autoComplete="off" data-testid="org-credit-code" />
      </Form.Item>
      <Form.Item name="regionCode" label={t.form.region} required>
        <RegionCascader data-testid="org-region" />
      </Form.Item>
      <Form.Item name="address" label={t.form.address}>
        <Input maxLength={200} autoComplete="street-address" />
      </Form.Item>
      <Form.Item name="website" label={t.form.website}>
        <Input maxLength={200} inputMode="url" />
      </Form.Item>
      <Form.Item name="description" label={t.form.description}>
        <Input.TextArea maxLength={2000} showCount autoSize={{ minRows: 3, maxRows: 8 }} />
      </Form.Item>
      <Form.Item name="flags" label={t.form.flags}>
        <Checkbox.Group options={FLAG_KEYS.map((value) => ({ value, label: t.flags[value] }))} />
      </Form.Item>
    </>
  );
}
