import {
  REFUSAL_REASON_NAMES,
  type RefusalReason,
  type RegistrationEvent,
  type RegistrationStatus,
} from '#shared/contracts/registrations.contract';
import { Flex, Timeline, Typography } from 'antd';
import { formatDateTime } from '../../../shared/i18n/format';
import { useMessages } from '../../../shared/i18n/messages';
import { useLang } from '../../../shared/i18n/useLang';
import { registrationMessages } from '../messages';
import { codeNamer, fieldLabel, pick } from '../registration-labels';
import { formatChangeValue, statusColor } from '../registration-view';

/** A reason code with its name ('R03 主体、技术标的…'); other text as it is. */
export function useReasonName() {
  const lang = useLang();
  return (code: string) =>
    Object.hasOwn(REFUSAL_REASON_NAMES, code) ? `${code} ${REFUSAL_REASON_NAMES[code as RefusalReason][lang]}` : code;
}

/** Field changes as 'label: before → after' lines. */
export function ChangeList({ changes }: { changes: Record<string, { before: unknown; after: unknown }> }) {
  const t = useMessages(registrationMessages);
  const lang = useLang();
  const names = codeNamer(t);
  return (
    <ul style={{ margin: '4px 0', paddingInlineStart: 20 }} data-testid="registration-changes">
      {Object.entries(changes).map(([field, { before, after }]) => (
        <li key={field}>
          <Typography.Text type="secondary">
            {fieldLabel(t, field)}
            {lang === 'zh' ? '：' : ': '}
          </Typography.Text>
          <Typography.Text delete>{formatChangeValue(field, before, lang, names)}</Typography.Text>
          {' → '}
          <Typography.Text>{formatChangeValue(field, after, lang, names)}</Typography.Text>
        </li>
      ))}
    </ul>
  );
}

const DOT_COLORS: Record<string, string> = {
  success: 'green',
  error: 'red',
  warning: 'orange',
  processing: 'blue',
  purple: 'purple',
  volcano: 'red',
};

/** The registration's events, oldest first: who did what, the status it led to, reasons, note and changes. */
export function HistoryTimeline({ events }: { events: readonly RegistrationEvent[] }) {
  const t = useMessages(registrationMessages);
  const lang = useLang();
  const reasonName = useReasonName();
  if (events.length === 0) {
    return <Typography.Text type="secondary">{t.history.empty}</Typography.Text>;
  }
  const sorted = [...events].sort((a, b) => a.seq - b.seq);
  return (
    <Timeline
      data-testid="registration-history"
      items={sorted.map((e) => {
        const status = e.toStatus as RegistrationStatus;
        const known = Object.hasOwn(t.statuses, status);
        return {
          key: e.seq,
          color: known ? (DOT_COLORS[statusColor(status)] ?? 'gray') : 'gray',
          content: (
            <Flex vertical gap={2} data-testid="registration-event" data-action={e.action}>
              <Typography.Text strong>
                {pick(t.actions, e.action) ?? e.action}
                {known ? ` → ${t.statuses[status]}` : ''}
              </Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {formatDateTime(e.at, lang)} · {e.actorName ?? t.history.system}
              </Typography.Text>
              {e.reasons.length > 0 ? (
                <Typography.Text>
                  {t.history.reasons}
                  {lang === 'zh' ? '：' : ': '}
                  {e.reasons.map(reasonName).join(lang === 'zh' ? '；' : '; ')}
                </Typography.Text>
              ) : null}
              {e.note ? <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{e.note}</Typography.Paragraph> : null}
              {e.changes && Object.keys(e.changes).length > 0 ? <ChangeList changes={e.changes} /> : null}
            </Flex>
          ),
        };
      })}
    />
  );
}
