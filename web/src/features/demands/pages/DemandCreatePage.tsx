import { CreateDemandSchema } from '#shared/contracts/demands.contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Flex, Form } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useSession } from '../../../shared/auth/useSession';
import { FormProblemAlert } from '../../../shared/forms/useSchemaForm';
import { useMessages } from '../../../shared/i18n/messages';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { DEMAND_CODE_FIELDS, DemandForm } from '../components/DemandForm';
import { DemandOrgField } from '../components/DemandOrgField';
import { toCreateDemandBody, type DemandFormValues } from '../demand-form';
import { createDemand, demandKeys } from '../demands.api';
import { useDemandForm } from '../hooks';
import { demandMessages } from '../messages';

/** /demands/new */
export function DemandCreatePage() {
  const t = useMessages(demandMessages).form;
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { user } = useSession();
  const { form, validateBody, showApiError, problem } = useDemandForm();
  const mutation = useMutation({
    mutationFn: createDemand,
    onSuccess: async (d) => {
      queryClient.setQueryData(demandKeys.detail(d.id), d);
      void message.success(t.created);
      await queryClient.invalidateQueries({ queryKey: demandKeys.all });
      await navigate(`/demands/${d.id}`);
    },
    onError: (error) => showApiError(error, DEMAND_CODE_FIELDS),
  });
  const onFinish = (values: DemandFormValues) => {
    const { body, problems } = toCreateDemandBody(values);
    const data = validateBody(CreateDemandSchema, body, problems);
    if (data) {
      mutation.mutate(data);
    }
  };
  return (
    <>
      <PageHeader title={t.createTitle} subtitle={t.createSubtitle} />
      <div style={{ maxWidth: 900 }}>
        <FormProblemAlert problem={problem} />
        <Form<DemandFormValues>
          form={form}
          layout="vertical"
          onFinish={onFinish}
          disabled={mutation.isPending}
          initialValues={{ ownerOrgId: user?.organisationIds[0], keywords: [], industryCodes: [], cooperationModes: [] }}
          data-testid="demand-form"
        >
          <DemandForm orgPicker={<DemandOrgField user={user} />} />
          <Flex gap={8}>
            <Button
              type="primary"
              htmlType="submit"
              loading={mutation.isPending}
              disabled={!user?.organisationIds.length}
              data-testid="demand-save"
            >
              {t.save}
            </Button>
            <Button onClick={() => void navigate(-1)}>{t.cancel}</Button>
          </Flex>
        </Form>
      </div>
    </>
  );
}
