import type { ErrorCode } from '#shared/errors';
import { errorMessage } from '#shared/i18n/error-messages';
import type { ZodType, output } from 'zod';
import type { FieldPath } from '../../../shared/forms/form-errors';
import { useSchemaForm } from '../../../shared/forms/useSchemaForm';
import { useLang } from '../../../shared/i18n/useLang';
import { hasBadCreditCodeChecksum, toOrganisationBody, type OrganisationFormValues } from '../organisation-form';

/** Error codes of the organisations API that belong to one form field. */
export const ORGANISATION_CODE_FIELDS: Partial<Record<ErrorCode, FieldPath>> = {
  'organisation/credit_code_invalid': ['creditCode'],
  'organisation/credit_code_taken': ['creditCode'],
  'region/unknown_code': ['regionCode'],
};

/**
 * The organisation form: contract-schema validation plus the credit-code check character
 * (shared/format/credit-code), so a typo is caught before the round trip.
 */
export function useOrganisationForm() {
  const lang = useLang();
  const schemaForm = useSchemaForm<OrganisationFormValues>();
  const { form, validate } = schemaForm;

  function validateOrganisation<S extends ZodType>(schema: S, values: OrganisationFormValues): output<S> | null {
    const data = validate(schema, toOrganisationBody(values));
    // Checked even when other fields failed, so every problem shows at once; a format error
    // from the schema is more useful than a checksum error and is left in place.
    const hasFormatError = form.getFieldError('creditCode').length > 0;
    if (!hasFormatError && hasBadCreditCodeChecksum(values.creditCode)) {
      form.setFields([{ name: 'creditCode', errors: [errorMessage('organisation/credit_code_invalid', lang)] }]);
      return null;
    }
    return data;
  }

  return { ...schemaForm, validateOrganisation };
}
