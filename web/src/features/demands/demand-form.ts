import type { TransferMode } from '#shared/contracts/achievements.contract';
import type { CreateDemand, Demand, UpdateDemand } from '#shared/contracts/demands.contract';
import type { DemandAction, DemandStatus } from '#shared/contracts/demands.contract';
import { fenToYuan, yuanToFen } from '../achievements/money';

/** The demand form; the budget fields are named after the contract's fen fields but hold 元. */
export type DemandFormValues = {
  ownerOrgId?: string;
  externalId?: string | null;
  title?: string;
  description?: string;
  keywords?: string[];
  domainCode?: string | null;
  industryCodes?: string[];
  regionCode?: string | null;
  budgetMinFen?: number | string | null;
  budgetMaxFen?: number | string | null;
  trlNeeded?: number | null;
  /** YYYY-MM-DD */
  deadline?: string | null;
  cooperationModes?: TransferMode[];
};

export type BudgetProblem = 'budgetMinFen' | 'budgetMaxFen';

function text(value: string | null | undefined): string | undefined {
  const t = typeof value === 'string' ? value.trim() : '';
  return t === '' ? undefined : t;
}

function money(values: DemandFormValues, field: BudgetProblem, problems: BudgetProblem[]): number | undefined {
  const raw = values[field];
  const blank = raw === null || raw === undefined || (typeof raw === 'string' && raw.trim() === '');
  const fen = yuanToFen(raw);
  if (!blank && fen === null) {
    problems.push(field);
  }
  return fen ?? undefined;
}

/** POST /demands body; blank optional fields are left out. */
export function toCreateDemandBody(values: DemandFormValues): {
  body: Partial<CreateDemand> & Record<string, unknown>;
  problems: BudgetProblem[];
} {
  const problems: BudgetProblem[] = [];
  const body = {
    ownerOrgId: values.ownerOrgId,
    externalId: text(values.externalId),
    title: values.title?.trim() ?? '',
    description: values.description?.trim() ?? '',
    keywords: (values.keywords ?? []).map((k) => k.trim()).filter((k) => k !== ''),
    domainCode: values.domainCode || undefined,
    industryCodes: values.industryCodes ?? [],
    regionCode: values.regionCode || undefined,
    budgetMinFen: money(values, 'budgetMinFen', problems),
    budgetMaxFen: money(values, 'budgetMaxFen', problems),
    trlNeeded: values.trlNeeded ?? undefined,
    deadline: values.deadline || undefined,
    cooperationModes: values.cooperationModes ?? [],
  };
  return { body: Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined)), problems };
}

/** PATCH /demands/:id body: every field sent, cleared optional ones as null. */
export function toUpdateDemandBody(values: DemandFormValues): { body: UpdateDemand & Record<string, unknown>; problems: BudgetProblem[] } {
  const problems: BudgetProblem[] = [];
  const body = {
    externalId: text(values.externalId) ?? null,
    title: values.title?.trim() ?? '',
    description: values.description?.trim() ?? '',
    keywords: (values.keywords ?? []).map((k) => k.trim()).filter((k) => k !== ''),
    domainCode: values.domainCode || null,
    industryCodes: values.industryCodes ?? [],
    ...(values.regionCode ? { regionCode: values.regionCode } : {}),
    budgetMinFen: money(values, 'budgetMinFen', problems) ?? null,
    budgetMaxFen: money(values, 'budgetMaxFen', problems) ?? null,
    trlNeeded: values.trlNeeded ?? null,
    deadline: values.deadline || null,
    cooperationModes: values.cooperationModes ?? [],
  };
  return { body, problems };
}

export function fromDemand(d: Demand): DemandFormValues {
  return {
    ownerOrgId: d.ownerOrgId,
    externalId: d.externalId,
    title: d.title,
    description: d.description,
    keywords: d.keywords,
    domainCode: d.domainCode,
    industryCodes: d.industryCodes,
    regionCode: d.regionCode,
    budgetMinFen: fenToYuan(d.budgetMinFen),
    budgetMaxFen: fenToYuan(d.budgetMaxFen),
    trlNeeded: d.trlNeeded,
    deadline: d.deadline,
    cooperationModes: d.cooperationModes,
  };
}

// Mirror of server/src/modules/demands/demand.workflow.ts (what to show; the server decides).
const TRANSITIONS: readonly { from: DemandStatus; action: DemandAction }[] = [
  { from: 'draft', action: 'publish' },
  { from: 'withdrawn', action: 'publish' },
  { from: 'published', action: 'close' },
  { from: 'published', action: 'withdraw' },
];

/** Actions for the demand's editors (`canEdit` from the API) in its status. */
export function demandActions(status: DemandStatus, canEdit: boolean): DemandAction[] {
  return canEdit ? TRANSITIONS.filter((t) => t.from === status).map((t) => t.action) : [];
}
