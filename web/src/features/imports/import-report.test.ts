import { describe, expect, it } from 'vitest';
import { escapeFormula, importPercent, reportCsv } from './import-report';
import { contentTypeOf } from './imports.api';

describe('import report helpers', () => {
  it('escapes formula cells in the downloaded report', () => {
    expect(escapeFormula('=1+1')).toBe("'=1+1");
    expect(escapeFormula('标题')).toBe('标题');
    const csv = reportCsv({ errors: [{ row: 3, externalId: '=X', field: 'title', code: 'required', message: '必填项为空, "注意"' }] }, [
      '行',
      '外部编号',
      '字段',
      '代码',
      '说明',
    ]);
    expect(csv).toBe('\uFEFF行,外部编号,字段,代码,说明\r\n3,\'=X,title,required,"必填项为空, ""注意"""\r\n');
  });

  it('counts checking and writing as halves of the progress', () => {
    expect(importPercent({ status: 'running', total: 100, checked: 100, processed: 50 })).toBe(75);
    expect(importPercent({ status: 'running', total: 100, checked: 100, processed: 100 })).toBe(99);
    expect(importPercent({ status: 'rejected', total: 100, checked: 100, processed: 0 })).toBe(100);
  });

  it('sends the content type the server expects for each extension', () => {
    expect(contentTypeOf('成果.CSV')).toBe('text/csv');
    expect(contentTypeOf('a.xlsx')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(contentTypeOf('a.jsonl')).toBe('application/x-ndjson');
    expect(contentTypeOf('a.bin')).toBe('application/octet-stream');
  });
});
