import type { Organisation } from '#shared/contracts/organisations.contract';
import { Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router-dom';
import { formatDate } from '../../shared/i18n/format';
import { useMessages } from '../../shared/i18n/messages';
import { useLang } from '../../shared/i18n/useLang';
import { RegionName } from '../../shared/ui/RegionName';
import { organisationMessages } from './messages';

export const STATUS_COLOR: Record<Organisation['status'], string> = {
  pending: 'gold',
  verified: 'green',
  suspended: 'red',
};

export const FLAG_KEYS = ['isTechTransferOrg', 'isInvestor', 'isServiceProvider'] as const;

/** Table columns of the organisation directory and the regional overview. */
export function useOrganisationColumns(): ColumnsType<Organisation> {
  const lang = useLang();
  const t = useMessages(organisationMessages);
  return [
    {
      title: t.columns.name,
      dataIndex: 'name',
      render: (name: string, org) => <Link to={`/organisations/${org.id}`}>{name}</Link>,
    },
    { title: t.columns.type, dataIndex: 'type', render: (type: Organisation['type']) => t.types[type] },
    {
      title: t.columns.region,
      dataIndex: 'regionCode',
      // The server's regionName is the leaf only; the full path reads better in a national list.
      render: (code: string, org) => <RegionName code={code} fallback={org.regionName} />,
    },
    {
      title: t.columns.flags,
      dataIndex: 'flags',
      render: (flags: Organisation['flags']) =>
        FLAG_KEYS.filter((k) => flags[k]).map((k) => (
          <Tag key={k} color="blue">
            {t.flags[k]}
          </Tag>
        )),
    },
    {
      title: t.columns.status,
      dataIndex: 'status',
      render: (status: Organisation['status']) => <Tag color={STATUS_COLOR[status]}>{t.statuses[status]}</Tag>,
    },
    { title: t.columns.members, dataIndex: 'memberCount', align: 'right' },
    { title: t.columns.createdAt, dataIndex: 'createdAt', render: (v: string) => formatDate(v, lang) },
  ];
}
