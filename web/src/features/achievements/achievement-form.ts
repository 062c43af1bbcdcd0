import type {
  Achievement,
  CreateAchievement,
  IpItem,
  PatchAchievement,
  PRICE_MODES,
  TransferMode,
} from '#shared/contracts/achievements.contract';
import { fenToYuan, yuanToFen } from './money';

type PriceMode = (typeof PRICE_MODES)[number];

/**
 * What the achievement form holds. Field names follow the contract so that validation issues from
 * the schema or the server (`ip.0.number`, `funding.programme`) land on the right input. The two
 * price fields are named after the contract's fen fields but hold 元 as typed; `toAchievementFields`
 * converts them.
 */
export type AchievementFormValues = {
  ownerOrgId?: string;
  externalId?: string | null;
  title?: string;
  abstract?: string;
  detail?: string | null;
  keywords?: string[];
  domainCode?: string | null;
  industryCodes?: string[];
  discipline?: string | null;
  trl?: number | null;
  trlEvidence?: string | null;
  ip?: Partial<Record<keyof IpItem, string>>[];
  team?: { name?: string; role?: string; userId?: string }[];
  regionCode?: string | null;
  funding?: { fiscal?: boolean; programme?: string | null; projectNumber?: string | null };
  awards?: string[];
  transferModes?: TransferMode[];
  priceMode?: PriceMode;
  priceMinFen?: number | string | null;
  priceMaxFen?: number | string | null;
  openLicence?: boolean;
  dualUse?: boolean;
  exportControlled?: boolean;
  comparison?: string | null;
  applications?: string | null;
};

type Mode = 'create' | 'patch';

/** '' and whitespace → absent (create) or null (patch: clears the stored value). */
function text(value: string | null | undefined, mode: Mode): string | null | undefined {
  const t = typeof value === 'string' ? value.trim() : '';
  if (t !== '') {
    return t;
  }
  return mode === 'patch' ? null : undefined;
}

function compactObject<T extends Record<string, unknown>>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

/** Fields whose 元 value could not be read as an amount with at most two decimals. */
export type PriceProblem = 'priceMinFen' | 'priceMaxFen';

/**
 * Form values → the contract fields (without ownerOrgId), prices in integer fen. `create` leaves
 * blank optional fields out; `patch` sends null for them, so clearing an input clears the value.
 */
export function toAchievementFields(
  values: AchievementFormValues,
  mode: Mode,
): { fields: Record<string, unknown>; priceProblems: PriceProblem[] } {
  const priceProblems: PriceProblem[] = [];
  const fen = (field: PriceProblem): number | null => {
    const raw = values[field];
    const blank = raw === null || raw === undefined || (typeof raw === 'string' && raw.trim() === '');
    const out = yuanToFen(raw);
    if (!blank && out === null) {
      priceProblems.push(field);
    }
    return out;
  };
  const priceMode = values.priceMode ?? 'negotiable';
  let priceMinFen: number | null = null;
  let priceMaxFen: number | null = null;
  if (priceMode === 'fixed') {
    priceMinFen = fen('priceMinFen');
    priceMaxFen = priceMinFen;
  } else if (priceMode === 'range') {
    priceMinFen = fen('priceMinFen');
    priceMaxFen = fen('priceMaxFen');
  }
  const absent = mode === 'patch' ? null : undefined;

  const funding = values.funding;
  const programme = text(funding?.programme, 'create');
  const projectNumber = text(funding?.projectNumber, 'create');
  const hasFunding = !!funding?.fiscal || programme !== undefined || projectNumber !== undefined;

  const ip = (values.ip ?? [])
    .map((item) =>
      compactObject({
        kind: item.kind,
        number: text(item.number, 'create'),
        patentType: item.patentType || undefined,
        legalStatus: item.legalStatus || undefined,
        title: text(item.title, 'create'),
      }),
    )
    .filter((item) => Object.keys(item).length > 0);
  const team = (values.team ?? [])
    .map((m) => compactObject({ name: text(m.name, 'create') ?? undefined, role: text(m.role, 'create'), userId: m.userId || undefined }))
    .filter((m) => Object.keys(m).length > 0);

  const fields = {
    externalId: text(values.externalId, mode),
    title: values.title?.trim() ?? '',
    abstract: values.abstract?.trim() ?? '',
    detail: text(values.detail, mode),
    keywords: (values.keywords ?? []).map((k) => k.trim()).filter((k) => k !== ''),
    domainCode: values.domainCode || absent,
    industryCodes: values.industryCodes ?? [],
    discipline: text(values.discipline, mode),
    trl: values.trl ?? absent,
    trlEvidence: text(values.trlEvidence, mode),
    ip,
    team,
    regionCode: values.regionCode || undefined,
    funding: hasFunding ? compactObject({ fiscal: !!funding?.fiscal, programme, projectNumber }) : absent,
    awards: (values.awards ?? []).map((a) => a.trim()).filter((a) => a !== ''),
    transferModes: values.transferModes ?? [],
    priceMode,
    priceMinFen: priceMinFen ?? absent,
    priceMaxFen: priceMaxFen ?? absent,
    openLicence: !!values.openLicence,
    dualUse: !!values.dualUse,
    exportControlled: !!values.exportControlled,
    comparison: text(values.comparison, mode),
    applications: text(values.applications, mode),
  };
  return { fields: mode === 'create' ? compactObject(fields) : fields, priceProblems };
}

/** The body of POST /achievements (to be checked with CreateAchievementSchema). */
export function toCreateBody(values: AchievementFormValues): {
  body: Partial<CreateAchievement> & Record<string, unknown>;
  priceProblems: PriceProblem[];
} {
  const { fields, priceProblems } = toAchievementFields(values, 'create');
  return { body: { ...fields, ownerOrgId: values.ownerOrgId }, priceProblems };
}

/** The body of PATCH /achievements/:id (to be checked with PatchAchievementSchema). */
export function toPatchBody(values: AchievementFormValues): {
  body: PatchAchievement & Record<string, unknown>;
  priceProblems: PriceProblem[];
} {
  const { fields, priceProblems } = toAchievementFields(values, 'patch');
  return { body: fields, priceProblems };
}

/** A stored achievement → form values (fen shown as 元). */
export function fromAchievement(a: Achievement): AchievementFormValues {
  return {
    ownerOrgId: a.ownerOrgId,
    externalId: a.externalId,
    title: a.title,
    abstract: a.abstract,
    detail: a.detail,
    keywords: a.keywords,
    domainCode: a.domainCode,
    industryCodes: a.industryCodes,
    discipline: a.discipline,
    trl: a.trl,
    trlEvidence: a.trlEvidence,
    ip: a.ip.map((item) =>
      compactObject({
        kind: item.kind,
        number: item.number,
        patentType: item.patentType,
        legalStatus: item.legalStatus,
        title: item.title,
      }),
    ),
    team: a.team.map((m) => compactObject({ name: m.name, role: m.role, userId: m.userId })),
    regionCode: a.regionCode,
    funding: a.funding
      ? { fiscal: a.funding.fiscal, programme: a.funding.programme ?? null, projectNumber: a.funding.projectNumber ?? null }
      : { fiscal: false },
    awards: a.awards,
    transferModes: a.transferModes,
    priceMode: a.priceMode,
    priceMinFen: fenToYuan(a.priceMinFen),
    priceMaxFen: fenToYuan(a.priceMaxFen),
    openLicence: a.openLicence,
    dualUse: a.dualUse,
    exportControlled: a.exportControlled,
    comparison: a.comparison,
    applications: a.applications,
  };
}
