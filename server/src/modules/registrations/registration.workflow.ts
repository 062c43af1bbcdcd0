import type { RegistrationAction, RegistrationStatus } from '#shared/contracts/registrations.contract';
import { nextByTable, type TransitionRow, type TransitionResult } from '#server/lib/transition-table';

/**
 * Who acts on a registration: `applicant` (owner/admin/TTO officer of the applying organisation —
 * the seller, or the domestic buyer of a technology import) and `registrar` (a registrar whose
 * region covers the registration point; platform administrators too).
 */
export type RegistrationRole = 'applicant' | 'registrar';

type Row = TransitionRow<RegistrationStatus, RegistrationAction, RegistrationRole>;

/**
 * draft → submitted → registered | rejected | returned (→ submitted again after correction);
 * the applicant may withdraw before a decision. A registered contract may be changed (变更登记) or
 * cancelled (撤销) at its point: the applicant requests (change_requested), the registrar approves
 * or declines; a registrar may also amend or cancel directly (e.g. on a finance or tax authority's
 * objection). rejected, withdrawn and cancelled are final.
 */
export const REGISTRATION_TRANSITIONS: readonly Row[] = [
  { from: 'draft', action: 'submit', to: 'submitted', by: ['applicant'] },
  { from: 'returned', action: 'submit', to: 'submitted', by: ['applicant'] },
  { from: 'draft', action: 'withdraw', to: 'withdrawn', by: ['applicant'] },
  { from: 'submitted', action: 'withdraw', to: 'withdrawn', by: ['applicant'] },
  { from: 'returned', action: 'withdraw', to: 'withdrawn', by: ['applicant'] },
  { from: 'submitted', action: 'return', to: 'returned', by: ['registrar'] },
  { from: 'submitted', action: 'register', to: 'registered', by: ['registrar'] },
  { from: 'submitted', action: 'reject', to: 'rejected', by: ['registrar'] },
  { from: 'registered', action: 'request_change', to: 'change_requested', by: ['applicant'] },
  { from: 'change_requested', action: 'approve_amendment', to: 'registered', by: ['registrar'] },
  { from: 'change_requested', action: 'approve_cancellation', to: 'cancelled', by: ['registrar'] },
  { from: 'change_requested', action: 'decline_change', to: 'registered', by: ['registrar'] },
  { from: 'registered', action: 'amend', to: 'registered', by: ['registrar'] },
  { from: 'registered', action: 'cancel', to: 'cancelled', by: ['registrar'] },
];

/** The next status for an action by someone holding `roles`, or why not. Pure. */
export function nextRegistrationStatus(from: RegistrationStatus, action: RegistrationAction, roles: readonly RegistrationRole[]): TransitionResult<RegistrationStatus> {
  return nextByTable(REGISTRATION_TRANSITIONS, from, action, roles);
}

/** The actions someone holding `roles` may take from `from` (for the client's buttons). Pure. */
export function allowedRegistrationActions(from: RegistrationStatus, roles: readonly RegistrationRole[]): RegistrationAction[] {
  return REGISTRATION_TRANSITIONS.filter((r) => r.from === from && r.by.some((b) => roles.includes(b))).map((r) => r.action);
}
