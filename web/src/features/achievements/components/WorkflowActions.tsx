import type { Achievement, AchievementAction } from '#shared/contracts/achievements.contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Flex, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useMessages } from '../../../shared/i18n/messages';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert';
import { availableActions, type WorkflowRole } from '../achievement-actions';
import { achievementKeys, runAchievementAction } from '../achievements.api';
import { achievementMessages } from '../messages';
import { StatusTag } from './ListingTags';

const DANGER: ReadonlySet<AchievementAction> = new Set(['withdraw', 'archive', 'return']);
const NEEDS_NOTE: ReadonlySet<AchievementAction> = new Set(['return', 'withdraw']);

/** The workflow buttons for the current status and the user's roles; the server re-checks each. */
export function WorkflowActions({ a, roles }: { a: Achievement; roles: readonly WorkflowRole[] }) {
  const t = useMessages(achievementMessages);
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [pending, setPending] = useState<AchievementAction | null>(null);
  const [note, setNote] = useState('');
  const actions = availableActions(a.status, roles);

  const mutation = useMutation({
    mutationFn: ({ action, note: n }: { action: AchievementAction; note?: string }) => runAchievementAction(a.id, action, n),
    onSuccess: async (updated, { action }) => {
      queryClient.setQueryData(achievementKeys.detail(updated.id), updated);
      setPending(null);
      setNote('');
      void message.success(t.actionDone(t.actions[action]));
      await queryClient.invalidateQueries({ queryKey: achievementKeys.all });
    },
  });

  const run = (action: AchievementAction) => {
    if (DANGER.has(action) || NEEDS_NOTE.has(action)) {
      setPending(action);
    } else {
      mutation.mutate({ action });
    }
  };

  return (
    <Card title={t.detail.workflow} size="small" className="tn-block" data-testid="workflow-card">
      <Flex vertical gap={8}>
        <div>
          <StatusTag status={a.status} />
        </div>
        {mutation.isError && pending === null ? <ErrorAlert error={mutation.error} /> : null}
        {actions.length === 0 ? (
          <Typography.Text type="secondary">{t.detail.noActions}</Typography.Text>
        ) : (
          <Flex gap={8} wrap>
            {actions.map((action) => (
              <Button
                key={action}
                type={DANGER.has(action) ? 'default' : 'primary'}
                danger={DANGER.has(action)}
                loading={mutation.isPending && mutation.variables.action === action}
                disabled={mutation.isPending}
                onClick={() => run(action)}
                data-testid={`action-${action}`}
              >
                {t.actions[action]}
              </Button>
            ))}
          </Flex>
        )}
      </Flex>
      <Modal
        open={pending !== null}
        title={pending ? t.actionConfirm(t.actions[pending]) : ''}
        onCancel={() => setPending(null)}
        onOk={() => pending && mutation.mutate({ action: pending, note: note.trim() || undefined })}
        confirmLoading={mutation.isPending}
        okButtonProps={{ danger: true, ...{ 'data-testid': 'action-confirm' } }}
        destroyOnHidden
      >
        {mutation.isError ? <ErrorAlert error={mutation.error} className="tn-block" /> : null}
        {pending && NEEDS_NOTE.has(pending) ? (
          <Input.TextArea
            value={note}
            onChange={(e) => setNote(e.target.value)}
            maxLength={1000}
            placeholder={t.actionNote}
            aria-label={t.actionNote}
            data-testid="action-note"
          />
        ) : null}
      </Modal>
    </Card>
  );
}
