import { createHash } from 'node:crypto';
import { deflateSync } from 'node:zlib';

/**
 * The registration certificate (技术合同登记证明) as a one-page A4 PDF 1.7, written by hand (decision 015).
 *
 * No font is embedded: all text uses the PDF predefined Adobe-GB1 font `STSong-Light` as a Type0 font with
 * the predefined CMap `UniGB-UCS2-H`, the way iText and ReportLab do it. Readers (Acrobat, PDFium, pdf.js,
 * Preview, poppler) substitute an installed Song/Hei face. Every string is written as a UTF-16BE hex
 * string, so no user data can ever reach the content stream as PDF syntax.
 *
 * Limits: characters outside UCS-2 (astral, e.g. 𠀀) are drawn as '?'; control characters as a space; the
 * few punctuation marks UniGB-UCS2-H lacks are mapped to a GB 2312 look-alike (· → ・); any other character
 * the CMap does not map shows as the reader's missing-glyph box.
 */
export type CertificateData = {
  /** 16 digits. */
  registrationNo: string;
  projectName: string;
  /** e.g. '技术转让合同 · 专利权转让'. */
  subtypeName: string;
  licenceModeName: string | null;
  sellerName: string;
  sellerRegionName: string | null;
  sellerCreditCode: string | null;
  buyerName: string;
  buyerRegionName: string | null;
  buyerCreditCode: string | null;
  /** YYYY-MM-DD. */
  signedOn: string;
  validFrom: string;
  validTo: string;
  /** 成交额. */
  contractAmountFen: number;
  /** 核定技术交易额. */
  techAmountFen: number;
  technologyDomainName: string;
  pointName: string;
  registeredOn: string;
  /** 1 = first registration; n > 1 = the (n − 1)-th change registration (第 n−1 次变更登记). */
  version: number;
  chainId: string;
  /** cancelled → a large "已撤销 CANCELLED" mark across the page. */
  status: 'registered' | 'change_requested' | 'cancelled';
  /** SHA-256 hex of the certificate facts (computed by the caller). */
  digest: string;
  /** e.g. https://host/registrations/check?no=… */
  verifyUrl: string;
  /** ISO instant. */
  issuedAt: string;
};

// ---------------------------------------------------------------------------------------------------------
// Money

/** `123456789` fen → `¥1,234,567.89` (integer arithmetic only; negative amounts get a leading '-'). */
export function formatYuanFromFen(fen: number): string {
  if (!Number.isSafeInteger(fen)) {
    throw new RangeError(`fen must be a safe integer, got ${String(fen)}`);
  }
  const abs = BigInt(fen < 0 ? -fen : fen);
  const yuan = (abs / 100n).toString();
  const cents = (abs % 100n).toString().padStart(2, '0');
  const grouped = yuan.replace(/\B(?=(\d{3})+$)/g, ',');
  return `${fen < 0 ? '-' : ''}¥${grouped}.${cents}`;
}

// ---------------------------------------------------------------------------------------------------------
// Text: UCS-2 code units for UniGB-UCS2-H, widths, wrapping

/** Characters UniGB-UCS2-H does not map, replaced by a GB 2312 look-alike it does map. */
const SUBSTITUTES: ReadonlyMap<number, number> = new Map([
  [0x00b7, 0x30fb], // MIDDLE DOT → KATAKANA MIDDLE DOT (GB 2312 A1A4, CID 99)
  [0x2022, 0x30fb], // BULLET
  [0x2027, 0x30fb], // HYPHENATION POINT
  [0x00a0, 0x0020], // NO-BREAK SPACE
  [0x2212, 0x002d], // MINUS SIGN
]);

/**
 * The UCS-2 code units drawn for `text`: one per code point; astral code points and lone surrogates
 * become '?', control characters a space.
 */
export function toUcs2Units(text: string): number[] {
  const units: number[] = [];
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0x3f;
    if (cp > 0xffff || (cp >= 0xd800 && cp <= 0xdfff)) {
      units.push(0x3f);
    } else if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) {
      units.push(0x20);
    } else {
      units.push(SUBSTITUTES.get(cp) ?? cp);
    }
  }
  return units;
}

/** `text` as the UTF-16BE hex (upper case) that the content stream carries, e.g. `中A` → `4E2D0041`. */
export function toPdfHex(text: string): string {
  return toUcs2Units(text)
    .map((u) => u.toString(16).toUpperCase().padStart(4, '0'))
    .join('');
}

/**
 * STSong-Light's own advance widths (1/1000 em) of CIDs 1–95, its proportional Latin glyphs, which
 * UniGB-UCS2-H maps U+0020–U+007E to (CID = code point − 31); the metrics Acrobat and iText use.
 */
const STSONG_LATIN_WIDTHS = [
  207, 270, 342, 467, 462, 797, 710, 239, 374, 374, 423, 605, 238, 375, 238, 334, 462, 462, 462, 462, 462, 462, 462, 462, 462, 462, 238,
  238, 605, 605, 605, 344, 748, 684, 560, 695, 739, 563, 511, 729, 793, 318, 312, 666, 526, 896, 758, 772, 544, 772, 628, 465, 607, 753,
  711, 972, 647, 620, 607, 374, 333, 374, 606, 500, 239, 417, 503, 427, 529, 415, 264, 444, 518, 241, 230, 495, 228, 793, 527, 524, 524,
  504, 338, 336, 277, 517, 450, 652, 466, 452, 407, 370, 258, 370, 605,
] as const;

/**
 * The widths we declare for CIDs 1–95: never less than 500. The reader draws a substitute face at these
 * advances; the common substitutes are SimSun (PDFium on Windows: every ASCII glyph 500 wide) and Adobe
 * Song (Acrobat: the widths above). Taking the larger of the two means neither overlaps its neighbour;
 * digits, the bulk of a certificate's Latin text, sit on a 500 grid.
 */
const LATIN_WIDTHS: readonly number[] = STSONG_LATIN_WIDTHS.map((w) => Math.max(500, w));

/** The CIDFont's /W array: CIDs 1–95 as above, the half-width ranges, € and ¥ (CIDs 22353–22354). */
const W_ARRAY = `[1 [${LATIN_WIDTHS.join(' ')}] 814 939 500 7712 [517 684 723 1000 500] 22353 22354 500]`;

/** Advance width (1/1000 em) of a UCS-2 unit as the /W array declares it; everything else takes DW 1000. */
function unitWidth(u: number): number {
  if (u >= 0x20 && u <= 0x7e) {
    return LATIN_WIDTHS[u - 0x20] ?? 500;
  }
  return u === 0xa5 || u === 0x20ac ? 500 : 1000;
}

function widthOf(units: readonly number[]): number {
  return units.reduce((sum, u) => sum + unitWidth(u), 0);
}

const isWordUnit = (u: number): boolean => u > 0x20 && u <= 0x7e;

/**
 * Breaks `text` into lines no wider than `maxWidth` (1/1000 em): greedy by character width (CJK text
 * breaks anywhere); a Latin word is not split when the line holds a space to break at instead; a word
 * longer than a line (a URL, a digest) is split. Explicit newlines are kept.
 */
export function wrapText(text: string, maxWidth: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split(/\r\n|\r|\n/)) {
    const chars = [...paragraph];
    const units = toUcs2Units(paragraph);
    let start = 0;
    while (start < chars.length) {
      let end = start;
      let width = 0;
      while (end < chars.length && width + unitWidth(units[end] ?? 0) <= maxWidth) {
        width += unitWidth(units[end] ?? 0);
        end += 1;
      }
      if (end === start) {
        end = start + 1; // a single character wider than the line: draw it anyway
      } else if (end < chars.length && isWordUnit(units[end] ?? 0) && isWordUnit(units[end - 1] ?? 0)) {
        // Would split a Latin word: break after the last space in the line, if there is one.
        for (let k = end - 1; k > start; k -= 1) {
          if (units[k] === 0x20) {
            end = k + 1;
            break;
          }
        }
      }
      lines.push(chars.slice(start, end).join('').trimEnd());
      start = end;
      while (start < chars.length && units[start] === 0x20) {
        start += 1; // no leading spaces on a continuation line
      }
    }
    if (chars.length === 0) {
      lines.push('');
    }
  }
  return lines;
}

// ---------------------------------------------------------------------------------------------------------
// Content stream

const PAGE_W = 595;
const PAGE_H = 842;

/** A number as PDF writes it: at most two decimals, no exponent. */
function num(n: number): string {
  const r = Math.round(n * 100) / 100;
  return Object.is(r, -0) ? '0' : String(r);
}

class Canvas {
  private readonly ops: string[] = [];

  raw(op: string): void {
    this.ops.push(op);
  }

  /** One line of text at baseline (x, y); `gray` 0 = black. Optional faux bold (fill + stroke). */
  text(s: string, x: number, y: number, size: number, opts: { gray?: number; bold?: boolean } = {}): void {
    const hex = toPdfHex(s);
    if (hex === '') {
      return;
    }
    const gray = num(opts.gray ?? 0);
    const mode = opts.bold ? `2 Tr ${num(size / 40)} w ${gray} G ` : '0 Tr ';
    this.ops.push(`BT /F1 ${num(size)} Tf ${mode}${gray} g 1 0 0 1 ${num(x)} ${num(y)} Tm <${hex}> Tj ET`);
  }

  centred(s: string, y: number, size: number, opts: { gray?: number; bold?: boolean } = {}): void {
    this.text(s, (PAGE_W - (widthOf(toUcs2Units(s)) * size) / 1000) / 2, y, size, opts);
  }

  line(x1: number, y1: number, x2: number, y2: number, width: number, gray = 0): void {
    this.ops.push(`${num(width)} w ${num(gray)} G ${num(x1)} ${num(y1)} m ${num(x2)} ${num(y2)} l S`);
  }

  rect(x: number, y: number, w: number, h: number, width: number, gray = 0): void {
    this.ops.push(`${num(width)} w ${num(gray)} G ${num(x)} ${num(y)} ${num(w)} ${num(h)} re S`);
  }

  fillRect(x: number, y: number, w: number, h: number, gray: number): void {
    this.ops.push(`${num(gray)} g ${num(x)} ${num(y)} ${num(w)} ${num(h)} re f`);
  }

  toString(): string {
    return this.ops.join('\n') + '\n';
  }
}

type Row = { zh: string; en: string; lines: string[] };
type Cell = { zh: string; en: string; paragraphs: string[] };

const TABLE_LEFT = 60;
const TABLE_RIGHT = 535;
const LABEL_W = 112;
const CELL_PAD_X = 6;
const CELL_PAD_TOP = 5;
const CELL_PAD_BOTTOM = 5;
const LABEL_SIZE = 10;
const LABEL_EN_SIZE = 6.5;
/** A row is never lower than its bilingual label. */
const MIN_ROW_H = CELL_PAD_TOP + LABEL_SIZE + 2 + LABEL_EN_SIZE + CELL_PAD_BOTTOM + 2;
const TABLE_TOP = 706;
const VALUE_SIZES = [10.5, 9.5, 8.5, 7.5] as const;
const FOOTER_SIZE = 8;
const FOOTER_LEADING = 11;
const FOOTER_BOTTOM = 52;

const dash = (s: string | null): string => (s === null || s.trim() === '' ? '—' : s);

function versionText(version: number): string {
  return version > 1 ? `第 ${version} 版（第 ${version - 1} 次变更登记）` : `第 ${version} 版（首次登记）`;
}

function statusText(status: CertificateData['status']): string {
  switch (status) {
    case 'registered':
      return '有效 Valid';
    case 'change_requested':
      return '有效，变更申请审查中 Valid, change under review';
    case 'cancelled':
      return '已撤销 Cancelled';
  }
}

/** `2026-05-01T06:30:00Z` → `2026-05-01 14:30:00（北京时间）`. */
function chinaTime(iso: string): string {
  const t = Date.parse(iso);
  if (!Number.isFinite(t)) {
    throw new RangeError(`issuedAt is not an ISO instant: ${iso}`);
  }
  const s = new Date(t + 8 * 3_600_000).toISOString();
  return `${s.slice(0, 10)} ${s.slice(11, 19)}（北京时间）`;
}

function cells(d: CertificateData): Cell[] {
  const party = (name: string, code: string | null, region: string | null): string[] => [
    name,
    `统一社会信用代码：${dash(code)}`,
    `所在地区：${dash(region)}`,
  ];
  return [
    { zh: '登记编号', en: 'Registration No.', paragraphs: [d.registrationNo] },
    { zh: '项目名称', en: 'Project', paragraphs: [d.projectName] },
    {
      zh: '合同类别',
      en: 'Contract type',
      paragraphs: [d.licenceModeName ? `${d.subtypeName}（${d.licenceModeName}）` : d.subtypeName],
    },
    { zh: '卖方', en: 'Seller', paragraphs: party(d.sellerName, d.sellerCreditCode, d.sellerRegionName) },
    { zh: '买方', en: 'Buyer', paragraphs: party(d.buyerName, d.buyerCreditCode, d.buyerRegionName) },
    { zh: '技术领域', en: 'Technology domain', paragraphs: [d.technologyDomainName] },
    { zh: '合同有效期', en: 'Term', paragraphs: [`${d.validFrom} 至 ${d.validTo}`] },
    { zh: '签订日期', en: 'Signed on', paragraphs: [d.signedOn] },
    { zh: '合同成交额', en: 'Contract amount', paragraphs: [formatYuanFromFen(d.contractAmountFen)] },
    { zh: '核定技术交易额', en: 'Recognised technology amount', paragraphs: [formatYuanFromFen(d.techAmountFen)] },
    { zh: '登记机构', en: 'Registration point', paragraphs: [d.pointName] },
    { zh: '登记日期', en: 'Registered on', paragraphs: [d.registeredOn] },
    { zh: '版本', en: 'Version', paragraphs: [versionText(d.version)] },
    { zh: '链路编号', en: 'Chain ID', paragraphs: [d.chainId] },
  ];
}

function rowHeight(lineCount: number, size: number): number {
  return Math.max(MIN_ROW_H, CELL_PAD_TOP + CELL_PAD_BOTTOM + size + (lineCount - 1) * size * 1.4 + 1);
}

/** Wraps every cell; capped cells end in '…' on their last line. */
function layoutRows(table: Cell[], size: number, maxLines: number): Row[] {
  const maxWidth = Math.floor(((TABLE_RIGHT - TABLE_LEFT - LABEL_W - 2 * CELL_PAD_X) / size) * 1000);
  return table.map((cell) => {
    let lines = cell.paragraphs.flatMap((p) => wrapText(p, maxWidth));
    if (lines.length > maxLines) {
      const last = wrapText(`${lines[maxLines - 1] ?? ''}…`, maxWidth)[0] ?? '…';
      const kept = last.endsWith('…') ? last : `${[...last].slice(0, -1).join('')}…`;
      lines = [...lines.slice(0, maxLines - 1), kept];
    }
    return { zh: cell.zh, en: cell.en, lines };
  });
}

/**
 * The largest value size (then the largest per-cell line cap) at which the table ends above `bottom`.
 * Names within the contract limits (200 characters) always fit uncapped at 7.5 pt.
 */
function fitTable(table: Cell[], bottom: number): { rows: Row[]; size: number } {
  const height = (rows: Row[], size: number) => rows.reduce((h, r) => h + rowHeight(r.lines.length, size), 0);
  for (const size of VALUE_SIZES) {
    const rows = layoutRows(table, size, Number.MAX_SAFE_INTEGER);
    if (TABLE_TOP - height(rows, size) >= bottom) {
      return { rows, size };
    }
  }
  const size = VALUE_SIZES[VALUE_SIZES.length - 1] ?? 7.5;
  for (let cap = 12; cap > 1; cap -= 1) {
    const rows = layoutRows(table, size, cap);
    if (TABLE_TOP - height(rows, size) >= bottom) {
      return { rows, size };
    }
  }
  return { rows: layoutRows(table, size, 1), size };
}

function drawCancelledMark(c: Canvas): void {
  const label = '已撤销 CANCELLED';
  const size = 58;
  const w = (widthOf(toUcs2Units(label)) * size) / 1000;
  const angle = (33 * Math.PI) / 180;
  const cos = num(Math.cos(angle));
  const sin = num(Math.sin(angle));
  c.raw('q /GS1 gs');
  c.raw(`${cos} ${sin} ${num(-Math.sin(angle))} ${cos} ${num(PAGE_W / 2)} ${num(PAGE_H / 2 - 10)} cm`);
  c.rect(-w / 2 - 16, -size * 0.42, w + 32, size * 1.3, 5, 0.45);
  c.text(label, -w / 2, -size * 0.08, size, { gray: 0.45 });
  c.raw('Q');
}

function contentStream(d: CertificateData): string {
  const c = new Canvas();
  // Frame.
  c.rect(26, 26, PAGE_W - 52, PAGE_H - 52, 1.6, 0.25);
  c.rect(31, 31, PAGE_W - 62, PAGE_H - 62, 0.5, 0.25);
  // Title.
  c.centred('技术合同登记证明', 766, 26, { bold: true });
  c.centred('Technology Contract Registration Certificate', 742, 11, { gray: 0.3 });
  c.line(TABLE_LEFT + 150, 732, TABLE_RIGHT - 150, 732, 0.6, 0.4);

  // Footer (bottom-up), so the table knows where it must end.
  const footerWidth = Math.floor(((TABLE_RIGHT - TABLE_LEFT) / FOOTER_SIZE) * 1000);
  let verify = wrapText(`本证明可在 ${d.verifyUrl} 核验；摘要 SHA-256: ${d.digest}`, footerWidth);
  if (verify.length > 5) {
    verify = [...verify.slice(0, 4), `${[...(verify[4] ?? '')].slice(0, -1).join('')}…`];
  }
  const footer = [...verify, `登记状态 Status：${statusText(d.status)}`, `签发时间 Issued at：${chinaTime(d.issuedAt)}  ${d.issuedAt}`];
  const footerTop = FOOTER_BOTTOM + (footer.length - 1) * FOOTER_LEADING + FOOTER_SIZE;
  footer.forEach((line, i) => {
    c.text(line, TABLE_LEFT, footerTop - FOOTER_SIZE - i * FOOTER_LEADING, FOOTER_SIZE, { gray: 0.2 });
  });

  // Table.
  const { rows, size } = fitTable(cells(d), footerTop + 16);
  const leading = size * 1.4;
  const valueX = TABLE_LEFT + LABEL_W + CELL_PAD_X;
  let y = TABLE_TOP;
  const rules: number[] = [y];
  for (const row of rows) {
    const h = rowHeight(row.lines.length, size);
    c.fillRect(TABLE_LEFT, y - h, LABEL_W, h, 0.94);
    c.text(row.zh, TABLE_LEFT + CELL_PAD_X, y - CELL_PAD_TOP - LABEL_SIZE * 0.88, LABEL_SIZE);
    c.text(row.en, TABLE_LEFT + CELL_PAD_X, y - CELL_PAD_TOP - LABEL_SIZE - 2 - LABEL_EN_SIZE * 0.88, LABEL_EN_SIZE, { gray: 0.35 });
    row.lines.forEach((line, i) => {
      c.text(line, valueX, y - CELL_PAD_TOP - size * 0.88 - i * leading, size);
    });
    y -= h;
    rules.push(y);
  }
  for (const ry of rules) {
    c.line(TABLE_LEFT, ry, TABLE_RIGHT, ry, ry === TABLE_TOP || ry === y ? 1 : 0.4);
  }
  c.line(TABLE_LEFT, TABLE_TOP, TABLE_LEFT, y, 1);
  c.line(TABLE_LEFT + LABEL_W, TABLE_TOP, TABLE_LEFT + LABEL_W, y, 0.4);
  c.line(TABLE_RIGHT, TABLE_TOP, TABLE_RIGHT, y, 1);

  if (d.status === 'cancelled') {
    drawCancelledMark(c);
  }
  return c.toString();
}

// ---------------------------------------------------------------------------------------------------------
// File structure

/** `D:YYYYMMDDHHmmSSZ` (UTC) for the /Info dates. */
function pdfDate(iso: string): string {
  const t = Date.parse(iso);
  if (!Number.isFinite(t)) {
    throw new RangeError(`issuedAt is not an ISO instant: ${iso}`);
  }
  const s = new Date(t).toISOString();
  return `D:${s.slice(0, 4)}${s.slice(5, 7)}${s.slice(8, 10)}${s.slice(11, 13)}${s.slice(14, 16)}${s.slice(17, 19)}Z`;
}

/**
 * Renders the certificate. The output is deterministic (same data → same bytes): CreationDate comes from
 * `issuedAt` and /ID from a hash of the body.
 */
export function renderCertificatePdf(data: CertificateData): Buffer {
  const content = deflateSync(Buffer.from(contentStream(data), 'latin1'));
  const objects: (string | Buffer)[] = [
    // 1 Catalog
    '<< /Type /Catalog /Pages 2 0 R >>',
    // 2 Pages
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    // 3 Page
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${PAGE_W} ${PAGE_H}] /Contents 4 0 R ` +
      '/Resources << /Font << /F1 5 0 R >> /ExtGState << /GS1 8 0 R >> /ProcSet [/PDF /Text] >> >>',
    // 4 Content stream
    Buffer.concat([
      Buffer.from(`<< /Length ${content.length} /Filter /FlateDecode >>\nstream\n`, 'latin1'),
      content,
      Buffer.from('\nendstream', 'latin1'),
    ]),
    // 5 Type0 font over the predefined CMap
    '<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [6 0 R] >>',
    // 6 CIDFont, not embedded: STSong-Light's own widths
    '<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light ' +
      '/CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /FontDescriptor 7 0 R ' +
      `/DW 1000 /W ${W_ARRAY} >>`,
    // 7 FontDescriptor (non-symbolic serif, metrics of STSong-Light)
    '<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] ' +
      '/ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /XHeight 616 /StemV 93 ' +
      '/Style << /Panose <000000000400000000000000> >> >>',
    // 8 Translucency for the cancellation mark
    '<< /Type /ExtGState /ca 0.55 /CA 0.55 >>',
    // 9 Info
    `<< /Title <FEFF${toPdfHex(`技术合同登记证明 ${data.registrationNo}`)}> /Producer (TransferNet) ` +
      `/CreationDate (${pdfDate(data.issuedAt)}) >>`,
  ];

  const chunks: Buffer[] = [Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  let offset = chunks[0]?.length ?? 0;
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    const bytes = Buffer.concat([
      Buffer.from(`${i + 1} 0 obj\n`, 'latin1'),
      typeof body === 'string' ? Buffer.from(body, 'latin1') : body,
      Buffer.from('\nendobj\n', 'latin1'),
    ]);
    offsets.push(offset);
    chunks.push(bytes);
    offset += bytes.length;
  });

  const size = objects.length + 1;
  const xref = ['xref', `0 ${size}`, '0000000000 65535 f ', ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n `)].join('\n');
  const id = createHash('sha256').update(Buffer.concat(chunks)).digest('hex').slice(0, 32).toUpperCase();
  const trailer = `trailer\n<< /Size ${size} /Root 1 0 R /Info 9 0 R /ID [<${id}> <${id}>] >>\nstartxref\n${offset}\n%%EOF`;
  chunks.push(Buffer.from(`${xref}\n${trailer}`, 'latin1'));
  return Buffer.concat(chunks);
}
