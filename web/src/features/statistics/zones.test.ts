import type { Flow } from '#shared/contracts/statistics.contract';
import { describe, expect, it } from 'vitest';
import { buildZoneMatrix, zoneRank } from './zones';

const flow = (from: string, fromName: string, to: string, toName: string, count: number, amountFen: string): Flow => ({
  from,
  fromName,
  to,
  toName,
  count,
  amountFen,
  techAmountFen: amountFen,
});

const flows: Flow[] = [
  flow('west', '西部', 'east', '东部', 1, '100'),
  flow('east', '东部', 'east', '东部', 10, '9007199254740993'),
  flow('east', '东部', 'central', '中部', 4, '5000'),
  flow('east', '东部', 'west', '西部', 3, '3000'),
  flow('central', '中部', 'west', '西部', 2, '1000'),
  flow('abroad', '境外', 'east', '东部', 1, '700'),
];

describe('buildZoneMatrix', () => {
  const m = buildZoneMatrix(flows);

  it('orders zones as the yearbook does: east, centre, west, north-east, HK/Macao/Taiwan, abroad', () => {
    expect(m.zones.map((z) => z.name)).toEqual(['东部', '中部', '西部', '境外']);
    expect(zoneRank('x', '东北')).toBe(3);
    expect(zoneRank('unknown', '?')).toBe(6);
  });

  it('reads cells and leaves missing ones at zero', () => {
    expect(m.amount('east', 'east')).toBe('9007199254740993');
    expect(m.count('east', 'central')).toBe(4);
    expect(m.amount('central', 'east')).toBe('0');
    expect(m.count('west', 'central')).toBe(0);
  });

  it('gives each zone its internal, outgoing, incoming and net flow: east exports, west imports', () => {
    const byName = Object.fromEntries(m.summaries.map((s) => [s.name, s]));
    expect(byName['东部']).toMatchObject({
      internalCount: 10,
      internalFen: '9007199254740993',
      outCount: 7,
      outFen: '8000',
      inCount: 2,
      inFen: '800',
      netFen: '7200',
    });
    expect(byName['中部']).toMatchObject({ outFen: '1000', inFen: '5000', netFen: '-4000' });
    expect(byName['西部']).toMatchObject({ outFen: '100', inFen: '4000', netFen: '-3900' });
    expect(byName['境外']).toMatchObject({ outFen: '700', inFen: '0', netFen: '700' });
  });

  it('is empty for no flows', () => {
    const empty = buildZoneMatrix([]);
    expect(empty.zones).toEqual([]);
    expect(empty.summaries).toEqual([]);
  });
});
