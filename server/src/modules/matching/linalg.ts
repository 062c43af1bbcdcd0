// Small dense/sparse linear algebra for the corpus-trained semantic model (randomised SVD).
// Dense matrices are row-major Float64Arrays; sparse ones are CSR.

/** A sparse matrix in compressed-row form. */
export type CsrMatrix = {
  rows: number;
  cols: number;
  rowPtr: Int32Array;
  colIdx: Int32Array;
  values: Float32Array;
};

/** A seeded pseudo-random source (mulberry32), so that trained models are reproducible. */
export function createRng(seed: number): { next(): number; gaussian(): number } {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    gaussian() {
      const u = Math.max(next(), 1e-12);
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * next());
    },
  };
}

/** A · X, with A sparse (r×c) and X dense (c×k); returns r×k. */
export function multiplySparseDense(a: CsrMatrix, x: Float64Array, k: number): Float64Array {
  const out = new Float64Array(a.rows * k);
  for (let r = 0; r < a.rows; r++) {
    const o = r * k;
    for (let p = a.rowPtr[r]!; p < a.rowPtr[r + 1]!; p++) {
      const v = a.values[p]!;
      const xo = a.colIdx[p]! * k;
      for (let j = 0; j < k; j++) {
        out[o + j]! += v * x[xo + j]!;
      }
    }
  }
  return out;
}

/** Aᵀ · Y, with A sparse (r×c) and Y dense (r×k); returns c×k. */
export function multiplySparseTransposeDense(a: CsrMatrix, y: Float64Array, k: number): Float64Array {
  const out = new Float64Array(a.cols * k);
  for (let r = 0; r < a.rows; r++) {
    const yo = r * k;
    for (let p = a.rowPtr[r]!; p < a.rowPtr[r + 1]!; p++) {
      const v = a.values[p]!;
      const o = a.colIdx[p]! * k;
      for (let j = 0; j < k; j++) {
        out[o + j]! += v * y[yo + j]!;
      }
    }
  }
  return out;
}

/** Xᵀ · X for dense X (n×k); returns the symmetric k×k Gram matrix. */
export function gram(x: Float64Array, n: number, k: number): Float64Array {
  const g = new Float64Array(k * k);
  for (let r = 0; r < n; r++) {
    const o = r * k;
    for (let i = 0; i < k; i++) {
      const xi = x[o + i]!;
      if (xi === 0) {
        continue;
      }
      const gi = i * k;
      for (let j = i; j < k; j++) {
        g[gi + j]! += xi * x[o + j]!;
      }
    }
  }
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < i; j++) {
      g[i * k + j] = g[j * k + i]!;
    }
  }
  return g;
}

/**
 * Replaces the columns of X (n×k) by an orthonormal basis of their span, in place
 * (Cholesky QR applied twice, which is accurate enough for randomised SVD in float64).
 */
export function orthonormalizeColumns(x: Float64Array, n: number, k: number): void {
  for (let pass = 0; pass < 2; pass++) {
    const g = gram(x, n, k);
    let trace = 0;
    for (let i = 0; i < k; i++) {
      trace += g[i * k + i]!;
    }
    // A tiny ridge keeps the factorisation defined when some columns are (nearly) dependent.
    const ridge = (trace / k) * 1e-10 + 1e-300;
    for (let i = 0; i < k; i++) {
      g[i * k + i]! += ridge;
    }
    const r = choleskyUpper(g, k);
    solveRowsUpper(x, n, k, r);
  }
}

// G = RᵀR with R upper triangular (row-major k×k).
function choleskyUpper(g: Float64Array, k: number): Float64Array {
  const r = new Float64Array(k * k);
  for (let i = 0; i < k; i++) {
    let d = g[i * k + i]!;
    for (let p = 0; p < i; p++) {
      d -= r[p * k + i]! * r[p * k + i]!;
    }
    const rii = Math.sqrt(Math.max(d, 1e-300));
    r[i * k + i] = rii;
    for (let j = i + 1; j < k; j++) {
      let s = g[i * k + j]!;
      for (let p = 0; p < i; p++) {
        s -= r[p * k + i]! * r[p * k + j]!;
      }
      r[i * k + j] = s / rii;
    }
  }
  return r;
}

// Each row x of X becomes the solution z of z·R = x (R is read column-wise, so transpose it once).
function solveRowsUpper(x: Float64Array, n: number, k: number, r: Float64Array): void {
  const rt = new Float64Array(k * k);
  for (let i = 0; i < k; i++) {
    for (let j = i; j < k; j++) {
      rt[j * k + i] = r[i * k + j]!;
    }
  }
  for (let row = 0; row < n; row++) {
    const o = row * k;
    for (let j = 0; j < k; j++) {
      const rj = j * k;
      let s = x[o + j]!;
      for (let p = 0; p < j; p++) {
        s -= x[o + p]! * rt[rj + p]!;
      }
      x[o + j] = s / rt[rj + j]!;
    }
  }
}

/** Eigen-decomposition of a symmetric k×k matrix (cyclic Jacobi); eigenvalues descending. */
export function symmetricEigen(m: Float64Array, k: number): { values: Float64Array; vectors: Float64Array } {
  const a = Float64Array.from(m);
  const v = new Float64Array(k * k);
  for (let i = 0; i < k; i++) {
    v[i * k + i] = 1;
  }
  for (let sweep = 0; sweep < 60; sweep++) {
    let off = 0;
    let diag = 0;
    for (let i = 0; i < k; i++) {
      diag += a[i * k + i]! * a[i * k + i]!;
      for (let j = i + 1; j < k; j++) {
        off += a[i * k + j]! * a[i * k + j]!;
      }
    }
    if (off <= 1e-22 * diag) {
      break;
    }
    for (let p = 0; p < k; p++) {
      for (let q = p + 1; q < k; q++) {
        const apq = a[p * k + q]!;
        if (Math.abs(apq) < 1e-300) {
          continue;
        }
        const theta = (a[q * k + q]! - a[p * k + p]!) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let i = 0; i < k; i++) {
          const aip = a[i * k + p]!;
          const aiq = a[i * k + q]!;
          a[i * k + p] = c * aip - s * aiq;
          a[i * k + q] = s * aip + c * aiq;
        }
        for (let i = 0; i < k; i++) {
          const api = a[p * k + i]!;
          const aqi = a[q * k + i]!;
          a[p * k + i] = c * api - s * aqi;
          a[q * k + i] = s * api + c * aqi;
        }
        for (let i = 0; i < k; i++) {
          const vip = v[i * k + p]!;
          const viq = v[i * k + q]!;
          v[i * k + p] = c * vip - s * viq;
          v[i * k + q] = s * vip + c * viq;
        }
      }
    }
  }
  const order = Array.from({ length: k }, (_, i) => i).sort((x, y) => a[y * k + y]! - a[x * k + x]!);
  const values = new Float64Array(k);
  const vectors = new Float64Array(k * k);
  order.forEach((src, dst) => {
    values[dst] = a[src * k + src]!;
    for (let i = 0; i < k; i++) {
      vectors[i * k + dst] = v[i * k + src]!;
    }
  });
  return { values, vectors };
}

/** Scales a vector to unit length in place; returns false for the zero vector. */
export function normalizeInPlace(x: Float32Array): boolean {
  let s = 0;
  for (let i = 0; i < x.length; i++) {
    s += x[i]! * x[i]!;
  }
  if (s === 0) {
    return false;
  }
  const inv = 1 / Math.sqrt(s);
  for (let i = 0; i < x.length; i++) {
    x[i]! *= inv;
  }
  return true;
}

/** Dot product of two equal-length vectors. */
export function dot(a: Float32Array, b: Float32Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) {
    s += a[i]! * b[i]!;
  }
  return s;
}
