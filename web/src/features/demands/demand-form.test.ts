import { CreateDemandSchema, UpdateDemandSchema, type Demand } from '#shared/contracts/demands.contract';
import { describe, expect, it } from 'vitest';
import { demandActions, fromDemand, toCreateDemandBody, toUpdateDemandBody } from './demand-form';

const ORG = '11111111-1111-4111-8111-111111111111';

describe('demand form mapping', () => {
  it('builds a create body with the budget in fen that passes the contract', () => {
    const { body, problems } = toCreateDemandBody({
      ownerOrgId: ORG,
      title: ' 低温锂电池放电性能提升 ',
      description: '电动工具在零下 20 度放电容量衰减超过 40%，需要改进电解液或正极材料。',
      keywords: ['锂电池', ''],
      budgetMinFen: 100000,
      budgetMaxFen: '500000.5',
      trlNeeded: 6,
      cooperationModes: ['LICENSE'],
      externalId: '  ',
    });
    expect(problems).toEqual([]);
    expect(body).toMatchObject({
      title: '低温锂电池放电性能提升',
      keywords: ['锂电池'],
      budgetMinFen: 10_000_000,
      budgetMaxFen: 50_000_050,
      trlNeeded: 6,
    });
    expect(body).not.toHaveProperty('externalId');
    expect(CreateDemandSchema.safeParse(body).success).toBe(true);
  });

  it('flags unreadable budgets', () => {
    expect(toCreateDemandBody({ budgetMinFen: 'abc', budgetMaxFen: '1.001' }).problems).toEqual(['budgetMinFen', 'budgetMaxFen']);
  });

  it('round-trips a stored demand and clears emptied fields with null', () => {
    const stored = {
      ownerOrgId: ORG,
      externalId: 'D-1',
      title: '需求',
      description: '足够长的需求描述文字内容。',
      keywords: [],
      domainCode: 'TD02',
      industryCodes: [],
      regionCode: '440305',
      budgetMinFen: 123,
      budgetMaxFen: null,
      trlNeeded: 5,
      deadline: '2030-01-01',
      cooperationModes: [],
    } as unknown as Demand;
    const values = fromDemand(stored);
    expect(values.budgetMinFen).toBe(1.23);
    const { body } = toUpdateDemandBody({ ...values, domainCode: undefined, deadline: '', externalId: '' });
    expect(body).toMatchObject({
      budgetMinFen: 123,
      budgetMaxFen: null,
      domainCode: null,
      deadline: null,
      externalId: null,
      regionCode: '440305',
    });
    expect(UpdateDemandSchema.safeParse(body).success).toBe(true);
  });

  it('offers the workflow actions of the status to editors only', () => {
    expect(demandActions('draft', true)).toEqual(['publish']);
    expect(demandActions('published', true)).toEqual(['close', 'withdraw']);
    expect(demandActions('closed', true)).toEqual([]);
    expect(demandActions('published', false)).toEqual([]);
  });
});
