import type { PlatformFigures } from '#shared/contracts/platform.contract';
import { ApartmentOutlined, AuditOutlined, BankOutlined, EnvironmentOutlined, TeamOutlined } from '@ant-design/icons';
import { Card, Col, Row, Statistic } from 'antd';
import type { ReactNode } from 'react';
import { useMessages } from '../../../shared/i18n/messages';
import { platformMessages } from '../messages';

type FigureKey = 'organisations' | 'users' | 'provinces' | 'techTransferOrgs' | 'auditEvents';

const FIGURES: { key: FigureKey; testId: string; icon: ReactNode; value: (f: PlatformFigures) => number }[] = [
  { key: 'organisations', testId: 'figure-organisations', icon: <BankOutlined />, value: (f) => f.organisations },
  { key: 'users', testId: 'figure-users', icon: <TeamOutlined />, value: (f) => f.users },
  { key: 'provinces', testId: 'figure-provinces', icon: <EnvironmentOutlined />, value: (f) => f.provincesCovered },
  { key: 'techTransferOrgs', testId: 'figure-tech-transfer-orgs', icon: <ApartmentOutlined />, value: (f) => f.techTransferOrgs },
  { key: 'auditEvents', testId: 'figure-audit-events', icon: <AuditOutlined />, value: (f) => f.auditEvents },
];

/** The five live counts of the home page. */
export function FigureCards({ figures, loading }: { figures: PlatformFigures | undefined; loading: boolean }) {
  const t = useMessages(platformMessages);
  return (
    <Row gutter={[16, 16]}>
      {FIGURES.map((figure) => (
        <Col key={figure.key} xs={12} md={8} xl={{ flex: '20%' }}>
          <Card>
            <Statistic
              data-testid={figure.testId}
              title={t.figures[figure.key]}
              value={figures ? figure.value(figures) : 0}
              loading={loading}
              prefix={<span aria-hidden>{figure.icon}</span>}
            />
          </Card>
        </Col>
      ))}
    </Row>
  );
}
