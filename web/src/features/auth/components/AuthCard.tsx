import { Card, Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useDocumentTitle } from '../../../shared/hooks/useDocumentTitle';

export type AuthCardProps = { title: string; subtitle?: string; children: ReactNode; aside?: ReactNode };

/** The centred card the sign-in and registration pages sit in. */
export function AuthCard({ title, subtitle, children, aside }: AuthCardProps) {
  useDocumentTitle(title);
  return (
    <Flex justify="center" style={{ padding: '24px 0' }}>
      <div style={{ width: '100%', maxWidth: 480 }}>
        <Card>
          <Typography.Title level={2} style={{ marginTop: 0 }}>
            {title}
          </Typography.Title>
          {subtitle ? <Typography.Paragraph type="secondary">{subtitle}</Typography.Paragraph> : null}
          {children}
        </Card>
        {aside}
      </div>
    </Flex>
  );
}
