import type { Organisation } from '#shared/contracts/organisations.contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Popconfirm, Space } from 'antd';
import { describeError } from '../../../shared/api/api-error';
import { useMessages } from '../../../shared/i18n/messages';
import { useLang } from '../../../shared/i18n/useLang';
import { organisationMessages } from '../messages';
import { organisationKeys, setOrganisationStatus, type OrganisationStatus } from '../organisations.api';

const ACTIONS: { status: OrganisationStatus; label: 'verify' | 'suspend' | 'reset'; danger?: boolean }[] = [
  { status: 'verified', label: 'verify' },
  { status: 'suspended', label: 'suspend', danger: true },
  { status: 'pending', label: 'reset' },
];

/** Verify / suspend / send back to pending — shown to admins covering the organisation's region. */
export function OrganisationStatusActions({ organisation }: { organisation: Organisation }) {
  const lang = useLang();
  const t = useMessages(organisationMessages);
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: (status: OrganisationStatus) => setOrganisationStatus(organisation.id, status),
    onSuccess: async (updated) => {
      queryClient.setQueryData(organisationKeys.detail(updated.id), updated);
      void message.success(t.detail.statusChanged);
      await queryClient.invalidateQueries({ queryKey: organisationKeys.all });
    },
    onError: (error) => void message.error(describeError(error, lang)),
  });

  return (
    <Space wrap aria-label={t.detail.statusActions}>
      {ACTIONS.filter((a) => a.status !== organisation.status).map((action) => (
        <Popconfirm
          key={action.status}
          title={t.detail.statusConfirm(t.statuses[action.status])}
          onConfirm={() => mutation.mutateAsync(action.status)}
        >
          <Button
            danger={action.danger}
            type={action.status === 'verified' ? 'primary' : 'default'}
            loading={mutation.isPending && mutation.variables === action.status}
            data-testid={`org-status-${action.status}`}
          >
            {t.detail[action.label]}
          </Button>
        </Popconfirm>
      ))}
    </Space>
  );
}
