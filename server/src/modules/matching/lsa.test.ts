import { describe, expect, it } from 'vitest';
import { createRng, dot, gram, multiplySparseDense, orthonormalizeColumns, symmetricEigen, type CsrMatrix } from './linalg';
import { embedTokens, trainLsa } from './lsa';

function denseToCsr(rows: number[][]): CsrMatrix {
  const rowPtr = new Int32Array(rows.length + 1);
  const cols: number[] = [];
  const vals: number[] = [];
  rows.forEach((r, i) => {
    r.forEach((v, j) => {
      if (v !== 0) {
        cols.push(j);
        vals.push(v);
      }
    });
    rowPtr[i + 1] = cols.length;
  });
  return { rows: rows.length, cols: rows[0]!.length, rowPtr, colIdx: Int32Array.from(cols), values: Float32Array.from(vals) };
}

describe('linalg', () => {
  it('orthonormalises random columns (QᵀQ = I) and keeps their span', () => {
    const n = 60;
    const k = 8;
    const rng = createRng(7);
    const x = Float64Array.from({ length: n * k }, () => rng.gaussian());
    const original = Float64Array.from(x);
    orthonormalizeColumns(x, n, k);
    const g = gram(x, n, k);
    for (let i = 0; i < k; i++) {
      for (let j = 0; j < k; j++) {
        expect(g[i * k + j]!).toBeCloseTo(i === j ? 1 : 0, 9);
      }
    }
    // Span kept: each original column equals its projection on the new basis.
    for (let c = 0; c < k; c++) {
      const coef = new Float64Array(k);
      for (let j = 0; j < k; j++) {
        for (let r = 0; r < n; r++) {
          coef[j]! += x[r * k + j]! * original[r * k + c]!;
        }
      }
      for (let r = 0; r < n; r++) {
        let p = 0;
        for (let j = 0; j < k; j++) {
          p += x[r * k + j]! * coef[j]!;
        }
        expect(p).toBeCloseTo(original[r * k + c]!, 8);
      }
    }
  });

  it('finds the eigenpairs of a symmetric matrix (A·v = λ·v, descending)', () => {
    const k = 5;
    const rng = createRng(3);
    const b = Float64Array.from({ length: k * k }, () => rng.gaussian());
    const a = gram(b, k, k); // BᵀB: symmetric positive semi-definite
    const { values, vectors } = symmetricEigen(a, k);
    for (let j = 0; j < k; j++) {
      if (j > 0) {
        expect(values[j]!).toBeLessThanOrEqual(values[j - 1]!);
      }
      for (let i = 0; i < k; i++) {
        let av = 0;
        for (let p = 0; p < k; p++) {
          av += a[i * k + p]! * vectors[p * k + j]!;
        }
        expect(av).toBeCloseTo(values[j]! * vectors[i * k + j]!, 8);
      }
    }
  });

  it('multiplies sparse by dense like the dense product', () => {
    const dense = [
      [1, 0, 2],
      [0, 3, 0],
    ];
    const x = Float64Array.from([1, 2, 3, 4, 5, 6]); // 3×2
    const out = multiplySparseDense(denseToCsr(dense), x, 2);
    expect([...out]).toEqual([1 + 10, 2 + 12, 9, 12]);
  });
});

describe('trainLsa', () => {
  it('reconstructs a rank-2 term-document matrix exactly from two dimensions', () => {
    // Two topics with disjoint vocabularies: the tf-idf matrix has rank 2 at most per topic block.
    const docs = [
      ['电池', '正极', '材料'],
      ['电池', '正极', '材料'],
      ['电池', '正极', '材料'],
      ['水稻', '育种', '基因'],
      ['水稻', '育种', '基因'],
      ['水稻', '育种', '基因'],
    ];
    const model = trainLsa(docs, { dims: 2, minDocFrequency: 1, maxDocRatio: 1, singularExponent: 1 });
    expect(model.dims).toBe(2);
    // With exponent 1 a training document embeds as its row of UΣ; its norm equals the tf-idf row norm (1).
    const v1 = embedTokens(model, docs[0]!)!;
    const v4 = embedTokens(model, docs[3]!)!;
    expect(Math.hypot(...v1)).toBeCloseTo(1, 5);
    expect(dot(v1, v4)).toBeCloseTo(0, 5);
    expect(model.singularValues[0]!).toBeCloseTo(Math.sqrt(3), 4);
    expect(model.singularValues[1]!).toBeCloseTo(Math.sqrt(3), 4);
  });

  it('puts documents on the same topic near each other, even without shared words', () => {
    const battery = ['锂电池', '正极', '电解液', '负极', '隔膜', '容量', '循环'];
    const rice = ['水稻', '育种', '基因', '产量', '抗病', '种子', '栽培'];
    const rng = createRng(11);
    const pick = (words: string[]) => Array.from({ length: 5 }, () => words[Math.floor(rng.next() * words.length)]!);
    const docs = [...Array.from({ length: 40 }, () => pick(battery)), ...Array.from({ length: 40 }, () => pick(rice))];
    // Two latent dimensions for two topics: the truncation is what pools a topic's words.
    const model = trainLsa(docs, { dims: 2, minDocFrequency: 1, maxDocRatio: 0.9 });
    const a = embedTokens(model, ['正极', '电解液'])!;
    const b = embedTokens(model, ['隔膜', '循环'])!; // same topic, no word in common with a
    const c = embedTokens(model, ['水稻', '抗病'])!;
    expect(dot(a, b)).toBeGreaterThan(0.6);
    expect(dot(a, c)).toBeLessThan(0.3);
    expect(embedTokens(model, ['未知词'])).toBeUndefined();
  });

  it('is deterministic for a seed', () => {
    const docs = [['甲', '乙'], ['乙', '丙'], ['丙', '甲'], ['甲', '丁']];
    const m1 = trainLsa(docs, { dims: 2, minDocFrequency: 1, maxDocRatio: 1 });
    const m2 = trainLsa(docs, { dims: 2, minDocFrequency: 1, maxDocRatio: 1 });
    expect([...m1.termVectors]).toEqual([...m2.termVectors]);
  });
});
