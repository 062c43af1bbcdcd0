import { Button, Collapse, Flex, Typography } from 'antd';
import { useMessages } from '../../../shared/i18n/messages';
import { useClientConfig } from '../../platform/platform.api';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../demo-accounts';
import { authMessages } from '../messages';

export type DemoAccountsProps = { onPick: (email: string, password: string) => void };

/** The seeded demo accounts, listed only when the server runs in demo mode. */
export function DemoAccounts({ onPick }: DemoAccountsProps) {
  const t = useMessages(authMessages);
  const { data: config } = useClientConfig();
  if (!config?.demo) {
    return null;
  }
  return (
    <Collapse
      style={{ marginTop: 16 }}
      data-testid="demo-accounts"
      items={[
        {
          key: 'demo',
          label: t.login.demoTitle,
          children: (
            <>
              <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
                {t.login.demoHint(DEMO_PASSWORD)}
              </Typography.Paragraph>
              <Flex vertical gap={4}>
                {DEMO_ACCOUNTS.map((account) => (
                  <Button
                    key={account.key}
                    type="text"
                    block
                    style={{ justifyContent: 'space-between', height: 'auto', padding: '4px 8px' }}
                    data-testid={`demo-account-${account.key}`}
                    onClick={() => onPick(account.email, DEMO_PASSWORD)}
                  >
                    <Typography.Text strong>{t.demoAccounts[account.key]}</Typography.Text>
                    <Typography.Text type="secondary" style={{ fontFamily: 'monospace' }}>
                      {account.email}
                    </Typography.Text>
                  </Button>
                ))}
              </Flex>
            </>
          ),
        },
      ]}
    />
  );
}
