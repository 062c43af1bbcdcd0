import { Card, Tabs } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { useSession } from '../../../shared/auth/useSession';
import { formatDate } from '../../../shared/i18n/format';
import { useMessages } from '../../../shared/i18n/messages';
import { useLang } from '../../../shared/i18n/useLang';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { ApiTokensCard } from '../components/ApiTokensCard';
import { ChangePasswordForm } from '../components/ChangePasswordForm';
import { MyRoles } from '../components/MyRoles';
import { ProfileForm } from '../components/ProfileForm';
import { authMessages } from '../messages';

const TABS = ['basics', 'password', 'roles', 'tokens'] as const;
type TabKey = (typeof TABS)[number];

/** /profile — rendered inside RequireAuth, so the user is present. */
export function ProfilePage() {
  const lang = useLang();
  const m = useMessages(authMessages);
  const t = m.profile;
  const { user } = useSession();
  const [params, setParams] = useSearchParams();
  const requested = params.get('tab');
  const active: TabKey = TABS.find((k) => k === requested) ?? 'basics';

  if (!user) {
    return null;
  }
  return (
    <>
      <PageHeader title={t.title} subtitle={`${user.displayName} · ${user.email} · ${t.memberSince} ${formatDate(user.createdAt, lang)}`} />
      <Card>
        <Tabs
          activeKey={active}
          onChange={(key) => setParams({ tab: key }, { replace: true })}
          items={[
            { key: 'basics', label: t.basics, children: <ProfileForm key={user.id} user={user} /> },
            { key: 'password', label: t.passwordTitle, children: <ChangePasswordForm /> },
            { key: 'roles', label: t.rolesTitle, children: <MyRoles user={user} /> },
            { key: 'tokens', label: m.tokens.title, children: <ApiTokensCard /> },
          ]}
        />
      </Card>
    </>
  );
}
