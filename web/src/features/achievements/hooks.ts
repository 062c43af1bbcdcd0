import type { ZodType } from 'zod';
import { useMessages } from '../../shared/i18n/messages';
import { useSchemaForm } from '../../shared/forms/useSchemaForm';
import type { AchievementFormValues, PriceProblem } from './achievement-form';
import { achievementMessages } from './messages';

/** The schema form plus the 元-amount check that the contract cannot see. */
export function useAchievementForm() {
  const t = useMessages(achievementMessages).form;
  const schemaForm = useSchemaForm<AchievementFormValues>();
  const { form, validate } = schemaForm;

  function validateBody<S extends ZodType>(schema: S, body: unknown, priceProblems: PriceProblem[]) {
    const data = validate(schema, body);
    if (priceProblems.length > 0) {
      form.setFields(priceProblems.map((name) => ({ name, errors: [t.priceInvalid] })));
      return null;
    }
    return data;
  }
  return { ...schemaForm, validateBody };
}
