/**
 * An external embedding service, for deployments that have one (decision 007). The semantic layer
 * uses it for listing and query vectors instead of the corpus-trained LSA model when configured
 * (EMBEDDINGS_URL / EMBEDDINGS_MODEL / EMBEDDINGS_API_KEY); classification stays on LSA.
 */
export type EmbeddingProvider = {
  /** Stored with every vector it made: changing provider or model re-projects the listings. */
  key: string;
  embed(texts: readonly string[]): Promise<Float32Array[]>;
};

export type OpenAiEmbeddingsConfig = {
  /** Base URL, e.g. http://10.0.0.5:8000 or https://api.example.com (…/v1/embeddings is appended). */
  url: string;
  model: string;
  apiKey?: string;
  /** Asked of the service (OpenAI `dimensions`); vectors must have the platform's width (256). */
  dimensions?: number;
  timeoutMs?: number;
  fetchImpl?: typeof fetch;
};

/** An OpenAI-compatible `POST /v1/embeddings` client (batched, unit-normalised output). */
export function createOpenAiEmbeddings(cfg: OpenAiEmbeddingsConfig): EmbeddingProvider {
  const endpoint = `${cfg.url.replace(/\/+$/, '').replace(/\/v1$/, '')}/v1/embeddings`;
  const doFetch = cfg.fetchImpl ?? fetch;
  return {
    key: `ext:${cfg.model}`,
    async embed(texts) {
      if (texts.length === 0) {
        return [];
      }
      const res = await doFetch(endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(cfg.apiKey ? { authorization: `Bearer ${cfg.apiKey}` } : {}) },
        body: JSON.stringify({ model: cfg.model, input: texts, ...(cfg.dimensions ? { dimensions: cfg.dimensions } : {}) }),
        signal: AbortSignal.timeout(cfg.timeoutMs ?? 10_000),
      });
      if (!res.ok) {
        // Never echo the request (it may carry the key); the status is enough to diagnose.
        throw new Error(`embeddings service answered HTTP ${res.status}`);
      }
      const body = (await res.json()) as { data?: { index?: number; embedding?: unknown }[] };
      if (!Array.isArray(body.data) || body.data.length !== texts.length) {
        throw new Error('embeddings service returned a malformed body');
      }
      const out: Float32Array[] = new Array<Float32Array>(texts.length);
      body.data.forEach((d, i) => {
        if (!Array.isArray(d.embedding) || !d.embedding.every((x) => typeof x === 'number')) {
          throw new Error('embeddings service returned a non-numeric embedding');
        }
        const v = Float32Array.from(d.embedding);
        let s = 0;
        for (const x of v) {
          s += x * x;
        }
        const inv = s > 0 ? 1 / Math.sqrt(s) : 0;
        for (let j = 0; j < v.length; j++) {
          v[j]! *= inv;
        }
        out[typeof d.index === 'number' ? d.index : i] = v;
      });
      return out;
    },
  };
}
