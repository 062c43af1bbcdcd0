import { CALENDAR_DAY_KINDS, type CalendarDay, type CalendarDayKind } from '#shared/contracts/notices.contract';
import { App, Button, Card, Flex, Input, InputNumber, Popconfirm, Select, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { hasAnyRole } from '../../../shared/auth/permissions';
import { useSession } from '../../../shared/auth/useSession';
import { useMessages } from '../../../shared/i18n/messages';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert';
import { deleteCalendarDay, putCalendarDay, useCalendar, useNoticeMutation } from '../notices.api';
import { noticeMessages } from '../messages';

const weekdayIndex = (day: string) => new Date(`${day}T00:00:00Z`).getUTCDay();

/**
 * The working-day calendar of a year: statutory holidays on weekdays and 调休 workdays on weekends.
 * Market operators and platform administrators add and remove days; everyone else reads. No props.
 */
export function CalendarPanel() {
  const t = useMessages(noticeMessages).calendar;
  const { message } = App.useApp();
  const { user } = useSession();
  const canEdit = hasAnyRole(user, ['platform_admin', 'market_operator']);
  const [year, setYear] = useState(() => new Date().getFullYear());
  const calendar = useCalendar(year);
  const [day, setDay] = useState('');
  const [kind, setKind] = useState<CalendarDayKind>('holiday');
  const [name, setName] = useState('');
  const save = useNoticeMutation((v: { day: string; kind: CalendarDayKind; name: string }) => putCalendarDay(v.day, { kind: v.kind, name: v.name }));
  const remove = useNoticeMutation((d: string) => deleteCalendarDay(d));

  return (
    <Card title={t.title} data-testid="calendar-panel">
      <Typography.Paragraph type="secondary">{t.hint}</Typography.Paragraph>
      <Flex gap={8} wrap align="center" className="tn-block" style={{ marginBottom: 12 }}>
        <span>{t.year}</span>
        <InputNumber min={2000} max={2100} value={year} onChange={(v) => v && setYear(v)} aria-label={t.year} data-testid="calendar-year" />
      </Flex>
      {canEdit ? (
        <Flex gap={8} wrap align="center" style={{ marginBottom: 12 }} data-testid="calendar-add">
          <Input type="date" value={day} onChange={(e) => setDay(e.target.value)} aria-label={t.day} style={{ width: 170 }} data-testid="calendar-add-day" />
          <Select<CalendarDayKind> value={kind} onChange={setKind} style={{ width: 150 }} aria-label={t.kind} options={CALENDAR_DAY_KINDS.map((k) => ({ value: k, label: t.kinds[k] }))} />
          <Input value={name} onChange={(e) => setName(e.target.value)} maxLength={50} placeholder={t.name} aria-label={t.name} style={{ width: 180 }} data-testid="calendar-add-name" />
          <Button
            type="primary"
            disabled={!day || !name.trim()}
            loading={save.isPending}
            data-testid="calendar-add-submit"
            onClick={() =>
              save.mutate(
                { day, kind, name: name.trim() },
                {
                  onSuccess: () => {
                    setName('');
                    setDay('');
                    void message.success(t.saved);
                  },
                },
              )
            }
          >
            {t.add}
          </Button>
        </Flex>
      ) : null}
      {save.isError ? <ErrorAlert error={save.error} className="tn-block" /> : null}
      {remove.isError ? <ErrorAlert error={remove.error} className="tn-block" /> : null}
      {calendar.isError ? <ErrorAlert error={calendar.error} onRetry={() => void calendar.refetch()} /> : null}
      <Table<CalendarDay>
        rowKey="day"
        size="small"
        loading={calendar.isLoading}
        dataSource={calendar.data?.days ?? []}
        locale={{ emptyText: t.empty }}
        pagination={false}
        columns={[
          { title: t.day, key: 'day', render: (_, d) => `${d.day}（${t.weekday[weekdayIndex(d.day)]}）` },
          { title: t.kind, key: 'kind', render: (_, d) => <Tag color={d.kind === 'holiday' ? 'red' : 'blue'}>{t.kinds[d.kind]}</Tag> },
          { title: t.name, key: 'name', dataIndex: 'name' },
          ...(canEdit
            ? [
                {
                  key: 'remove',
                  render: (_: unknown, d: CalendarDay) => (
                    <Popconfirm title={t.removeConfirm} onConfirm={() => remove.mutate(d.day, { onSuccess: () => void message.success(t.removed) })}>
                      <Button size="small" danger data-testid="calendar-remove">
                        {t.remove}
                      </Button>
                    </Popconfirm>
                  ),
                },
              ]
            : []),
        ]}
      />
    </Card>
  );
}
