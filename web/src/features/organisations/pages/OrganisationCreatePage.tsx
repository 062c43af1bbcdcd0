import { CreateOrganisationSchema } from '#shared/contracts/organisations.contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Flex, Form } from 'antd';
import { useNavigate } from 'react-router-dom';
import { SESSION_QUERY_KEY } from '../../../shared/auth/session.api';
import { FormProblemAlert } from '../../../shared/forms/useSchemaForm';
import { useMessages } from '../../../shared/i18n/messages';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { OrganisationFormFields } from '../components/OrganisationFormFields';
import { ORGANISATION_CODE_FIELDS, useOrganisationForm } from '../hooks/useOrganisationForm';
import { organisationMessages } from '../messages';
import type { OrganisationFormValues } from '../organisation-form';
import { createOrganisation, organisationKeys } from '../organisations.api';

/** /organisations/new — the creator becomes owner; the organisation starts as pending. */
export function OrganisationCreatePage() {
  const t = useMessages(organisationMessages);
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { form, validateOrganisation, showApiError, problem } = useOrganisationForm();

  const mutation = useMutation({
    mutationFn: createOrganisation,
    onSuccess: async (org) => {
      queryClient.setQueryData(organisationKeys.detail(org.id), org);
      void message.success(t.form.created);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: organisationKeys.all }),
        // The creator's organisationIds changed.
        queryClient.invalidateQueries({ queryKey: SESSION_QUERY_KEY }),
      ]);
      await navigate(`/organisations/${org.id}`);
    },
    onError: (error) => showApiError(error, ORGANISATION_CODE_FIELDS),
  });

  const onFinish = (values: OrganisationFormValues) => {
    const data = validateOrganisation(CreateOrganisationSchema, values);
    if (data) {
      mutation.mutate(data);
    }
  };

  return (
    <>
      <PageHeader title={t.form.createTitle} subtitle={t.form.createSubtitle} />
      <Card style={{ maxWidth: 760 }}>
        <FormProblemAlert problem={problem} />
        <Form
          form={form}
          layout="vertical"
          onFinish={onFinish}
          initialValues={{ type: 'enterprise', flags: [] }}
          disabled={mutation.isPending}
        >
          <OrganisationFormFields form={form} />
          <Flex gap={8}>
            <Button type="primary" htmlType="submit" loading={mutation.isPending} data-testid="org-submit">
              {t.form.submit}
            </Button>
            <Button onClick={() => void navigate(-1)}>{t.form.cancel}</Button>
          </Flex>
        </Form>
      </Card>
    </>
  );
}
