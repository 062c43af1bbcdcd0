import { CheckCircleFilled, CloseCircleOutlined, InfoCircleOutlined } from '@ant-design/icons';
import { Flex, Typography } from 'antd';
import { useMessages } from '../../../shared/i18n/messages';
import { authMessages } from '../messages';
import { PASSWORD_RULES, passwordRuleStatus } from '../password-rules';

/** A live checklist of the password rules under a password field. */
export function PasswordRules({ password, id }: { password: string | undefined; id?: string }) {
  const t = useMessages(authMessages).register;
  const status = passwordRuleStatus(password ?? '');
  return (
    <div id={id} aria-live="polite" style={{ marginTop: 4 }}>
      <Typography.Text type="secondary">{t.passwordRulesTitle}</Typography.Text>
      <Flex vertical component="ul" style={{ listStyle: 'none', padding: 0, margin: '4px 0 0' }}>
        {PASSWORD_RULES.map((rule) => (
          <li key={rule}>
            <Typography.Text type={status[rule] ? 'success' : 'secondary'}>
              {status[rule] ? <CheckCircleFilled aria-hidden /> : <CloseCircleOutlined aria-hidden />} {t.rules[rule]}
              <span className="tn-visually-hidden">（{status[rule] ? t.ruleMet : t.ruleUnmet}）</span>
            </Typography.Text>
          </li>
        ))}
        <li>
          <Typography.Text type="secondary">
            <InfoCircleOutlined aria-hidden /> {t.rules.common}
          </Typography.Text>
        </li>
      </Flex>
    </div>
  );
}
