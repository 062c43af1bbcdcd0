import ExcelJS from 'exceljs';
import type { AnnualReport, Flow, RegionRow, StatDimension, StatRow } from '#shared/contracts/statistics.contract';
import { escapeFormula } from '#server/modules/imports/index';

/** Table titles of the annual report, in the order of the yearbook's technology-market part. */
export const TABLE_TITLES: Record<StatDimension, [string, string]> = {
  type: ['按合同类别分', 'By contract type'],
  subtype: ['按合同子类分', 'By contract sub-type'],
  domain: ['按技术领域分', 'By technology domain'],
  seller_type: ['按卖方（输出方）类型分', 'By seller type'],
  buyer_type: ['按买方（吸纳方）类型分', 'By buyer type'],
  ip_type: ['按知识产权类型分', 'By intellectual property type'],
  plan: ['按计划类别分', 'By plan category'],
  objective: ['按社会经济目标分', 'By socio-economic objective'],
  industry: ['按国民经济行业（门类）分', 'By industry (section)'],
  cross_border: ['按涉外情况分', 'By cross-border flow'],
};

/** 亿元 with 4 decimals from a decimal string of fen, by integer arithmetic (1 亿元 = 10^10 fen). Pure. */
export function fenToYi(fen: string): string {
  const v = BigInt(fen);
  const neg = v < 0n;
  const abs = neg ? -v : v;
  // Round half up to 4 decimals: units of 10^6 fen.
  const units = (abs + 500_000n) / 1_000_000n;
  const int = units / 10_000n;
  const frac = (units % 10_000n).toString().padStart(4, '0');
  return `${neg ? '-' : ''}${int}.${frac}`;
}

type Line = (string | number | null)[];
const HEAD: Line = ['代码 Code', '名称 Name', '合同数（项）', '成交额（亿元）', '技术交易额（亿元）', '成交额占比（%）', '上年合同数', '上年成交额（亿元）', '合同数增长（%）', '成交额增长（%）'];

function rowLine(r: StatRow): Line {
  return [r.code, r.name, r.count, fenToYi(r.amountFen), fenToYi(r.techAmountFen), r.amountShare, r.prevCount, r.prevAmountFen === null ? null : fenToYi(r.prevAmountFen), r.countGrowth, r.amountGrowth];
}
function flowLine(f: Flow): Line {
  return [f.from, f.fromName, f.to, f.toName, f.count, fenToYi(f.amountFen), fenToYi(f.techAmountFen)];
}
const FLOW_HEAD: Line = ['输出地代码', '输出地', '吸纳地代码', '吸纳地', '合同数（项）', '成交额（亿元）', '技术交易额（亿元）'];

/** The report as titled tables: [sheet name, title, header, lines]. Pure. */
export function reportTables(r: AnnualReport): { sheet: string; title: string; head: Line; lines: Line[] }[] {
  const scope = `${r.year}年 ${r.regionName}`;
  const regionLines = (rows: RegionRow[]) => rows.map(rowLine);
  return [
    { sheet: '总表', title: `${scope} 技术合同成交总表（输出 / 吸纳）`, head: ['口径', ...HEAD.slice(1)], lines: [['输出（按卖方所在地）', ...rowLine(r.totals.out).slice(1)], ['吸纳（按买方所在地）', ...rowLine(r.totals.in).slice(1)]] },
    ...r.tables.map((t) => ({ sheet: TABLE_TITLES[t.dimension][0].slice(1, 31), title: `${scope} 技术合同${TABLE_TITLES[t.dimension][0]}（输出）`, head: HEAD, lines: t.rows.map(rowLine) })),
    { sheet: '按地区分（输出）', title: `${scope} 技术合同按地区分（输出，按卖方所在地）`, head: HEAD, lines: regionLines(r.regionsOut) },
    { sheet: '按地区分（吸纳）', title: `${scope} 技术合同按地区分（吸纳，按买方所在地）`, head: HEAD, lines: regionLines(r.regionsIn) },
    { sheet: '地区流向', title: `${scope} 技术合同地区流向（省际）`, head: FLOW_HEAD, lines: r.flows.map(flowLine) },
    { sheet: '区域流向', title: `${scope} 技术合同区域流向（东部/中部/西部/东北）`, head: FLOW_HEAD, lines: r.zoneFlows.map(flowLine) },
    {
      sheet: '按月',
      title: `${scope} 技术合同按月（输出）`,
      head: ['月份', '合同数（项）', '成交额（亿元）', '技术交易额（亿元）', '合同数同比（%）', '成交额同比（%）'],
      lines: r.months.points.map((p) => [p.label, p.count, fenToYi(p.amountFen), fenToYi(p.techAmountFen), p.countGrowth, p.amountGrowth]),
    },
    {
      sheet: '县域覆盖',
      title: `${scope} 县域覆盖`,
      head: ['有技术合同的区县数', '区县总数'],
      lines: [[r.coverage.countiesWithContracts, r.coverage.counties]],
    },
  ];
}

const NOTE = '口径：已认定登记的技术合同（含变更登记），按登记日期归属年度；成交额为合同交易总额，技术交易额为扣除非技术性费用后的金额（部分认定的按核定额）。金额单位亿元，由分精确换算，四舍五入至4位小数。';

function cell(v: string | number | null): string | number | null {
  return typeof v === 'string' ? escapeFormula(v) : v;
}

export async function annualReportXlsx(r: AnnualReport): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'TransferNet';
  wb.created = new Date(r.generatedAt);
  const used = new Set<string>();
  for (const t of reportTables(r)) {
    let name = t.sheet.replace(/[\\/?*[\]:]/g, '').slice(0, 31) || 'sheet';
    for (let i = 2; used.has(name); i++) {
      name = `${t.sheet.slice(0, 28)}-${i}`;
    }
    used.add(name);
    const ws = wb.addWorksheet(name);
    ws.addRow([cell(t.title)]).font = { bold: true, size: 13 };
    ws.addRow(t.head.map(cell)).font = { bold: true };
    for (const line of t.lines) {
      ws.addRow(line.map(cell));
    }
    ws.addRow([]);
    ws.addRow([NOTE]);
    ws.columns.forEach((c) => {
      c.width = 16;
    });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function csvCell(v: string | number | null): string {
  if (v === null) {
    return '';
  }
  const s = typeof v === 'string' ? escapeFormula(v) : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** CSV: the same tables one after another, each with its title line, UTF-8 with BOM (Excel opens it as UTF-8). */
export function annualReportCsv(r: AnnualReport): string {
  const out: string[] = [];
  for (const t of reportTables(r)) {
    out.push(csvCell(t.title), t.head.map(csvCell).join(','), ...t.lines.map((l) => l.map(csvCell).join(',')), '');
  }
  out.push(csvCell(NOTE));
  return `\uFEFF${out.join('\r\n')}\r\n`;
}
