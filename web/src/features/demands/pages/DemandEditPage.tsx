import { UpdateDemandSchema, type UpdateDemand } from '#shared/contracts/demands.contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Flex, Form } from 'antd';
import { useNavigate, useParams } from 'react-router-dom';
import { FormProblemAlert } from '../../../shared/forms/useSchemaForm';
import { useMessages } from '../../../shared/i18n/messages';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert';
import { LoadingBlock } from '../../../shared/ui/LoadingBlock';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { DEMAND_CODE_FIELDS, DemandForm } from '../components/DemandForm';
import { fromDemand, toUpdateDemandBody, type DemandFormValues } from '../demand-form';
import { demandKeys, updateDemand, useDemand } from '../demands.api';
import { useDemandForm } from '../hooks';
import { demandMessages } from '../messages';

/** /demands/:id/edit — drafts only. */
export function DemandEditPage() {
  const { id = '' } = useParams();
  const t = useMessages(demandMessages).form;
  const query = useDemand(id);
  if (query.isPending) {
    return <LoadingBlock />;
  }
  if (query.isError) {
    return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  }
  if (query.data.status !== 'draft' || !query.data.canEdit) {
    return <Alert type="warning" showIcon title={t.notEditable} />;
  }
  return <EditForm id={id} initial={fromDemand(query.data)} title={query.data.title} />;
}

function EditForm({ id, initial, title }: { id: string; initial: DemandFormValues; title: string }) {
  const t = useMessages(demandMessages).form;
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { form, validateBody, showApiError, problem } = useDemandForm();
  const mutation = useMutation({
    mutationFn: (body: UpdateDemand) => updateDemand(id, body),
    onSuccess: async (d) => {
      queryClient.setQueryData(demandKeys.detail(d.id), d);
      void message.success(t.saved);
      await queryClient.invalidateQueries({ queryKey: demandKeys.all });
      await navigate(`/demands/${d.id}`);
    },
    onError: (error) => showApiError(error, DEMAND_CODE_FIELDS),
  });
  const onFinish = (values: DemandFormValues) => {
    const { body, problems } = toUpdateDemandBody(values);
    const data = validateBody(UpdateDemandSchema, body, problems);
    if (data) {
      mutation.mutate(data);
    }
  };
  return (
    <>
      <PageHeader title={t.editTitle} subtitle={title} />
      <div style={{ maxWidth: 900 }}>
        <FormProblemAlert problem={problem} />
        <Form<DemandFormValues>
          form={form}
          layout="vertical"
          onFinish={onFinish}
          disabled={mutation.isPending}
          initialValues={initial}
          data-testid="demand-form"
        >
          <DemandForm />
          <Flex gap={8}>
            <Button type="primary" htmlType="submit" loading={mutation.isPending} data-testid="demand-save">
              {t.saveChanges}
            </Button>
            <Button onClick={() => void navigate(-1)}>{t.cancel}</Button>
          </Flex>
        </Form>
      </div>
    </>
  );
}
