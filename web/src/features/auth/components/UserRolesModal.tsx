import { GrantRoleSchema, ROLES, type Role, type User } from '#shared/contracts/auth.contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Divider, Empty, Flex, Form, Modal, Popconfirm, Select, Typography } from 'antd';
import { useState } from 'react';
import { describeError } from '../../../shared/api/api-error';
import { isPlatformAdmin } from '../../../shared/auth/permissions';
import { useSession } from '../../../shared/auth/useSession';
import { blankToUndefined } from '../../../shared/forms/form-errors';
import { FormProblemAlert, useSchemaForm } from '../../../shared/forms/useSchemaForm';
import { useMessages } from '../../../shared/i18n/messages';
import { useLang } from '../../../shared/i18n/useLang';
import { RegionCascader } from '../../../shared/ui/RegionCascader';
import { OrganisationSelect } from '../../organisations/components/OrganisationSelect';
import { authKeys, grantRole, revokeRole } from '../auth.api';
import { authMessages } from '../messages';
import { roleScope } from '../role-scope';
import { RoleTag } from './RoleTag';

type GrantValues = { role?: Role; regionCode?: string; organisationId?: string };

export type UserRolesModalProps = { user: User; onClose: () => void };

/** Shows a user's roles; revokes them and grants new ones (the server checks the admin's scope). */
export function UserRolesModal({ user: initialUser, onClose }: UserRolesModalProps) {
  const lang = useLang();
  const m = useMessages(authMessages);
  const t = m.admin;
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const { user: me } = useSession();
  const [user, setUser] = useState(initialUser);
  const { form, validate, showApiError, problem } = useSchemaForm<GrantValues>();
  const role = Form.useWatch('role', form);
  const scope = roleScope(role);
  // Only platform admins can hand out platform_admin; hide it from regional admins rather than fail.
  const grantable = ROLES.filter((r) => r !== 'visitor' && (r !== 'platform_admin' || isPlatformAdmin(me)));

  const onUpdated = async (updated: User, text: string) => {
    setUser(updated);
    void message.success(text);
    await queryClient.invalidateQueries({ queryKey: authKeys.usersAll });
  };

  const grant = useMutation({
    mutationFn: (body: Parameters<typeof grantRole>[1]) => grantRole(user.id, body),
    onSuccess: async (updated) => {
      form.resetFields();
      await onUpdated(updated, t.granted);
    },
    onError: (error) =>
      showApiError(error, {
        'auth/role_requires_region': ['regionCode'],
        'auth/region_out_of_scope': ['regionCode'],
        'auth/role_requires_organisation': ['organisationId'],
        'organisation/not_found': ['organisationId'],
      }),
  });

  const revoke = useMutation({
    mutationFn: (assignmentId: string) => revokeRole(user.id, assignmentId),
    onSuccess: (updated) => onUpdated(updated, t.revoked),
    onError: (error) => void message.error(describeError(error, lang)),
  });

  const onFinish = (values: GrantValues) => {
    const data = validate(
      GrantRoleSchema,
      blankToUndefined({
        role: values.role,
        regionCode: scope === 'region' ? values.regionCode : undefined,
        organisationId: scope === 'organisation' ? values.organisationId : undefined,
      }),
    );
    if (data) {
      grant.mutate(data);
    }
  };

  return (
    <Modal
      open
      title={t.rolesDialogTitle(user.displayName)}
      onCancel={onClose}
      footer={<Button onClick={onClose}>{t.close}</Button>}
      width={640}
      destroyOnHidden
    >
      <Typography.Title level={5}>{t.currentRoles}</Typography.Title>
      {user.roles.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t.noRoles} />
      ) : (
        <Flex vertical gap={8} data-testid="user-roles">
          {user.roles.map((assignment) => (
            <Flex key={assignment.id} justify="space-between" align="center" gap={8}>
              <RoleTag assignment={assignment} />
              <Popconfirm title={t.revokeConfirm} onConfirm={() => revoke.mutateAsync(assignment.id)}>
                <Button
                  size="small"
                  danger
                  type="link"
                  loading={revoke.isPending && revoke.variables === assignment.id}
                  aria-label={`${t.revoke}: ${m.roles[assignment.role]}`}
                >
                  {t.revoke}
                </Button>
              </Popconfirm>
            </Flex>
          ))}
        </Flex>
      )}
      <Divider />
      <Typography.Title level={5}>{t.grantTitle}</Typography.Title>
      <FormProblemAlert problem={problem} />
      <Form form={form} layout="vertical" onFinish={onFinish} disabled={grant.isPending}>
        <Form.Item name="role" label={t.role} required>
          <Select<Role> data-testid="grant-role" options={grantable.map((r) => ({ value: r, label: m.roles[r] }))} />
        </Form.Item>
        {scope === 'region' ? (
          <Form.Item name="regionCode" label={t.grantRegion} required>
            <RegionCascader data-testid="grant-region" />
          </Form.Item>
        ) : null}
        {scope === 'organisation' ? (
          <Form.Item name="organisationId" label={t.grantOrganisation}>
            <OrganisationSelect placeholder={t.grantOrganisationHint} data-testid="grant-organisation" />
          </Form.Item>
        ) : null}
        <Button type="primary" htmlType="submit" loading={grant.isPending} data-testid="grant-submit">
          {t.grant}
        </Button>
      </Form>
    </Modal>
  );
}
