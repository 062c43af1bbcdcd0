import type { Organisation } from '#shared/contracts/organisations.contract';
import { ArrowLeftOutlined, EditOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Flex, Result, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { isApiError } from '../../../shared/api/api-error';
import { canManageOrganisation, canSetOrganisationStatus } from '../../../shared/auth/permissions';
import { useSession } from '../../../shared/auth/useSession';
import { formatDateTime } from '../../../shared/i18n/format';
import { useMessages } from '../../../shared/i18n/messages';
import { useLang } from '../../../shared/i18n/useLang';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert';
import { ForbiddenPage } from '../../../shared/ui/ForbiddenPage';
import { LoadingBlock } from '../../../shared/ui/LoadingBlock';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { RegionName } from '../../../shared/ui/RegionName';
import { EditOrganisationModal } from '../components/EditOrganisationModal';
import { MembersCard } from '../components/MembersCard';
import { OrganisationStatusActions } from '../components/OrganisationStatusActions';
import { organisationMessages } from '../messages';
import { FLAG_KEYS, STATUS_COLOR } from '../organisations.columns';
import { useMembers, useOrganisation } from '../organisations.api';

/** /organisations/:id — details, status actions for admins, members. */
export function OrganisationDetailPage() {
  const { id } = useParams<{ id: string }>();
  const t = useMessages(organisationMessages);
  const query = useOrganisation(id);

  if (query.isPending) {
    return <LoadingBlock />;
  }
  if (query.isError) {
    if (isApiError(query.error) && query.error.status === 403) {
      return <ForbiddenPage error={query.error} />;
    }
    if (isApiError(query.error) && (query.error.status === 404 || query.error.code === 'common/validation_failed')) {
      return (
        <Result
          status="404"
          title={t.detail.notFound}
          extra={
            <Link to="/organisations">
              <Button type="primary">{t.detail.back}</Button>
            </Link>
          }
        />
      );
    }
    return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  }
  return <OrganisationDetail organisation={query.data} />;
}

function OrganisationDetail({ organisation: org }: { organisation: Organisation }) {
  const lang = useLang();
  const t = useMessages(organisationMessages);
  const { user } = useSession();
  const [editing, setEditing] = useState(false);
  // Shares the cache entry with MembersCard; needed here to know whether the user is an owner/admin.
  const members = useMembers(org.id, !!user);
  const canManage = canManageOrganisation(user, org, members.data?.items);
  const canSetStatus = canSetOrganisationStatus(user, org);
  const none = t.detail.none;

  return (
    <>
      <Link to="/organisations">
        <Button type="link" icon={<ArrowLeftOutlined />} style={{ paddingInline: 0 }}>
          {t.detail.back}
        </Button>
      </Link>
      <PageHeader
        title={org.name}
        subtitle={
          <Space size={4} wrap>
            <Tag color={STATUS_COLOR[org.status]} data-testid="org-status">
              {t.statuses[org.status]}
            </Tag>
            <span>{t.types[org.type]}</span>
          </Space>
        }
        extra={
          canManage ? (
            <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="org-edit">
              {t.detail.edit}
            </Button>
          ) : null
        }
      />
      <Flex vertical gap={16}>
        <Card title={t.detail.basics} extra={canSetStatus ? <OrganisationStatusActions organisation={org} /> : null}>
          <Descriptions
            column={{ xs: 1, md: 2 }}
            items={[
              { key: 'type', label: t.form.type, children: t.types[org.type] },
              {
                key: 'ownership',
                label: t.form.ownership,
                children: org.enterpriseOwnership ? t.ownerships[org.enterpriseOwnership] : none,
              },
              {
                key: 'credit',
                label: t.form.creditCode,
                children: org.creditCode ? (
                  <Typography.Text code copyable>
                    {org.creditCode}
                  </Typography.Text>
                ) : (
                  none
                ),
              },
              { key: 'region', label: t.form.region, children: <RegionName code={org.regionCode} fallback={org.regionName} /> },
              { key: 'address', label: t.form.address, children: org.address ?? none },
              {
                key: 'website',
                label: t.form.website,
                // The contract only admits http(s) URLs, so the link cannot carry a script.
                children: org.website ? (
                  <a href={org.website} target="_blank" rel="noopener noreferrer nofollow">
                    {org.website}
                  </a>
                ) : (
                  none
                ),
              },
              {
                key: 'flags',
                label: t.form.flags,
                children: FLAG_KEYS.some((k) => org.flags[k])
                  ? FLAG_KEYS.filter((k) => org.flags[k]).map((k) => (
                      <Tag key={k} color="blue">
                        {t.flags[k]}
                      </Tag>
                    ))
                  : none,
              },
              { key: 'members', label: t.columns.members, children: org.memberCount },
              { key: 'created', label: t.columns.createdAt, children: formatDateTime(org.createdAt, lang) },
              {
                key: 'description',
                label: t.form.description,
                span: 'filled',
                children: org.description ? (
                  <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{org.description}</Typography.Paragraph>
                ) : (
                  none
                ),
              },
            ]}
          />
        </Card>
        <MembersCard organisation={org} />
      </Flex>
      {canManage ? <EditOrganisationModal organisation={org} open={editing} onClose={() => setEditing(false)} /> : null}
    </>
  );
}
