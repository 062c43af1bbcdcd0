import { PatchAchievementSchema } from '#shared/contracts/achievements.contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Flex, Form } from 'antd';
import { useNavigate, useParams } from 'react-router-dom';
import { FormProblemAlert } from '../../../shared/forms/useSchemaForm';
import { useMessages } from '../../../shared/i18n/messages';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert';
import { LoadingBlock } from '../../../shared/ui/LoadingBlock';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { fromAchievement, toPatchBody, type AchievementFormValues } from '../achievement-form';
import { achievementKeys, updateAchievement, useAchievement } from '../achievements.api';
import { ACHIEVEMENT_CODE_FIELDS, AchievementForm } from '../components/AchievementForm';
import { useAchievementForm } from '../hooks';
import { achievementMessages } from '../messages';

/** /achievements/:id/edit — drafts and withdrawn listings; the server decides who may. */
export function AchievementEditPage() {
  const { id = '' } = useParams();
  const t = useMessages(achievementMessages).form;
  const query = useAchievement(id);
  if (query.isPending) {
    return <LoadingBlock />;
  }
  if (query.isError) {
    return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  }
  if (query.data.status !== 'draft' && query.data.status !== 'withdrawn') {
    return <Alert type="warning" showIcon title={t.notEditable} />;
  }
  return <EditForm id={id} initial={fromAchievement(query.data)} title={query.data.title} />;
}

function EditForm({ id, initial, title }: { id: string; initial: AchievementFormValues; title: string }) {
  const t = useMessages(achievementMessages).form;
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { form, validateBody, showApiError, problem } = useAchievementForm();
  const mutation = useMutation({
    mutationFn: (body: Parameters<typeof updateAchievement>[1]) => updateAchievement(id, body),
    onSuccess: async (a) => {
      queryClient.setQueryData(achievementKeys.detail(a.id), a);
      void message.success(t.saved);
      await queryClient.invalidateQueries({ queryKey: achievementKeys.all });
      await navigate(`/achievements/${a.id}`);
    },
    onError: (error) => showApiError(error, ACHIEVEMENT_CODE_FIELDS),
  });
  const onFinish = (values: AchievementFormValues) => {
    const { body, priceProblems } = toPatchBody(values);
    const data = validateBody(PatchAchievementSchema, body, priceProblems);
    if (data) {
      mutation.mutate(data);
    }
  };
  return (
    <>
      <PageHeader title={t.editTitle} subtitle={title} />
      <div style={{ maxWidth: 980 }}>
        <FormProblemAlert problem={problem} />
        <Form<AchievementFormValues>
          form={form}
          layout="vertical"
          onFinish={onFinish}
          disabled={mutation.isPending}
          initialValues={initial}
          data-testid="achievement-form"
        >
          <AchievementForm form={form} />
          <Flex gap={8}>
            <Button type="primary" htmlType="submit" loading={mutation.isPending} data-testid="ach-save">
              {t.saveChanges}
            </Button>
            <Button onClick={() => void navigate(-1)}>{t.cancel}</Button>
          </Flex>
        </Form>
      </div>
    </>
  );
}
