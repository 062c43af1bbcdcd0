import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { type CertificateData, formatYuanFromFen, renderCertificatePdf, wrapText } from './certificate-pdf';

// ---------------------------------------------------------------------------------------------------------
// A minimal, independent reader of what the writer produces: xref, objects, the content stream, text runs.

/** UTF-16BE hex, computed independently of the module (Node's UTF-16LE, byte-swapped). */
function utf16beHex(s: string): string {
  return Buffer.from(s, 'utf16le').swap16().toString('hex').toUpperCase();
}

function decodeHex(hex: string): string {
  return Buffer.from(hex, 'hex').swap16().toString('utf16le');
}

type Parsed = { text: string; offsets: number[]; startxref: number; trailer: string; objects: Map<number, Buffer> };

function parsePdf(pdf: Buffer): Parsed {
  const text = pdf.toString('latin1');
  const tail = /startxref\n(\d+)\n%%EOF$/.exec(text);
  if (!tail?.[1]) {
    throw new Error('no startxref at the end');
  }
  const startxref = Number(tail[1]);
  const xref = /^xref\n0 (\d+)\n/.exec(text.slice(startxref));
  if (!xref?.[1]) {
    throw new Error('startxref does not point at xref');
  }
  const size = Number(xref[1]);
  const entriesAt = startxref + xref[0].length;
  const offsets: number[] = [];
  for (let i = 0; i < size; i += 1) {
    const entry = text.slice(entriesAt + i * 20, entriesAt + (i + 1) * 20);
    const m = /^(\d{10}) (\d{5}) ([nf]) \n$/.exec(entry);
    if (!m) {
      throw new Error(`xref entry ${i} is not 20 bytes: ${JSON.stringify(entry)}`);
    }
    offsets.push(Number(m[1]));
  }
  const trailer = text.slice(entriesAt + size * 20, text.lastIndexOf('startxref'));
  const objects = new Map<number, Buffer>();
  offsets.forEach((offset, n) => {
    if (n > 0) {
      const end = text.indexOf('\nendobj\n', offset);
      objects.set(n, pdf.subarray(offset, end));
    }
  });
  return { text, offsets, startxref, trailer, objects };
}

/** The inflated page content stream (object 4, referenced by the page's /Contents). */
function contentOf(pdf: Buffer): string {
  const parsed = parsePdf(pdf);
  const page = parsed.objects.get(3)?.toString('latin1') ?? '';
  const ref = /\/Contents (\d+) 0 R/.exec(page)?.[1];
  const obj = parsed.objects.get(Number(ref));
  if (!obj) {
    throw new Error('no content stream');
  }
  const head = obj.toString('latin1');
  const length = Number(/\/Length (\d+)/.exec(head)?.[1]);
  expect(head).toContain('/Filter /FlateDecode');
  const start = head.indexOf('stream\n') + 'stream\n'.length;
  expect(head.slice(start + length)).toBe('\nendstream');
  return inflateSync(obj.subarray(start, start + length)).toString('latin1');
}

const TOKEN = /<[0-9A-F]*>|\/[A-Za-z0-9]+|-?\d+(?:\.\d+)?|[A-Za-z*]+|\S/g;
const OPERATORS = new Set(['q', 'Q', 'cm', 'w', 'G', 'g', 'm', 'l', 'S', 're', 'f', 'gs', 'BT', 'ET', 'Tf', 'Tr', 'Tm', 'Tj']);

type Run = { text: string; x: number; y: number; size: number };

/** Tokenises the content stream, checks every operator, returns the text runs in drawing order. */
function runsOf(content: string): Run[] {
  const runs: Run[] = [];
  let operands: string[] = [];
  let size = 0;
  let x = 0;
  let y = 0;
  let inText = false;
  for (const token of content.match(TOKEN) ?? []) {
    if (/^[A-Za-z*]+$/.test(token)) {
      expect(OPERATORS.has(token), `operator ${token}`).toBe(true);
      if (token === 'BT' || token === 'ET') {
        expect(inText).toBe(token === 'ET');
        inText = token === 'BT';
      } else if (token === 'Tf') {
        expect(operands[0]).toBe('/F1');
        size = Number(operands[1]);
      } else if (token === 'Tm') {
        x = Number(operands[4]);
        y = Number(operands[5]);
      } else if (token === 'Tj') {
        expect(operands).toHaveLength(1);
        expect(operands[0]).toMatch(/^<([0-9A-F]{4})+>$/);
        runs.push({ text: decodeHex((operands[0] ?? '').slice(1, -1)), x, y, size });
      }
      operands = [];
    } else {
      expect(token, 'operand').toMatch(/^(<[0-9A-F]*>|\/[A-Za-z0-9]+|-?\d+(\.\d+)?)$/);
      operands.push(token);
    }
  }
  expect(inText).toBe(false);
  return runs;
}

const textsOf = (pdf: Buffer): string[] => runsOf(contentOf(pdf)).map((r) => r.text);

/** Value cells start right of the label column (x = 60 + 112 + 6). */
const VALUE_X = 178;
const valueRuns = (pdf: Buffer): Run[] => runsOf(contentOf(pdf)).filter((r) => r.x === VALUE_X);

function certificate(overrides: Partial<CertificateData> = {}): CertificateData {
  return {
    registrationNo: '3101152026000123',
    projectName: '锂离子电池健康状态在线估计方法专利权转让',
    subtypeName: '技术转让合同 · 专利权转让',
    licenceModeName: null,
    sellerName: '上海交通大学',
    sellerRegionName: '上海市 闵行区',
    sellerCreditCode: '12100000425006117P',
    buyerName: '宁德时代新能源科技股份有限公司',
    buyerRegionName: '福建省 宁德市',
    buyerCreditCode: '91350900587527783P',
    signedOn: '2026-03-02',
    validFrom: '2026-03-02',
    validTo: '2029-03-01',
    contractAmountFen: 123_456_789,
    techAmountFen: 100_000_000,
    technologyDomainName: '新能源与高效节能',
    pointName: '上海市技术合同登记处（闵行）',
    registeredOn: '2026-03-20',
    version: 1,
    chainId: '8f14e45f-ceea-467a-9e2b-6e0b1f1a2c3d',
    status: 'registered',
    digest: 'c0ffee'.padEnd(64, '0'),
    verifyUrl: 'https://transfernet.example.cn/registrations/check?no=3101152026000123',
    issuedAt: '2026-03-20T06:30:00.000Z',
    ...overrides,
  };
}

// ---------------------------------------------------------------------------------------------------------

describe('formatYuanFromFen', () => {
  it('formats fen as yuan with thousands separators and two decimals', () => {
    expect(formatYuanFromFen(123_456_789)).toBe('¥1,234,567.89');
    expect(formatYuanFromFen(0)).toBe('¥0.00');
    expect(formatYuanFromFen(5)).toBe('¥0.05');
    expect(formatYuanFromFen(100)).toBe('¥1.00');
    expect(formatYuanFromFen(99_999)).toBe('¥999.99');
    expect(formatYuanFromFen(100_000)).toBe('¥1,000.00');
    expect(formatYuanFromFen(-150)).toBe('-¥1.50');
  });

  it('is exact up to the largest safe integer (no floating-point division)', () => {
    expect(formatYuanFromFen(Number.MAX_SAFE_INTEGER)).toBe('¥90,071,992,547,409.91');
    expect(formatYuanFromFen(1_000_000_000_000_01)).toBe('¥1,000,000,000,000.01');
  });

  it('refuses amounts that are not safe integers', () => {
    for (const bad of [1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53]) {
      expect(() => formatYuanFromFen(bad)).toThrow(RangeError);
    }
  });
});

describe('wrapText', () => {
  it('breaks CJK text anywhere by width (1000 per character)', () => {
    expect(wrapText('一二三四五六七', 3000)).toEqual(['一二三', '四五六', '七']);
  });

  it('keeps Latin words whole when the line has a space to break at, splits a word longer than a line', () => {
    const lines = wrapText('alpha beta gamma', 5600);
    expect(lines).toEqual(['alpha beta', 'gamma']);
    expect(wrapText('0123456789012345', 4000)).toEqual(['01234567', '89012345']);
  });

  it('keeps explicit line breaks and draws a character wider than the line anyway', () => {
    expect(wrapText('甲\n乙', 10_000)).toEqual(['甲', '乙']);
    expect(wrapText('甲乙', 400)).toEqual(['甲', '乙']);
  });
});

describe('renderCertificatePdf: file structure', () => {
  const pdf = renderCertificatePdf(certificate());
  const parsed = parsePdf(pdf);

  it('starts with the PDF 1.7 header and ends with %%EOF', () => {
    expect(pdf.subarray(0, 8).toString('latin1')).toBe('%PDF-1.7');
    expect(pdf.subarray(pdf.length - 5).toString('latin1')).toBe('%%EOF');
  });

  it('has an xref whose every offset points exactly at its object, and startxref points at xref', () => {
    expect(pdf.subarray(parsed.startxref, parsed.startxref + 4).toString('latin1')).toBe('xref');
    expect(parsed.offsets).toHaveLength(10);
    parsed.offsets.forEach((offset, n) => {
      if (n > 0) {
        expect(pdf.subarray(offset, offset + `${n} 0 obj\n`.length).toString('latin1')).toBe(`${n} 0 obj\n`);
      }
    });
    // Every object in the body is in the xref, once.
    expect([...parsed.text.matchAll(/(?:^|\n)(\d+) 0 obj\n/g)].map((m) => Number(m[1]))).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('has a trailer with /Size, /Root, /Info and a two-part /ID; /Info carries Title, Producer and CreationDate', () => {
    expect(parsed.trailer).toMatch(/\/Size 10 \/Root 1 0 R \/Info 9 0 R \/ID \[<([0-9A-F]{32})> <\1>\]/);
    const info = parsed.objects.get(9)?.toString('latin1') ?? '';
    expect(info).toContain(`/Title <FEFF${utf16beHex('技术合同登记证明 3101152026000123')}>`);
    expect(info).toContain('/Producer (TransferNet)');
    expect(info).toContain('/CreationDate (D:20260320063000Z)');
  });

  it('uses the predefined STSong-Light over UniGB-UCS2-H, not embedded', () => {
    const font = parsed.objects.get(5)?.toString('latin1') ?? '';
    expect(font).toContain('/Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [6 0 R]');
    const cid = parsed.objects.get(6)?.toString('latin1') ?? '';
    expect(cid).toContain('/Subtype /CIDFontType0');
    expect(cid).toContain('/CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >>');
    expect(cid).toContain('/DW 1000');
    // CIDs 1–95 (ASCII): 95 widths, none double-width, digits (CIDs 17–26) at 500.
    const latin = /\/W \[1 \[([\d ]+)\]/.exec(cid)?.[1]?.split(' ').map(Number) ?? [];
    expect(latin).toHaveLength(95);
    expect(latin.slice(16, 26)).toEqual(Array(10).fill(500));
    expect(Math.max(...latin)).toBeLessThan(1000);
    const descriptor = parsed.objects.get(7)?.toString('latin1') ?? '';
    expect(descriptor).toContain('/Flags 6');
    expect(descriptor).not.toMatch(/FontFile/);
  });

  it('is deterministic: the same data gives the same bytes, other data another /ID', () => {
    expect(renderCertificatePdf(certificate()).equals(pdf)).toBe(true);
    const other = parsePdf(renderCertificatePdf(certificate({ techAmountFen: 99_999_999 })));
    expect(other.trailer.match(/\/ID \[<(\w+)>/)?.[1]).not.toBe(parsed.trailer.match(/\/ID \[<(\w+)>/)?.[1]);
  });
});

describe('renderCertificatePdf: content', () => {
  it('draws the registration number, project name and amounts as UTF-16BE hex strings', () => {
    const content = contentOf(renderCertificatePdf(certificate()));
    for (const s of ['3101152026000123', '锂离子电池健康状态在线估计方法专利权转让', '¥1,234,567.89', '¥1,000,000.00']) {
      expect(content).toContain(`<${utf16beHex(s)}> Tj`);
    }
  });

  it('draws title, subtitle, every row label, the parties and the footer', () => {
    const texts = textsOf(renderCertificatePdf(certificate({ version: 3, licenceModeName: '独占许可' })));
    expect(texts).toEqual(expect.arrayContaining(['技术合同登记证明', 'Technology Contract Registration Certificate']));
    for (const label of [
      '登记编号',
      '项目名称',
      '合同类别',
      '卖方',
      '买方',
      '技术领域',
      '合同有效期',
      '签订日期',
      '合同成交额',
      '核定技术交易额',
    ]) {
      expect(texts).toContain(label);
    }
    for (const label of ['登记机构', '登记日期', '版本', '链路编号']) {
      expect(texts).toContain(label);
    }
    expect(texts).toEqual(
      expect.arrayContaining([
        '上海交通大学',
        '统一社会信用代码：12100000425006117P',
        '所在地区：福建省 宁德市',
        '2026-03-02 至 2029-03-01',
        '上海市技术合同登记处（闵行）',
        '第 3 版（第 2 次变更登记）',
        '8f14e45f-ceea-467a-9e2b-6e0b1f1a2c3d',
        // U+00B7 is not in UniGB-UCS2-H: drawn as the GB 2312 middle dot U+30FB.
        '技术转让合同 ・ 专利权转让（独占许可）',
        '签发时间 Issued at：2026-03-20 14:30:00（北京时间）  2026-03-20T06:30:00.000Z',
      ]),
    );
    const footer = texts.filter((t) => t.startsWith('本证明可在') || /^[0-9a-f]+$/.test(t)).join('');
    expect(footer.replace(/\s/g, '')).toContain('https://transfernet.example.cn/registrations/check?no=3101152026000123核验；摘要SHA-256:');
    expect(texts.join('\n')).toContain('c0ffee'.padEnd(64, '0'));
  });

  it('says 首次登记 for the first version and shows a missing credit code or region as —', () => {
    const texts = textsOf(renderCertificatePdf(certificate({ buyerCreditCode: null, buyerRegionName: null })));
    expect(texts).toEqual(expect.arrayContaining(['第 1 版（首次登记）', '统一社会信用代码：—', '所在地区：—']));
  });

  it('cannot be broken by PDF syntax in user data: no literal strings, only known operators, text round-trips', () => {
    const hostile = 'X) Tj ET BT /F1 99 Tf (pwned) Tj <41> Tj \\ ( ) < > ET';
    const pdf = renderCertificatePdf(certificate({ projectName: hostile, sellerName: '\\(卖方)>>endstream', registrationNo: ')>>' }));
    const content = contentOf(pdf);
    expect(content).not.toMatch(/[()\\]/);
    expect(content).not.toContain('pwned');
    const runs = runsOf(content); // checks every operator and that every Tj operand is one hex string
    expect(runs.map((r) => r.size)).not.toContain(99);
    expect(runs.map((r) => r.text)).toEqual(expect.arrayContaining([hostile, '\\(卖方)>>endstream']));
    // The file outside the stream holds none of it either (the /Info title is hex too).
    const parsed = parsePdf(pdf);
    expect(parsed.text.slice(parsed.offsets[5] ?? 0)).not.toMatch(/pwned|\)>>\)/);
    parsed.offsets.forEach((offset, n) => {
      if (n > 0) {
        expect(pdf.subarray(offset, offset + `${n} 0 obj\n`.length).toString('latin1')).toBe(`${n} 0 obj\n`);
      }
    });
  });

  it('replaces characters outside UCS-2 by ? and control characters by a space', () => {
    const texts = textsOf(renderCertificatePdf(certificate({ projectName: '𠀀𠀁测试\u0007项目' })));
    expect(texts).toContain('??测试 项目');
  });

  it('marks a cancelled certificate across the page, and only a cancelled one', () => {
    const cancelled = contentOf(renderCertificatePdf(certificate({ status: 'cancelled' })));
    expect(runsOf(cancelled).map((r) => r.text)).toEqual(expect.arrayContaining(['已撤销 CANCELLED', '登记状态 Status：已撤销 Cancelled']));
    expect(cancelled).toContain('/GS1 gs');
    for (const status of ['registered', 'change_requested'] as const) {
      const content = contentOf(renderCertificatePdf(certificate({ status })));
      const texts = runsOf(content).map((r) => r.text);
      expect(texts.some((t) => t.includes('已撤销') || t.includes('CANCELLED'))).toBe(false);
      expect(content).not.toContain('/GS1 gs');
    }
    expect(textsOf(renderCertificatePdf(certificate({ status: 'change_requested' })))).toContain(
      '登记状态 Status：有效，变更申请审查中 Valid, change under review',
    );
  });

  it('wraps a long project name over several lines inside the value column', () => {
    const name = '面向新型电力系统的大规模储能电站锂离子电池全生命周期健康状态在线估计与热失控早期预警关键技术及其产业化应用专利许可';
    const runs = valueRuns(renderCertificatePdf(certificate({ projectName: name })));
    const parts = runs.filter((r) => name.includes(r.text) && r.text.length > 1);
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.map((r) => r.text).join('')).toBe(name);
    expect(new Set(parts.map((r) => r.y)).size).toBe(parts.length);
    for (const r of parts) {
      expect([...r.text].length * r.size).toBeLessThanOrEqual(535 - VALUE_X - 6);
    }
  });

  it('wraps a Latin project name at spaces', () => {
    const name = 'Online state-of-health estimation for lithium-ion batteries in grid-scale storage plants using deep learning';
    const parts = valueRuns(renderCertificatePdf(certificate({ projectName: name }))).filter(
      (r) => name.includes(r.text) && r.text.length > 4,
    );
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.map((r) => r.text).join(' ')).toBe(name);
  });

  it('keeps names at the contract maximum (200 characters) whole and on the page, above the footer', () => {
    const long = (c: string) => c.repeat(200);
    const pdf = renderCertificatePdf(certificate({ projectName: long('测'), sellerName: long('卖'), buyerName: long('B') }));
    const runs = runsOf(contentOf(pdf));
    const values = runs.filter((r) => r.x === VALUE_X);
    expect(
      values
        .filter((r) => /^测+$/.test(r.text))
        .map((r) => r.text)
        .join(''),
    ).toBe(long('测'));
    expect(
      values
        .filter((r) => /^卖+$/.test(r.text))
        .map((r) => r.text)
        .join(''),
    ).toBe(long('卖'));
    expect(
      values
        .filter((r) => /^B+$/.test(r.text))
        .map((r) => r.text)
        .join(''),
    ).toBe(long('B'));
    const footer = runs.filter((r) => r.x === 60);
    expect(footer.length).toBeGreaterThanOrEqual(3);
    expect(Math.min(...values.map((r) => r.y))).toBeGreaterThan(Math.max(...footer.map((r) => r.y)) + 12);
    expect(Math.min(...footer.map((r) => r.y))).toBeGreaterThan(40);
  });

  it('shortens names beyond any limit with … so the page never overflows', () => {
    const pdf = renderCertificatePdf(
      certificate({ projectName: '测'.repeat(2000), sellerName: '卖'.repeat(2000), buyerName: '买'.repeat(2000) }),
    );
    const runs = runsOf(contentOf(pdf));
    const values = runs.filter((r) => r.x === VALUE_X);
    expect(values.some((r) => r.text.endsWith('…'))).toBe(true);
    const footer = runs.filter((r) => r.x === 60);
    expect(Math.min(...values.map((r) => r.y))).toBeGreaterThan(Math.max(...footer.map((r) => r.y)) + 12);
  });
});

// Chromium's own viewer (PDFium) must open the file: it shows our /Info title once the document is parsed,
// and an error dialog for a file it cannot read (the negative control keeps the check honest).
const CHROMIUM = '/usr/bin/chromium';

describe.skipIf(!existsSync(CHROMIUM))('renderCertificatePdf in Chromium', () => {
  it('opens without error in the PDF viewer', { timeout: 25_000 }, async () => {
    const { chromium } = await import('playwright-core');
    const dir = mkdtempSync(join(tmpdir(), 'certificate-pdf-'));
    const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
    try {
      const good = join(dir, 'certificate.pdf');
      const bad = join(dir, 'broken.pdf');
      writeFileSync(good, renderCertificatePdf(certificate({ status: 'cancelled' })));
      writeFileSync(bad, '%PDF-1.7\nnot a pdf\n%%EOF');

      const open = async (file: string) => {
        const page = await browser.newPage();
        await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
        await expect.poll(() => page.frames().some((f) => f.url().startsWith('chrome-extension://')), { timeout: 8_000 }).toBe(true);
        const viewer = page.frames().find((f) => f.url().startsWith('chrome-extension://'));
        if (!viewer) {
          throw new Error('no PDF viewer frame');
        }
        return { title: viewer.locator('viewer-toolbar #title'), error: viewer.locator('viewer-error-dialog') };
      };

      const ok = await open(good);
      await expect.poll(() => ok.title.textContent({ timeout: 1_000 }), { timeout: 8_000 }).toBe('技术合同登记证明 3101152026000123');
      expect(await ok.error.count()).toBe(0);

      const broken = await open(bad);
      await expect.poll(() => broken.error.count(), { timeout: 8_000 }).toBe(1);
    } finally {
      await browser.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
