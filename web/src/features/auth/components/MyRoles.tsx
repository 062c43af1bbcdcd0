import type { User } from '#shared/contracts/auth.contract';
import { Button, Empty, Flex, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useMessages } from '../../../shared/i18n/messages';
import { RegionName } from '../../../shared/ui/RegionName';
import { useOrganisationNames } from '../../organisations/organisations.api';
import { authMessages } from '../messages';

/** The user's platform roles (with their region or organisation) and organisation memberships. */
export function MyRoles({ user }: { user: User }) {
  const m = useMessages(authMessages);
  const t = m.profile;
  const orgIds = [...user.organisationIds, ...user.roles.flatMap((r) => (r.organisationId ? [r.organisationId] : []))];
  const orgNames = useOrganisationNames(orgIds);

  return (
    <Flex vertical gap={24}>
      <section aria-labelledby="my-roles-title">
        <Typography.Title level={4} id="my-roles-title">
          {t.rolesTitle}
        </Typography.Title>
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={user.roles}
          locale={{ emptyText: <Empty description={t.rolesEmpty} /> }}
          columns={[
            { title: t.role, dataIndex: 'role', render: (role: User['roles'][number]['role']) => <Tag color="blue">{m.roles[role]}</Tag> },
            { title: t.scopeRegion, dataIndex: 'regionCode', render: (code: string | null) => <RegionName code={code} /> },
            {
              title: t.scopeOrganisation,
              dataIndex: 'organisationId',
              render: (id: string | null) => (id ? <Link to={`/organisations/${id}`}>{orgNames.get(id) ?? id}</Link> : '—'),
            },
          ]}
        />
      </section>
      <section aria-labelledby="my-orgs-title">
        <Flex justify="space-between" align="center">
          <Typography.Title level={4} id="my-orgs-title">
            {t.organisationsTitle}
          </Typography.Title>
          <Link to="/organisations/new">
            <Button>{t.createOrganisation}</Button>
          </Link>
        </Flex>
        {user.organisationIds.length === 0 ? (
          <Empty description={t.organisationsEmpty} />
        ) : (
          <ul style={{ paddingInlineStart: 20 }}>
            {user.organisationIds.map((id) => (
              <li key={id}>
                <Link to={`/organisations/${id}`}>{orgNames.get(id) ?? id}</Link>
              </li>
            ))}
          </ul>
        )}
      </section>
    </Flex>
  );
}
