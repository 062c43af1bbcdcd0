import type { RoleAssignment } from '#shared/contracts/auth.contract';
import { Tag, type TagProps } from 'antd';
import { useRegionIndex } from '../../../shared/code-lists/code-lists.api';
import { itemLabel } from '../../../shared/code-lists/code-tree';
import { useMessages } from '../../../shared/i18n/messages';
import { useLang } from '../../../shared/i18n/useLang';
import { authMessages } from '../messages';

const ROLE_COLOR: Partial<Record<RoleAssignment['role'], string>> = {
  platform_admin: 'red',
  regional_admin: 'volcano',
  registrar: 'orange',
  tto_officer: 'blue',
  broker: 'cyan',
};

/** A role as a tag, with its region ('区域管理员 · 北京市') when it has one. */
export function RoleTag({ assignment, ...props }: { assignment: RoleAssignment } & Omit<TagProps, 'children'>) {
  const lang = useLang();
  const t = useMessages(authMessages);
  const { data: regions } = useRegionIndex();
  const regionItem = assignment.regionCode ? regions?.byCode.get(assignment.regionCode) : undefined;
  const region = regionItem ? itemLabel(regionItem, lang) : assignment.regionCode;
  return (
    <Tag color={ROLE_COLOR[assignment.role]} {...props}>
      {t.roles[assignment.role]}
      {region ? ` · ${region}` : ''}
    </Tag>
  );
}
