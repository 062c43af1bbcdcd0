import { Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useDocumentTitle } from '../hooks/useDocumentTitle';

export type PageHeaderProps = {
  title: string;
  subtitle?: ReactNode;
  extra?: ReactNode;
};

/** The page's h1 (also the browser tab title), an optional line under it and actions on the right. */
export function PageHeader({ title, subtitle, extra }: PageHeaderProps) {
  useDocumentTitle(title);
  return (
    <Flex justify="space-between" align="flex-start" wrap gap={12} style={{ marginBottom: 16 }}>
      <div>
        <Typography.Title level={2} style={{ margin: 0 }}>
          {title}
        </Typography.Title>
        {subtitle ? <Typography.Text type="secondary">{subtitle}</Typography.Text> : null}
      </div>
      {extra ? (
        <Flex gap={8} wrap>
          {extra}
        </Flex>
      ) : null}
    </Flex>
  );
}
