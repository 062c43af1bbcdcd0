import {
  createRng,
  gram,
  multiplySparseDense,
  multiplySparseTransposeDense,
  normalizeInPlace,
  orthonormalizeColumns,
  symmetricEigen,
  type CsrMatrix,
} from './linalg';

/** Training options of the latent semantic model (defaults measured on CSL, bench/README.md). */
export type LsaOptions = {
  dims?: number;
  /** Keep at most this many terms, the most frequent first. */
  maxVocabulary?: number;
  /** Drop terms found in fewer documents (they cannot relate documents). */
  minDocFrequency?: number;
  /** Drop terms found in more than this share of documents. */
  maxDocRatio?: number;
  /** Subspace (power) iterations of the randomised SVD. */
  powerIterations?: number;
  /** Exponent of the singular values in the embedding (1 = classic UΣ, 0 = whitened U). */
  singularExponent?: number;
  seed?: number;
  onProgress?: (step: string) => void;
};

/** A trained LSA model: tf-idf term weights and their k-dimensional projections. */
export type LsaModel = {
  dims: number;
  vocabulary: string[];
  idf: Float32Array;
  /** vocabulary.length × dims, row-major, already scaled by the singular values. */
  termVectors: Float32Array;
  singularValues: Float32Array;
};

const DEFAULTS = { dims: 256, maxVocabulary: 50_000, minDocFrequency: 2, maxDocRatio: 0.5, powerIterations: 3, singularExponent: 0.5, seed: 42 };
const OVERSAMPLING = 16;

/** Trains LSA (truncated SVD of the log-tf·idf matrix) on tokenised documents. */
export function trainLsa(docs: readonly (readonly string[])[], opts: LsaOptions = {}): LsaModel {
  const o = { ...DEFAULTS, ...opts };
  const progress = opts.onProgress ?? (() => undefined);
  const { vocabulary, idf, termIndex } = buildVocabulary(docs, o.minDocFrequency, o.maxDocRatio, o.maxVocabulary);
  const a = buildTfIdf(docs, termIndex, idf);
  const l = Math.min(o.dims + OVERSAMPLING, vocabulary.length, docs.length);
  const k = Math.min(o.dims, l);
  progress(`lsa: ${docs.length} docs × ${vocabulary.length} terms, rank ${k}`);

  const rng = createRng(o.seed);
  const omega = new Float64Array(a.cols * l);
  for (let i = 0; i < omega.length; i++) {
    omega[i] = rng.gaussian();
  }
  let y = multiplySparseDense(a, omega, l); // n × l
  orthonormalizeColumns(y, a.rows, l);
  for (let it = 0; it < o.powerIterations; it++) {
    // Subspace iteration on AAᵀ; re-orthonormalising the n-side basis each round is enough in float64.
    const z = multiplySparseTransposeDense(a, y, l); // V × l
    y = multiplySparseDense(a, z, l);
    orthonormalizeColumns(y, a.rows, l);
    progress(`lsa: power iteration ${it + 1}/${o.powerIterations}`);
  }
  // B = QᵀA (l × V) is kept transposed: Bt = AᵀQ (V × l). BBᵀ = BtᵀBt is small (l × l).
  const bt = multiplySparseTransposeDense(a, y, l);
  const bbt = gram(bt, a.cols, l);
  const { values, vectors } = symmetricEigen(bbt, l);
  const singularValues = new Float32Array(k);
  for (let j = 0; j < k; j++) {
    singularValues[j] = Math.sqrt(Math.max(values[j]!, 0));
  }
  // Right singular vectors: V = Bt·Ub·Σ⁻¹, and A·V = UΣ. A document x is embedded as x·V·Σ^(e−1)
  // (= UΣ^e for the training documents), so one matrix serves: termVectors = Bt·Ub·Σ^(e−2).
  const termVectors = new Float32Array(a.cols * k);
  const scale = new Float64Array(k);
  for (let j = 0; j < k; j++) {
    const s = singularValues[j]!;
    scale[j] = s > 0 ? Math.pow(s, o.singularExponent - 2) : 0;
  }
  for (let t = 0; t < a.cols; t++) {
    const ro = t * l;
    for (let j = 0; j < k; j++) {
      let acc = 0;
      for (let i = 0; i < l; i++) {
        acc += bt[ro + i]! * vectors[i * l + j]!;
      }
      termVectors[t * k + j] = acc * scale[j]!;
    }
  }
  return { dims: k, vocabulary, idf, termVectors, singularValues };
}

/** Embeds tokens into the model's space (unit length), or returns undefined when no term is known. */
export function embedTokens(model: LsaModel, tokens: readonly string[], termIndex = indexOfTerms(model)): Float32Array | undefined {
  const weights = termWeights(tokens, termIndex, model.idf);
  if (weights.size === 0) {
    return undefined;
  }
  const out = new Float32Array(model.dims);
  for (const [t, w] of weights) {
    const o = t * model.dims;
    for (let j = 0; j < model.dims; j++) {
      out[j]! += w * model.termVectors[o + j]!;
    }
  }
  return normalizeInPlace(out) ? out : undefined;
}

/** Term → row of the model, for repeated embedding calls. */
export function indexOfTerms(model: LsaModel): Map<string, number> {
  return new Map(model.vocabulary.map((t, i) => [t, i]));
}

function buildVocabulary(docs: readonly (readonly string[])[], minDf: number, maxRatio: number, maxVocab: number) {
  const df = new Map<string, number>();
  for (const doc of docs) {
    for (const t of new Set(doc)) {
      df.set(t, (df.get(t) ?? 0) + 1);
    }
  }
  const maxDf = Math.max(minDf, Math.floor(maxRatio * docs.length));
  // Frequency descending, then the term itself: a deterministic order.
  const kept = [...df]
    .filter(([, n]) => n >= minDf && n <= maxDf)
    .sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0))
    .slice(0, maxVocab);
  const vocabulary = kept.map(([t]) => t);
  const idf = Float32Array.from(kept, ([, n]) => Math.log((docs.length + 1) / (n + 1)) + 1);
  const termIndex = new Map(vocabulary.map((t, i) => [t, i]));
  return { vocabulary, idf, termIndex };
}

// Sublinear tf times idf, L2-normalised per document.
function termWeights(tokens: readonly string[], termIndex: Map<string, number>, idf: Float32Array): Map<number, number> {
  const tf = new Map<number, number>();
  for (const t of tokens) {
    const i = termIndex.get(t);
    if (i !== undefined) {
      tf.set(i, (tf.get(i) ?? 0) + 1);
    }
  }
  let norm = 0;
  for (const [i, n] of tf) {
    const w = (1 + Math.log(n)) * idf[i]!;
    tf.set(i, w);
    norm += w * w;
  }
  const inv = norm > 0 ? 1 / Math.sqrt(norm) : 0;
  for (const [i, w] of tf) {
    tf.set(i, w * inv);
  }
  return tf;
}

function buildTfIdf(docs: readonly (readonly string[])[], termIndex: Map<string, number>, idf: Float32Array): CsrMatrix {
  const rowPtr = new Int32Array(docs.length + 1);
  const cols: number[] = [];
  const vals: number[] = [];
  docs.forEach((doc, r) => {
    const weights = [...termWeights(doc, termIndex, idf)].sort((x, y) => x[0] - y[0]);
    for (const [c, w] of weights) {
      cols.push(c);
      vals.push(w);
    }
    rowPtr[r + 1] = cols.length;
  });
  return { rows: docs.length, cols: termIndex.size, rowPtr, colIdx: Int32Array.from(cols), values: Float32Array.from(vals) };
}
