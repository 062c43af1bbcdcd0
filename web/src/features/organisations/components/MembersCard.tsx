import { ROLES, type Role } from '#shared/contracts/auth.contract';
import {
  AddMemberSchema,
  ORG_MEMBER_ROLES,
  type Member,
  type Organisation,
  type OrgMemberRole,
} from '#shared/contracts/organisations.contract';
import { UserAddOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Empty, Form, Input, Popconfirm, Select, Table, Tag } from 'antd';
import { describeError, isApiError } from '../../../shared/api/api-error';
import { canManageOrganisation } from '../../../shared/auth/permissions';
import { useSession } from '../../../shared/auth/useSession';
import { FormProblemAlert, useSchemaForm } from '../../../shared/forms/useSchemaForm';
import { formatDate } from '../../../shared/i18n/format';
import { useMessages } from '../../../shared/i18n/messages';
import { useLang } from '../../../shared/i18n/useLang';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert';
import { authMessages } from '../../auth/messages';
import { organisationMessages } from '../messages';
import { addMember, organisationKeys, removeMember, updateMember, useMembers } from '../organisations.api';

const isRole = (value: string): value is Role => (ROLES as readonly string[]).includes(value);

/** Members of an organisation; owners, org admins and covering regional/platform admins manage them. */
export function MembersCard({ organisation }: { organisation: Organisation }) {
  const lang = useLang();
  const t = useMessages(organisationMessages);
  const roleLabels = useMessages(authMessages).roles;
  const { message } = App.useApp();
  const { user } = useSession();
  const queryClient = useQueryClient();
  const key = organisationKeys.members(organisation.id);
  const members = useMembers(organisation.id, !!user);
  const canManage = canManageOrganisation(user, organisation, members.data?.items);

  const afterChange = async (text: string) => {
    void message.success(text);
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: key }),
      queryClient.invalidateQueries({ queryKey: organisationKeys.detail(organisation.id) }),
    ]);
  };
  const onMutationError = (error: unknown) => void message.error(describeError(error, lang));

  const changeRole = useMutation({
    mutationFn: ({ userId, role }: { userId: string; role: OrgMemberRole }) => updateMember(organisation.id, userId, role),
    onSuccess: () => afterChange(t.members.roleChanged),
    onError: onMutationError,
  });
  const remove = useMutation({
    mutationFn: (userId: string) => removeMember(organisation.id, userId),
    onSuccess: () => afterChange(t.members.removed),
    onError: onMutationError,
  });

  // Anonymous visitors and outsiders may not see the member list: say so instead of failing.
  const hidden = !user || (isApiError(members.error) && (members.error.status === 401 || members.error.status === 403));

  return (
    <Card title={t.members.title} data-testid="members-card">
      {hidden ? (
        <Alert type="info" showIcon title={t.members.unavailable} />
      ) : (
        <>
          {members.isError ? <ErrorAlert error={members.error} onRetry={() => void members.refetch()} className="tn-block" /> : null}
          {canManage ? <AddMemberForm organisationId={organisation.id} onAdded={() => afterChange(t.members.added)} /> : null}
          <Table<Member>
            rowKey="userId"
            size="small"
            loading={members.isPending}
            dataSource={members.data?.items ?? []}
            pagination={false}
            scroll={{ x: 800 }}
            locale={{ emptyText: <Empty description={t.members.empty} /> }}
            data-testid="members-table"
            columns={[
              { title: t.members.name, dataIndex: 'displayName' },
              { title: t.members.email, dataIndex: 'email' },
              {
                title: t.members.role,
                dataIndex: 'role',
                render: (role: OrgMemberRole, member) =>
                  canManage ? (
                    <Select<OrgMemberRole>
                      size="small"
                      value={role}
                      aria-label={`${t.members.role}: ${member.displayName}`}
                      style={{ width: 120 }}
                      loading={changeRole.isPending && changeRole.variables.userId === member.userId}
                      onChange={(next) => changeRole.mutate({ userId: member.userId, role: next })}
                      options={ORG_MEMBER_ROLES.map((r) => ({ value: r, label: t.memberRoles[r] }))}
                    />
                  ) : (
                    <Tag>{t.memberRoles[role]}</Tag>
                  ),
              },
              {
                title: t.members.platformRoles,
                dataIndex: 'platformRoles',
                render: (roles: string[]) => roles.map((r) => <Tag key={r}>{isRole(r) ? roleLabels[r] : r}</Tag>),
              },
              { title: t.members.joinedAt, dataIndex: 'joinedAt', render: (v: string) => formatDate(v, lang) },
              ...(canManage
                ? [
                    {
                      title: t.members.actions,
                      key: 'actions',
                      render: (_: unknown, member: Member) => (
                        <Popconfirm title={t.members.removeConfirm(member.displayName)} onConfirm={() => remove.mutateAsync(member.userId)}>
                          <Button danger size="small" loading={remove.isPending && remove.variables === member.userId}>
                            {t.members.remove}
                          </Button>
                        </Popconfirm>
                      ),
                    },
                  ]
                : []),
            ]}
          />
        </>
      )}
    </Card>
  );
}

type AddMemberValues = { email: string; role: OrgMemberRole };

function AddMemberForm({ organisationId, onAdded }: { organisationId: string; onAdded: () => Promise<void> }) {
  const t = useMessages(organisationMessages);
  const { form, validate, showApiError, problem } = useSchemaForm<AddMemberValues>();
  const mutation = useMutation({
    mutationFn: (body: AddMemberValues) => addMember(organisationId, body),
    onSuccess: async () => {
      form.resetFields();
      await onAdded();
    },
    onError: (error) => showApiError(error, { 'organisation/member_exists': ['email'], 'auth/user_not_found': ['email'] }),
  });

  const onFinish = (values: AddMemberValues) => {
    const data = validate(AddMemberSchema, values);
    if (data) {
      mutation.mutate(data);
    }
  };

  return (
    <div style={{ marginBottom: 16 }}>
      <FormProblemAlert problem={problem} />
      <Form form={form} layout="inline" onFinish={onFinish} initialValues={{ role: 'member' }} disabled={mutation.isPending}>
        <Form.Item name="email" label={t.members.email}>
          <Input placeholder={t.members.addHint} inputMode="email" style={{ width: 260 }} data-testid="member-email" />
        </Form.Item>
        <Form.Item name="role" label={t.members.role}>
          <Select<OrgMemberRole>
            style={{ width: 120 }}
            options={ORG_MEMBER_ROLES.map((r) => ({ value: r, label: t.memberRoles[r] }))}
            data-testid="member-role"
          />
        </Form.Item>
        <Button htmlType="submit" icon={<UserAddOutlined />} loading={mutation.isPending} data-testid="member-add">
          {t.members.add}
        </Button>
      </Form>
    </div>
  );
}
