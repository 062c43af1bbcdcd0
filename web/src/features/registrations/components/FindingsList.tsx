import type { Finding } from '#shared/contracts/registrations.contract';
import { Flex, Tag, Typography } from 'antd';
import { useMessages } from '../../../shared/i18n/messages';
import { useLang } from '../../../shared/i18n/useLang';
import { registrationMessages } from '../messages';
import { fieldLabel } from '../registration-labels';
import { SEVERITY_COLORS, sortFindings } from '../registration-view';

/** Rule checks of an application, most severe first, each with its rule id and field. */
export function FindingsList({ findings }: { findings: readonly Finding[] }) {
  const t = useMessages(registrationMessages);
  const lang = useLang();
  if (findings.length === 0) {
    return (
      <Typography.Text type="secondary" data-testid="registration-findings">
        {t.detail.noFindings}
      </Typography.Text>
    );
  }
  return (
    <Flex vertical gap={8} data-testid="registration-findings">
      {sortFindings(findings).map((f, i) => (
        <Flex key={`${f.ruleId}:${i}`} gap={8} align="baseline" wrap data-testid="registration-finding" data-severity={f.severity}>
          <Tag color={SEVERITY_COLORS[f.severity]}>{t.severities[f.severity]}</Tag>
          <Typography.Text>{lang === 'en' ? f.messageEn : f.message}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {f.ruleId}
            {f.field ? ` · ${t.detail.findingField(fieldLabel(t, f.field.split('.')[0] ?? f.field))}` : ''}
          </Typography.Text>
        </Flex>
      ))}
    </Flex>
  );
}
