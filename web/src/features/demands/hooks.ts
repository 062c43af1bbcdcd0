import type { ZodType } from 'zod';
import { useSchemaForm } from '../../shared/forms/useSchemaForm';
import { useMessages } from '../../shared/i18n/messages';
import type { BudgetProblem, DemandFormValues } from './demand-form';
import { demandMessages } from './messages';

/** The schema form plus the 元-amount check. */
export function useDemandForm() {
  const t = useMessages(demandMessages).form;
  const schemaForm = useSchemaForm<DemandFormValues>();
  const { form, validate } = schemaForm;
  function validateBody<S extends ZodType>(schema: S, body: unknown, problems: BudgetProblem[]) {
    const data = validate(schema, body);
    if (problems.length > 0) {
      form.setFields(problems.map((name) => ({ name, errors: [t.budgetInvalid] })));
      return null;
    }
    return data;
  }
  return { ...schemaForm, validateBody };
}
