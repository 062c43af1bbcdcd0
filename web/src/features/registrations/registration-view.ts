import type { Finding, Registration, RegistrationAction, RegistrationStatus } from '#shared/contracts/registrations.contract';
import { chinaToday } from '#shared/format/china-time';
import type { Lang } from '../../shared/i18n/lang-store';
import { formatFen } from '../achievements/money';

/** AntD Tag colours of the registration statuses. */
export const STATUS_COLORS: Record<RegistrationStatus, string> = {
  draft: 'default',
  submitted: 'processing',
  returned: 'warning',
  registered: 'success',
  rejected: 'error',
  withdrawn: 'default',
  change_requested: 'purple',
  cancelled: 'volcano',
};

export function statusColor(status: RegistrationStatus): string {
  return STATUS_COLORS[status];
}

/** AntD colours of rule-check findings: errors red, warnings gold, information blue. */
export const SEVERITY_COLORS: Record<Finding['severity'], string> = { error: 'red', warning: 'gold', info: 'blue' };

/** Findings most severe first (errors, warnings, information), in their original order within a severity. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  const rank: Record<Finding['severity'], number> = { error: 0, warning: 1, info: 2 };
  return findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => rank[a.f.severity] - rank[b.f.severity] || a.i - b.i)
    .map(({ f }) => f);
}

/** Statuses in which the application may still be corrected by its applicant. */
const EDITABLE: readonly RegistrationStatus[] = ['draft', 'returned'];
/** Statuses whose registration stands (a change request does not suspend it). */
const CERTIFIED: readonly RegistrationStatus[] = ['registered', 'change_requested'];

/** The buttons of the detail page, in the order they are shown. */
export type DetailAction = 'edit' | 'submit' | 'withdraw' | 'decide' | 'change_request' | 'change_decision' | 'certificate';

/**
 * Which buttons the detail page shows, from the server's `allowedActions`. Editing has no action of
 * its own: whoever may submit a draft or returned application (its applicant) may also correct it.
 * The certificate is offered while the registration stands.
 */
export function detailActions(r: Pick<Registration, 'status' | 'allowedActions' | 'registrationNo'>): DetailAction[] {
  const allowed = new Set<RegistrationAction>(r.allowedActions);
  const out: DetailAction[] = [];
  if (EDITABLE.includes(r.status) && allowed.has('submit')) {
    out.push('edit');
  }
  if (allowed.has('submit')) {
    out.push('submit');
  }
  if (allowed.has('withdraw')) {
    out.push('withdraw');
  }
  if (decisionChoices(r.allowedActions).length > 0) {
    out.push('decide');
  }
  if (changeKinds(r.allowedActions).length > 0) {
    out.push('change_request');
  }
  if (allowed.has('approve_amendment') || allowed.has('approve_cancellation') || allowed.has('decline_change')) {
    out.push('change_decision');
  }
  if (r.registrationNo && CERTIFIED.includes(r.status)) {
    out.push('certificate');
  }
  return out;
}

export type DecisionChoice = 'register' | 'return' | 'reject';

/** The registrar's choices in the decision dialog, in display order. */
export function decisionChoices(allowed: readonly RegistrationAction[]): DecisionChoice[] {
  return (['register', 'return', 'reject'] as const).filter((a) => allowed.includes(a));
}

/** Kinds of change the caller may ask for (applicant: `request_change`) or make (registrar: `amend`, `cancel`). */
export function changeKinds(allowed: readonly RegistrationAction[]): ('amend' | 'cancel')[] {
  const any = allowed.includes('request_change');
  return (['amend', 'cancel'] as const).filter((k) => any || allowed.includes(k));
}

/** Whether the registrar may approve the pending change (by its kind) and decline it. */
export function changeDecisionChoices(
  allowed: readonly RegistrationAction[],
  pendingKind: 'amend' | 'cancel' | null | undefined,
): { approve: boolean; decline: boolean } {
  const approve =
    (pendingKind === 'amend' && allowed.includes('approve_amendment')) ||
    (pendingKind === 'cancel' && allowed.includes('approve_cancellation'));
  return { approve, decline: allowed.includes('decline_change') };
}

/**
 * A fen amount given as a decimal string (tax effects, statistics), formatted exactly with BigInt:
 * small enough amounts as `formatFen` does ('¥500 万'), larger ones digit by digit.
 */
export function formatFenText(fen: string | null | undefined, lang: Lang): string {
  if (fen === null || fen === undefined || !/^-?\d+$/.test(fen.trim())) {
    return '—';
  }
  const value = BigInt(fen.trim());
  if (value <= BigInt(Number.MAX_SAFE_INTEGER) && value >= -BigInt(Number.MAX_SAFE_INTEGER)) {
    const n = Number(value);
    return n < 0 ? `-${formatFen(-n, lang)}` : formatFen(n, lang);
  }
  const negative = value < 0n;
  const abs = negative ? -value : value;
  const whole = (abs / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const cents = (abs % 100n).toString().padStart(2, '0');
  return `${negative ? '-' : ''}¥${whole}.${cents}`;
}

/** Contract fields that hold fen (formatted as money in change lists). */
const FEN_FIELDS = new Set(['contractAmountFen', 'techAmountFen', 'expectedInvestmentFen', 'expectedOutputFen', 'recognisedTechAmountFen']);

/** Names of coded values (sub-types, IP types, …) for change lists; undefined when `code` has none. */
export type CodeNamer = (field: string, code: string) => string | undefined;

/**
 * One side of a recorded field change (history, pending amendment) as text: money for fen fields,
 * coded values by name, lists joined, parties by name, cost lines and payments with their amounts,
 * '—' for nothing.
 */
export function formatChangeValue(field: string, value: unknown, lang: Lang, codeName?: CodeNamer): string {
  if (value === null || value === undefined || value === '') {
    return '—';
  }
  if (FEN_FIELDS.has(field) && typeof value === 'number') {
    return formatFen(value, lang);
  }
  if (Array.isArray(value)) {
    return value.length === 0 ? '—' : value.map((v) => formatChangeValue(field, v, lang, codeName)).join(lang === 'zh' ? '、' : ', ');
  }
  if (typeof value === 'object') {
    const o = value as Record<string, unknown>;
    // A cost line or a payment: its label and amount.
    if (typeof o['amountFen'] === 'number') {
      const label = typeof o['item'] === 'string' ? o['item'] : typeof o['dueOn'] === 'string' ? o['dueOn'] : '';
      return `${label} ${formatFen(o['amountFen'], lang)}`.trim();
    }
    // A party: its name.
    if (typeof o['name'] === 'string') {
      return o['name'];
    }
    return JSON.stringify(value);
  }
  if (typeof value === 'string') {
    return codeName?.(field, value) ?? value;
  }
  if (typeof value === 'boolean') {
    return value ? (lang === 'zh' ? '是' : 'yes') : lang === 'zh' ? '否' : 'no';
  }
  return typeof value === 'number' ? String(value) : JSON.stringify(value);
}

/** Years for the list filter: this year and the nine before it, newest first. */
export function yearOptions(now: Date): number[] {
  // Registration years are China years.
  const year = Number(chinaToday(now).slice(0, 4));
  return Array.from({ length: 10 }, (_, i) => year - i);
}

/** A 16-digit registration number as typed (spaces and dashes allowed), or null when it is not one. */
export function normaliseRegistrationNo(input: string | null | undefined): string | null {
  const digits = (input ?? '').replace(/[\s-]/g, '');
  return /^\d{16}$/.test(digits) ? digits : null;
}

export type StepKey = 'apply' | 'review' | 'register' | 'change';
export type RegistrationSteps = { keys: StepKey[]; current: number; status: 'process' | 'finish' | 'error' | 'wait' };

/**
 * The workflow as AntD Steps: 申请 → 审核 → 登记, plus 变更/撤销 once a change is asked for.
 * A returned application stops at review, a refused one at registration, a withdrawn one at its start.
 */
export function registrationSteps(status: RegistrationStatus): RegistrationSteps {
  const base: StepKey[] = ['apply', 'review', 'register'];
  switch (status) {
    case 'draft':
      return { keys: base, current: 0, status: 'process' };
    case 'withdrawn':
      return { keys: base, current: 0, status: 'error' };
    case 'submitted':
      return { keys: base, current: 1, status: 'process' };
    case 'returned':
      return { keys: base, current: 1, status: 'error' };
    case 'rejected':
      return { keys: base, current: 2, status: 'error' };
    case 'registered':
      return { keys: base, current: 2, status: 'finish' };
    case 'change_requested':
      return { keys: [...base, 'change'], current: 3, status: 'process' };
    case 'cancelled':
      return { keys: [...base, 'change'], current: 3, status: 'finish' };
  }
}
