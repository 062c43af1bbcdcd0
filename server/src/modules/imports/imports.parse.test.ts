import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { AppError } from '#server/lib/app-error';
import { csvHeader, csvLine, escapeFormula, jsonlLine } from './imports.export';
import { coerceRecord, EXPECTED_HEADERS, mapHeaders, splitList, validateRow, type ImportColumn } from './imports.fields';
import { normaliseHeader } from './imports.headers';
import { decodeText, detectFormat, parseCsv, parseJsonl, parseXlsx, readTable } from './imports.parse';

const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return e instanceof AppError ? e.code : String(e);
  }
  return 'no error';
};

describe('encoding detection', () => {
  const text = '外部编号,标题\nA-1,锂电池正极材料';

  it('takes valid UTF-8 as UTF-8, with or without BOM', () => {
    expect(decodeText(Buffer.from(text), 'auto')).toEqual({ text, encoding: 'utf8' });
    expect(decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]), 'auto')).toEqual({ text, encoding: 'utf8' });
  });

  it('takes anything else as GB18030 (GBK files from Excel)', () => {
    const gbk = iconv.encode(text, 'gbk');
    expect(decodeText(gbk, 'auto')).toEqual({ text, encoding: 'gb18030' });
    expect(decodeText(gbk, 'gbk').text).toBe(text);
    expect(decodeText(iconv.encode('𠀀生僻字', 'gb18030'), 'auto').text).toBe('𠀀生僻字');
  });

  it('honours UTF-16 byte-order marks', () => {
    expect(decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf16le')]), 'auto')).toEqual({
      text,
      encoding: 'utf16le',
    });
  });

  it('refuses GBK declared as UTF-8, and bytes that are not GB18030 either', () => {
    expect(codeOf(() => decodeText(iconv.encode(text, 'gbk'), 'utf8'))).toBe('import/encoding_invalid');
    expect(codeOf(() => decodeText(Buffer.from([0x81, 0x20, 0xff, 0x30]), 'auto'))).toBe('import/encoding_invalid');
  });
});

describe('format detection', () => {
  it('prefers the explicit format, then content type, then extension, then content', () => {
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04]);
    expect(detectFormat(zip, { format: 'csv' })).toBe('csv');
    expect(detectFormat(Buffer.from('a,b'), { contentType: 'application/x-ndjson; charset=utf-8' })).toBe('jsonl');
    expect(detectFormat(Buffer.from('a,b'), { contentType: 'application/octet-stream', filename: '成果.XLSX' })).toBe('xlsx');
    expect(detectFormat(zip, {})).toBe('xlsx');
    expect(detectFormat(Buffer.from('  {"a":1}'), {})).toBe('jsonl');
    expect(detectFormat(Buffer.from('a,b'), {})).toBe('csv');
  });
});

describe('CSV, JSONL and XLSX readers', () => {
  it('parses quoted CSV, skips blank rows, numbers rows like a spreadsheet', () => {
    const { headers, records } = parseCsv('标题,摘要\r\n"含,逗号","含""引号""\n和换行"\r\n,\r\n末行,内容\r\n');
    expect(headers).toEqual(['标题', '摘要']);
    expect(records).toEqual([
      { row: 2, values: { 标题: '含,逗号', 摘要: '含"引号"\n和换行' } },
      { row: 4, values: { 标题: '末行', 摘要: '内容' } }, // records, as a spreadsheet shows them (a quoted line break stays in its row)
    ]);
  });

  it('detects tab-separated files', () => {
    expect(parseCsv('标题\t摘要\n甲\t乙').records[0]).toEqual({ row: 2, values: { 标题: '甲', 摘要: '乙' } });
  });

  it('reports unbalanced quotes as an unreadable file', () => {
    expect(codeOf(() => parseCsv('a,b\n"open,1'))).toBe('import/unreadable_file');
  });

  it('keeps a broken JSONL line as a row problem, with its line number', () => {
    const { headers, records } = parseJsonl('{"title":"甲"}\n\nnot json\n[1]\n');
    expect(headers).toEqual(['title']);
    expect(records[0]).toEqual({ row: 1, values: { title: '甲' } });
    expect(records[1]).toMatchObject({ row: 3, invalidJson: expect.any(String) });
    expect(records[2]).toEqual({ row: 4, invalidJson: 'not an object' });
  });

  it('reads the first sheet of a workbook (formulas by result, dates as ISO)', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('a');
    ws.addRow(['title', 'trl', 'when']);
    ws.addRow(['甲', { formula: '1+2', result: 3 }, new Date('2026-01-02T00:00:00Z')]);
    ws.addRow([]);
    ws.addRow(['乙', 4]);
    const { records } = await parseXlsx(new Uint8Array(await wb.xlsx.writeBuffer()));
    expect(records).toEqual([
      { row: 2, values: { title: '甲', trl: 3, when: '2026-01-02T00:00:00.000Z' } },
      { row: 4, values: { title: '乙', trl: 4 } },
    ]);
  });

  it('refuses empty uploads and binary content sent as text', async () => {
    await expect(readTable(new Uint8Array(), { encoding: 'auto' })).rejects.toMatchObject({ code: 'import/empty_file' });
    await expect(readTable(Buffer.from('a\u0000b'), { encoding: 'auto', format: 'csv' })).rejects.toMatchObject({
      code: 'import/unreadable_file',
    });
  });
});

describe('header mapping', () => {
  it('accepts API names and Chinese labels, full-width brackets, spaces and required-markers', () => {
    expect(normaliseHeader(' External_ID ')).toBe('externalid');
    expect(normaliseHeader('最低价格(元)')).toBe(normaliseHeader('最低价格（元）'));
    const m = mapHeaders(['外部编号*', 'Title', '摘 要', '关键词', '技术领域', '最低价格(元)']);
    expect([...m.values()]).toEqual(['externalId', 'title', 'abstract', 'keywords', 'domain', 'priceMinYuan']);
  });

  it('names unknown and duplicate headers and lists what is expected', () => {
    try {
      mapHeaders(['externalId', 'title', 'abstract', '颜色', '标题']);
      expect.unreachable();
    } catch (e) {
      expect(e).toMatchObject({ code: 'import/unknown_columns', details: { unknown: ['颜色', '标题'], expected: EXPECTED_HEADERS } });
    }
    expect(EXPECTED_HEADERS).toContain('keywords/关键词');
    expect(codeOf(() => mapHeaders(['title', 'abstract']))).toBe('import/missing_columns');
  });
});

describe('keyword splitting and value coercion', () => {
  it('splits on 、 ; , _ and their full-width forms, trims and drops repeats', () => {
    expect(splitList('甲、乙;丙,丁_戊；己，庚＿辛、、甲 ')).toEqual(['甲', '乙', '丙', '丁', '戊', '己', '庚', '辛']);
    expect(splitList([' a ', 'b', 'a', ''])).toEqual(['a', 'b']);
    expect(splitList('machine learning, deep learning')).toEqual(['machine learning', 'deep learning']);
  });

  const coerce = (cells: Record<string, unknown>) =>
    coerceRecord(
      new Map(Object.entries(cells) as [ImportColumn, unknown][]),
      new Map([
        ['电子信息', 'TD02'],
        ['td02', 'TD02'],
      ]),
    );

  it('maps words to codes and yuan to fen', () => {
    expect(
      coerce({
        domain: '电子信息',
        trl: 'TRL6',
        transferModes: '许可、作价入股;service',
        priceMode: '区间',
        priceMinYuan: '1,234.5',
        priceMaxYuan: 20000,
        openLicence: '是',
        dualUse: '否',
        industryCode: 3841,
      }),
    ).toEqual({
      domainCode: 'TD02',
      trl: 6,
      transferModes: ['LICENSE', 'EQUITY', 'SERVICE'],
      priceMode: 'range',
      priceMinFen: 123450,
      priceMaxFen: 2_000_000,
      openLicence: true,
      dualUse: false,
      industryCodes: ['3841'],
    });
    expect(coerce({ domain: 'td02', trl: '6级' })).toEqual({ domainCode: 'TD02', trl: 6 });
  });

  it('builds IP items from patent numbers and funding from its columns', () => {
    expect(
      coerce({
        patentNumbers: 'ZL202310123456.7、ZL202210000001.X',
        fundingProgramme: '国家重点研发计划',
        fundingProjectNumber: '2023YFB001',
      }),
    ).toEqual({
      ip: [
        { kind: 'patent', number: 'ZL202310123456.7' },
        { kind: 'patent', number: 'ZL202210000001.X' },
      ],
      funding: { fiscal: true, programme: '国家重点研发计划', projectNumber: '2023YFB001' },
    });
    expect(coerce({ team: '张三、李四' })).toEqual({ team: [{ name: '张三' }, { name: '李四' }] });
  });

  it('passes values it cannot convert to the schema, which names the field', () => {
    const r = validateRow({
      externalId: 'x',
      title: '合格的标题',
      abstract: '足够长的一段摘要文字内容',
      ...coerce({ trl: 'high', openLicence: 'maybe' }),
    });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.problems.map((p) => `${p.field}:${p.code}`)).toEqual(['trl:invalid_value', 'openLicence:invalid_value']);
    const missing = validateRow({ externalId: 'x' });
    expect(!missing.ok && missing.problems.map((p) => `${p.field}:${p.code}`)).toEqual(['title:required', 'abstract:required']);
  });
});

describe('export and formula injection', () => {
  it('prefixes cells starting with = + - @ TAB or CR with an apostrophe, nothing else', () => {
    for (const bad of ['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx']) {
      expect(escapeFormula(bad)).toBe(`'${bad}`);
    }
    for (const ok of ['a=1', '锂电池', '', "'quoted"]) {
      expect(escapeFormula(ok)).toBe(ok);
    }
  });

  const a = {
    id: '00000000-0000-4000-8000-000000000001',
    externalId: '=cmd|calc',
    title: '标题, "引号"',
    abstract: '-摘要',
    keywords: ['甲', '乙'],
    detail: 'SECRET',
    detailRestricted: true,
    industryCodes: [],
    transferModes: ['LICENSE'],
    ip: [{ kind: 'patent', number: 'ZL1' }],
    awards: [],
  } as any;

  it('writes CSV with a BOM and escaped, quoted cells; JSONL without the NDA detail', () => {
    expect(csvHeader().startsWith('\uFEFFexternalId,title,abstract,keywords')).toBe(true);
    const line = csvLine(a);
    expect(line.startsWith(`'=cmd|calc,"标题, ""引号""",'-摘要,甲、乙,`)).toBe(true);
    expect(line).toContain(',LICENSE,');
    expect(line).toContain(',ZL1,');
    const json = JSON.parse(jsonlLine(a));
    expect(json.detail).toBeUndefined();
    expect(json.externalId).toBe('=cmd|calc');
  });
});
