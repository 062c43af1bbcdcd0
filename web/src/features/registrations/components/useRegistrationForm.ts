import {
  CreateRegistrationSchema,
  UpdateRegistrationSchema,
  type CreateRegistration,
  type UpdateRegistration,
} from '#shared/contracts/registrations.contract';
import type { ErrorCode } from '#shared/errors';
import { useCallback } from 'react';
import { isApiError } from '../../../shared/api/api-error';
import { groupIssues, type FieldPath } from '../../../shared/forms/form-errors';
import { useSchemaForm } from '../../../shared/forms/useSchemaForm';
import { useMessages } from '../../../shared/i18n/messages';
import { registrationMessages } from '../messages';
import { toRegistrationBody, type RegistrationFormValues } from '../registration-form';

/** Registration errors that belong to one field of the form. */
const CODE_FIELDS: Partial<Record<ErrorCode, FieldPath>> = {
  'registration/amounts_inconsistent': ['techAmountFen'],
  'registration/payment_schedule_mismatch': ['paymentScheduleTotal'],
  'registration/dates_out_of_order': ['validTo'],
};

/**
 * The registration form: `build` turns the values into a checked body (local amount and party
 * checks, then the contract schema), marking every problem on its field; `showError` puts an API
 * failure on the fields it names and shows the rest above the form.
 */
export function useRegistrationForm() {
  const t = useMessages(registrationMessages);
  const sf = useSchemaForm<RegistrationFormValues>();
  const { form, validate, showApiError } = sf;

  function build(values: RegistrationFormValues, mode: 'create'): CreateRegistration | null;
  function build(values: RegistrationFormValues, mode: 'update'): UpdateRegistration | null;
  function build(values: RegistrationFormValues, mode: 'create' | 'update'): CreateRegistration | UpdateRegistration | null {
    const { body, problems } = toRegistrationBody(values);
    const data = mode === 'create' ? validate(CreateRegistrationSchema, body) : validate(UpdateRegistrationSchema, body);
    if (problems.length > 0) {
      form.setFields(problems.map((p) => ({ name: p.name as never, errors: [t.form.problems[p.code]] })));
      return null;
    }
    return data;
  }

  const showError = useCallback(
    (error: unknown) => {
      showApiError(error, CODE_FIELDS);
      // Domain errors may carry field issues too (details.issues with paths): mark those fields as well.
      if (isApiError(error) && error.code !== 'common/validation_failed' && error.issues.length > 0) {
        const registered = form.getFieldsError().map((f) => f.name);
        const { fields } = groupIssues(error.issues, registered);
        form.setFields(fields.map((f) => ({ name: f.name as never, errors: f.errors })));
      }
    },
    [form, showApiError],
  );

  return { ...sf, build, showError };
}
