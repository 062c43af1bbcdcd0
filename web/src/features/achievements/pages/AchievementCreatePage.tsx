import { CreateAchievementSchema } from '#shared/contracts/achievements.contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Flex, Form } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useSession } from '../../../shared/auth/useSession';
import { FormProblemAlert } from '../../../shared/forms/useSchemaForm';
import { useMessages } from '../../../shared/i18n/messages';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { toCreateBody, type AchievementFormValues } from '../achievement-form';
import { achievementKeys, createAchievement } from '../achievements.api';
import { ACHIEVEMENT_CODE_FIELDS, AchievementForm } from '../components/AchievementForm';
import { creatableOrgIds, OwnerOrgField } from '../components/OwnerOrgField';
import { useAchievementForm } from '../hooks';
import { achievementMessages } from '../messages';

/** /achievements/new — a draft for one of the user's organisations. */
export function AchievementCreatePage() {
  const t = useMessages(achievementMessages).form;
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { user } = useSession();
  const { form, validateBody, showApiError, problem } = useAchievementForm();
  const orgIds = creatableOrgIds(user);

  const mutation = useMutation({
    mutationFn: createAchievement,
    onSuccess: async (a) => {
      queryClient.setQueryData(achievementKeys.detail(a.id), a);
      void message.success(t.created);
      await queryClient.invalidateQueries({ queryKey: achievementKeys.all });
      await navigate(`/achievements/${a.id}`);
    },
    onError: (error) => showApiError(error, ACHIEVEMENT_CODE_FIELDS),
  });

  const onFinish = (values: AchievementFormValues) => {
    const { body, priceProblems } = toCreateBody(values);
    const data = validateBody(CreateAchievementSchema, body, priceProblems);
    if (data) {
      mutation.mutate(data);
    }
  };

  return (
    <>
      <PageHeader title={t.createTitle} subtitle={t.createSubtitle} />
      <div style={{ maxWidth: 980 }}>
        <FormProblemAlert problem={problem} />
        <Form<AchievementFormValues>
          form={form}
          layout="vertical"
          onFinish={onFinish}
          disabled={mutation.isPending}
          initialValues={{
            ownerOrgId: orgIds[0],
            priceMode: 'negotiable',
            keywords: [],
            transferModes: [],
            ip: [],
            team: [],
            awards: [],
            funding: { fiscal: false },
          }}
          data-testid="achievement-form"
        >
          <AchievementForm form={form} orgPicker={<OwnerOrgField user={user} />} />
          <Flex gap={8}>
            <Button type="primary" htmlType="submit" loading={mutation.isPending} disabled={orgIds.length === 0} data-testid="ach-save">
              {t.save}
            </Button>
            <Button onClick={() => void navigate(-1)}>{t.cancel}</Button>
          </Flex>
        </Form>
      </div>
    </>
  );
}
