import { UpdateOrganisationSchema, type Organisation } from '#shared/contracts/organisations.contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Form, Modal } from 'antd';
import { FormProblemAlert } from '../../../shared/forms/useSchemaForm';
import { useMessages } from '../../../shared/i18n/messages';
import { ORGANISATION_CODE_FIELDS, useOrganisationForm } from '../hooks/useOrganisationForm';
import { organisationMessages } from '../messages';
import { toOrganisationFormValues, type OrganisationFormValues } from '../organisation-form';
import { organisationKeys, updateOrganisation } from '../organisations.api';
import { OrganisationFormFields } from './OrganisationFormFields';

export type EditOrganisationModalProps = { organisation: Organisation; open: boolean; onClose: () => void };

/** Edits an organisation's details (owners, org admins, covering admins). */
export function EditOrganisationModal({ organisation, open, onClose }: EditOrganisationModalProps) {
  const t = useMessages(organisationMessages);
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const { form, validateOrganisation, showApiError, problem, clearProblem } = useOrganisationForm();

  const mutation = useMutation({
    mutationFn: (body: Parameters<typeof updateOrganisation>[1]) => updateOrganisation(organisation.id, body),
    onSuccess: async (updated) => {
      queryClient.setQueryData(organisationKeys.detail(updated.id), updated);
      void message.success(t.form.saved);
      onClose();
      await queryClient.invalidateQueries({ queryKey: organisationKeys.all });
    },
    onError: (error) => showApiError(error, ORGANISATION_CODE_FIELDS),
  });

  const onFinish = (values: OrganisationFormValues) => {
    const data = validateOrganisation(UpdateOrganisationSchema, values);
    if (data) {
      mutation.mutate(data);
    }
  };

  return (
    <Modal
      open={open}
      title={t.form.editTitle}
      okText={t.form.save}
      cancelText={t.form.cancel}
      onOk={() => form.submit()}
      onCancel={() => {
        clearProblem();
        onClose();
      }}
      confirmLoading={mutation.isPending}
      destroyOnHidden
      width={720}
    >
      <FormProblemAlert problem={problem} />
      <Form
        form={form}
        layout="vertical"
        onFinish={onFinish}
        initialValues={toOrganisationFormValues(organisation)}
        disabled={mutation.isPending}
        preserve={false}
      >
        <OrganisationFormFields form={form} />
      </Form>
    </Modal>
  );
}
