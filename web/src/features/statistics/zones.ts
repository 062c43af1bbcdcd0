import type { Flow } from '#shared/contracts/statistics.contract';
import { parseFen } from './stat-format';

// Region-to-region flows folded into 东部/中部/西部/东北/港澳台/境外 (domain-cn §5.1). Technology
// moves from the east to the centre and the west: the net outflow (输出 − 吸纳 across zones) shows it.

const ZONE_ORDER: readonly (readonly string[])[] = [
  ['east', '东部'],
  ['central', '中部'],
  ['west', '西部'],
  ['northeast', '东北'],
  ['hmt', '港澳台'],
  ['abroad', '境外', '000000'],
];

/** Position of a zone in the yearbook's order (unknown zones go last, in their own order). */
export function zoneRank(code: string, name: string): number {
  const i = ZONE_ORDER.findIndex((aliases) => aliases.includes(code) || aliases.includes(name));
  return i < 0 ? ZONE_ORDER.length : i;
}

export type ZoneSummary = {
  code: string;
  name: string;
  /** Contracts whose seller and buyer are both in the zone. */
  internalCount: number;
  internalFen: string;
  /** To other zones (输出) and from other zones (吸纳). */
  outCount: number;
  outFen: string;
  inCount: number;
  inFen: string;
  /** outFen − inFen: positive for a net exporter of technology. */
  netFen: string;
};

export type ZoneMatrix = {
  zones: { code: string; name: string }[];
  /** amount in fen of the flow from → to, '0' when there is none */
  amount: (from: string, to: string) => string;
  count: (from: string, to: string) => number;
  summaries: ZoneSummary[];
};

/** The zone-to-zone table and each zone's net flow, summed with BigInt. */
export function buildZoneMatrix(flows: readonly Flow[]): ZoneMatrix {
  const zones = new Map<string, { code: string; name: string; firstSeen: number }>();
  const cells = new Map<string, { count: number; fen: bigint }>();
  const note = (code: string, name: string) => {
    if (!zones.has(code)) {
      zones.set(code, { code, name, firstSeen: zones.size });
    }
  };
  for (const f of flows) {
    note(f.from, f.fromName);
    note(f.to, f.toName);
    const key = `${f.from}>${f.to}`;
    const cell = cells.get(key) ?? { count: 0, fen: 0n };
    cell.count += f.count;
    cell.fen += parseFen(f.amountFen) ?? 0n;
    cells.set(key, cell);
  }
  const ordered = [...zones.values()].sort((a, b) => zoneRank(a.code, a.name) - zoneRank(b.code, b.name) || a.firstSeen - b.firstSeen);
  const summaries = ordered.map(({ code, name }) => {
    let internal = { count: 0, fen: 0n };
    const out = { count: 0, fen: 0n };
    const into = { count: 0, fen: 0n };
    for (const [key, cell] of cells) {
      const [from, to] = key.split('>');
      if (from === code && to === code) {
        internal = cell;
      } else if (from === code) {
        out.count += cell.count;
        out.fen += cell.fen;
      } else if (to === code) {
        into.count += cell.count;
        into.fen += cell.fen;
      }
    }
    return {
      code,
      name,
      internalCount: internal.count,
      internalFen: internal.fen.toString(),
      outCount: out.count,
      outFen: out.fen.toString(),
      inCount: into.count,
      inFen: into.fen.toString(),
      netFen: (out.fen - into.fen).toString(),
    };
  });
  return {
    zones: ordered.map(({ code, name }) => ({ code, name })),
    amount: (from, to) => (cells.get(`${from}>${to}`)?.fen ?? 0n).toString(),
    count: (from, to) => cells.get(`${from}>${to}`)?.count ?? 0,
    summaries,
  };
}
