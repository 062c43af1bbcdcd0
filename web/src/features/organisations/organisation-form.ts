import type { Organisation, OrganisationType } from '#shared/contracts/organisations.contract';
import { isValidCreditCode } from '#shared/format/credit-code';
import { blankToUndefined } from '../../shared/forms/form-errors';
import { FLAG_KEYS } from './organisations.columns';

type FlagKey = (typeof FLAG_KEYS)[number];

/** What the organisation form holds; `flags` is a checkbox group, the API wants an object. */
export type OrganisationFormValues = {
  name?: string;
  type?: OrganisationType;
  enterpriseOwnership?: 'domestic' | 'hmt' | 'foreign';
  creditCode?: string;
  regionCode?: string;
  address?: string;
  website?: string;
  description?: string;
  flags?: FlagKey[];
};

/** Form values → request body (before schema validation). */
export function toOrganisationBody(values: OrganisationFormValues): Record<string, unknown> {
  const { flags = [], ...rest } = values;
  const body: Record<string, unknown> = blankToUndefined(rest);
  // Ownership only describes enterprises.
  if (body['type'] !== 'enterprise') {
    body['enterpriseOwnership'] = undefined;
  }
  body['flags'] = Object.fromEntries(FLAG_KEYS.map((k) => [k, flags.includes(k)]));
  return body;
}

/** An organisation → the form's initial values (edit dialog). */
export function toOrganisationFormValues(org: Organisation): OrganisationFormValues {
  return {
    name: org.name,
    type: org.type,
    enterpriseOwnership: org.enterpriseOwnership ?? undefined,
    creditCode: org.creditCode ?? undefined,
    regionCode: org.regionCode,
    address: org.address ?? undefined,
    website: org.website ?? undefined,
    description: org.description ?? undefined,
    flags: FLAG_KEYS.filter((k) => org.flags[k]),
  };
}

/** True when a (format-valid) credit code fails its GB 32100 check character; absent codes pass. */
export function hasBadCreditCodeChecksum(creditCode: string | undefined): boolean {
  return !!creditCode && !isValidCreditCode(creditCode);
}
