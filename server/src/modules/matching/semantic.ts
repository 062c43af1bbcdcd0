import { createTokenizer, type Tokenizer } from '#server/modules/search/index';
import { normalizeInPlace } from './linalg';
import { embedTokens, indexOfTerms, trainLsa, type LsaModel } from './lsa';

/** Width of every stored vector: LSA models narrower than this are zero-padded (cosine unchanged). */
export const VECTOR_DIMS = 256;

/** A model trained on the platform's corpus, ready to embed text. */
export type SemanticModel = {
  id: number;
  /** Stored next to each listing vector: vectors made with another key must be re-projected. */
  key: string;
  docCount: number;
  lsa: LsaModel;
  centroids: Centroids;
  tokenize(text: string): string[];
  /** A unit vector of VECTOR_DIMS, or undefined when no word of the text is known to the model. */
  embedTokens(tokens: readonly string[]): Float32Array | undefined;
  /** Inverse document frequency of a term (0 when the term is not in the vocabulary). */
  idf(term: string): number;
};

export type Centroids = { domain: Record<string, number[]>; discipline: Record<string, number[]> };

/** A training document: its text and its labels (for the classification centroids). */
export type TrainingDoc = { text: string; domainCode: string | null; discipline: string | null };

let sharedTokenizer: Tokenizer | undefined;
/** One jieba analyser for the semantic layer (the default dictionary: deterministic across processes). */
export function semanticTokenizer(): Tokenizer {
  return (sharedTokenizer ??= createTokenizer());
}

export function pad(v: Float32Array, dims = VECTOR_DIMS): Float32Array {
  if (v.length === dims) {
    return v;
  }
  const out = new Float32Array(dims);
  out.set(v.subarray(0, dims));
  return out;
}

/** Wraps a trained LSA model (plus centroids) into the runtime model. */
export function toSemanticModel(id: number, docCount: number, lsa: LsaModel, centroids: Centroids): SemanticModel {
  const termIndex = indexOfTerms(lsa);
  const tokenizer = semanticTokenizer();
  return {
    id,
    key: `lsa:${id}`,
    docCount,
    lsa,
    centroids,
    tokenize: (text) => tokenizer.tokenize(text),
    embedTokens(tokens) {
      const v = embedTokens(lsa, tokens, termIndex);
      return v ? pad(v) : undefined;
    },
    idf(term) {
      const i = termIndex.get(term);
      return i === undefined ? 0 : lsa.idf[i]!;
    },
  };
}

export type TrainOptions = { dims?: number; maxVocabulary?: number; onProgress?: (step: string) => void };

/** Trains LSA on the corpus and the per-label centroids of its training documents. */
export function trainSemantic(docs: readonly TrainingDoc[], opts: TrainOptions = {}): { lsa: LsaModel; centroids: Centroids } {
  const progress = opts.onProgress ?? (() => undefined);
  const tokenizer = semanticTokenizer();
  const tokens: string[][] = [];
  for (let i = 0; i < docs.length; i++) {
    tokens.push(tokenizer.tokenize(docs[i]!.text));
    if ((i + 1) % 10_000 === 0) {
      progress(`tokenised ${i + 1}/${docs.length}`);
    }
  }
  // Small corpora (a new platform) keep every term seen twice; big ones the 40k most frequent.
  const lsa = trainLsa(tokens, {
    dims: Math.min(opts.dims ?? VECTOR_DIMS, VECTOR_DIMS),
    maxVocabulary: opts.maxVocabulary ?? 40_000,
    minDocFrequency: docs.length < 50 ? 1 : 2,
    maxDocRatio: docs.length < 50 ? 1 : 0.5,
    onProgress: progress,
  });
  const termIndex = indexOfTerms(lsa);
  const sums = { domain: new Map<string, Float64Array>(), discipline: new Map<string, Float64Array>() };
  const add = (m: Map<string, Float64Array>, label: string, v: Float32Array) => {
    let s = m.get(label);
    if (!s) {
      s = new Float64Array(v.length);
      m.set(label, s);
    }
    for (let j = 0; j < v.length; j++) {
      s[j]! += v[j]!;
    }
  };
  docs.forEach((d, i) => {
    if (!d.domainCode && !d.discipline) {
      return;
    }
    const v = embedTokens(lsa, tokens[i]!, termIndex);
    if (!v) {
      return;
    }
    if (d.domainCode) {
      add(sums.domain, d.domainCode, v);
    }
    if (d.discipline) {
      add(sums.discipline, d.discipline, v);
    }
  });
  const finish = (m: Map<string, Float64Array>) => {
    const out: Record<string, number[]> = {};
    for (const [label, s] of m) {
      const v = Float32Array.from(s);
      if (normalizeInPlace(v)) {
        out[label] = Array.from(pad(v), (x) => Math.round(x * 1e6) / 1e6);
      }
    }
    return out;
  };
  progress('centroids computed');
  return { lsa, centroids: { domain: finish(sums.domain), discipline: finish(sums.discipline) } };
}

/** Float32 ⇄ bytes (little-endian, as stored in semantic_models). */
export function floatsToBytes(v: Float32Array): Uint8Array {
  const out = new Uint8Array(v.length * 4);
  const view = new DataView(out.buffer);
  for (let i = 0; i < v.length; i++) {
    view.setFloat32(i * 4, v[i]!, true);
  }
  return out;
}

export function bytesToFloats(b: Uint8Array): Float32Array {
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const out = new Float32Array(b.byteLength / 4);
  for (let i = 0; i < out.length; i++) {
    out[i] = view.getFloat32(i * 4, true);
  }
  return out;
}

/** Cosine of two unit vectors of possibly different (padded) lengths. */
export function cosine(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const n = Math.min(a.length, b.length);
  let s = 0;
  for (let i = 0; i < n; i++) {
    s += a[i]! * b[i]!;
  }
  return s;
}
