import type { Achievement } from '#shared/contracts/achievements.contract';
import { CreateAchievementSchema, PatchAchievementSchema } from '#shared/contracts/achievements.contract';
import { describe, expect, it } from 'vitest';
import { makeUser } from '../../test/factories';
import { availableActions, canEditContent, workflowRolesFor } from './achievement-actions';
import { fromAchievement, toCreateBody, toPatchBody, type AchievementFormValues } from './achievement-form';

const ORG = '11111111-1111-4111-8111-111111111111';

const base: AchievementFormValues = {
  ownerOrgId: ORG,
  title: '  高能量密度固态锂电池  ',
  abstract: '一种硫化物固态电解质及其制备方法，能量密度 400 Wh/kg。',
  keywords: ['固态电池', ' ', '硫化物'],
  trl: 5,
  discipline: '',
  ip: [{ kind: 'patent', number: 'ZL202310123456.7', patentType: 'invention', legalStatus: 'granted', title: '' }, {}],
  team: [
    { name: '陈教授', role: '' },
    { name: '', role: '' },
  ],
  funding: { fiscal: true, programme: '国家重点研发计划', projectNumber: '' },
  priceMode: 'range',
  priceMinFen: '500000',
  priceMaxFen: 1_234_567.89,
  transferModes: ['LICENSE'],
  openLicence: true,
};

describe('toCreateBody', () => {
  it('trims, drops blanks and empty rows, and converts 元 to fen; the result passes the contract', () => {
    const { body, priceProblems } = toCreateBody(base);
    expect(priceProblems).toEqual([]);
    expect(body).toMatchObject({
      ownerOrgId: ORG,
      title: '高能量密度固态锂电池',
      keywords: ['固态电池', '硫化物'],
      ip: [{ kind: 'patent', number: 'ZL202310123456.7', patentType: 'invention', legalStatus: 'granted' }],
      team: [{ name: '陈教授' }],
      funding: { fiscal: true, programme: '国家重点研发计划' },
      priceMinFen: 50_000_000,
      priceMaxFen: 123_456_789,
      openLicence: true,
      dualUse: false,
    });
    expect(body).not.toHaveProperty('discipline');
    expect(CreateAchievementSchema.safeParse(body).success).toBe(true);
  });

  it('uses one amount for a fixed price and none when negotiable', () => {
    expect(toCreateBody({ ...base, priceMode: 'fixed', priceMinFen: 88.8 }).body).toMatchObject({ priceMinFen: 8880, priceMaxFen: 8880 });
    const negotiable = toCreateBody({ ...base, priceMode: 'negotiable' }).body;
    expect(negotiable).not.toHaveProperty('priceMinFen');
    expect(negotiable).not.toHaveProperty('priceMaxFen');
  });

  it('reports unreadable amounts by field instead of sending them', () => {
    const { body, priceProblems } = toCreateBody({ ...base, priceMinFen: '12.345', priceMaxFen: '-3' });
    expect(priceProblems).toEqual(['priceMinFen', 'priceMaxFen']);
    expect(body).not.toHaveProperty('priceMinFen');
  });

  it('leaves validation to the schema: a too-short title fails on its own path', () => {
    const result = CreateAchievementSchema.safeParse(toCreateBody({ ...base, title: 'x' }).body);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join('.'))).toEqual(['title']);
  });
});

describe('toPatchBody / fromAchievement', () => {
  const stored = {
    id: '22222222-2222-4222-8222-222222222222',
    ownerOrgId: ORG,
    externalId: null,
    title: '旧标题',
    abstract: '这是一个足够长的公开摘要文本。',
    detail: '保密内容',
    keywords: ['a'],
    domainCode: 'TD01',
    industryCodes: ['3841'],
    discipline: '材料科学',
    trl: 6,
    trlEvidence: null,
    ip: [],
    team: [{ name: '张三', userId: '33333333-3333-4333-8333-333333333333' }],
    regionCode: '110108',
    funding: null,
    awards: [],
    transferModes: ['ASSIGN'],
    priceMode: 'fixed',
    priceMinFen: 1234,
    priceMaxFen: 1234,
    openLicence: false,
    dualUse: false,
    exportControlled: false,
    comparison: null,
    applications: null,
  } as unknown as Achievement;

  it('round-trips a stored listing, keeping team user ids and showing fen as 元', () => {
    const values = fromAchievement(stored);
    expect(values.priceMinFen).toBe(12.34);
    const { body } = toPatchBody(values);
    expect(body).toMatchObject({
      title: '旧标题',
      priceMinFen: 1234,
      priceMaxFen: 1234,
      team: [{ name: '张三', userId: '33333333-3333-4333-8333-333333333333' }],
    });
    expect(PatchAchievementSchema.safeParse(body).success).toBe(true);
  });

  it('sends null for cleared optional fields so the server clears them', () => {
    const { body } = toPatchBody({
      ...fromAchievement(stored),
      discipline: '  ',
      domainCode: undefined,
      trl: null,
      detail: '',
      priceMode: 'negotiable',
    });
    expect(body).toMatchObject({
      discipline: null,
      domainCode: null,
      trl: null,
      detail: null,
      priceMinFen: null,
      priceMaxFen: null,
      funding: null,
    });
    expect(PatchAchievementSchema.safeParse(body).success).toBe(true);
  });
});

describe('workflow buttons', () => {
  const listing = { ownerOrgId: ORG, regionCode: '110108' };

  it('gives members editor actions and TTO officers the review actions', () => {
    const member = { ...makeUser([]), organisationIds: [ORG] };
    expect(workflowRolesFor(member, listing)).toEqual(['editor']);
    expect(availableActions('draft', ['editor'])).toEqual(['submit', 'archive']);
    expect(availableActions('submitted', ['editor'])).toEqual(['withdraw']);
    const tto = makeUser([{ role: 'tto_officer', organisationId: ORG }]);
    expect(workflowRolesFor(tto, listing)).toEqual(['reviewer']);
    expect(availableActions('submitted', ['reviewer'])).toEqual(['approve', 'return']);
    expect(availableActions('published', ['reviewer'])).toEqual(['withdraw', 'confirm']);
  });

  it('gives outsiders nothing and region admins moderation only', () => {
    expect(workflowRolesFor(null, listing)).toEqual([]);
    expect(workflowRolesFor(makeUser([]), listing)).toEqual([]);
    const admin = makeUser([{ role: 'regional_admin', regionCode: '110000' }]);
    expect(workflowRolesFor(admin, listing)).toEqual(['admin']);
    expect(availableActions('published', ['admin'])).toEqual(['withdraw']);
    expect(canEditContent('draft', ['admin'])).toBe(false);
    expect(canEditContent('withdrawn', ['editor'])).toBe(true);
    expect(canEditContent('published', ['editor'])).toBe(false);
  });
});
