import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOpenAiEmbeddings } from './embeddings';

let server: Server;
let url: string;
const seen: { auth?: string; body: { model: string; input: string[]; dimensions?: number } }[] = [];
let failNext = false;

beforeAll(async () => {
  // A fake OpenAI-compatible service: the embedding of a text is [length, 1, 0, …] (then normalised by the client).
  server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c: Buffer) => (raw += c.toString()));
    req.on('end', () => {
      const body = JSON.parse(raw) as { model: string; input: string[]; dimensions?: number };
      seen.push({ ...(req.headers.authorization ? { auth: req.headers.authorization } : {}), body });
      if (failNext || req.url !== '/v1/embeddings') {
        failNext = false;
        res.writeHead(req.url !== '/v1/embeddings' ? 404 : 500).end('{}');
        return;
      }
      const dims = body.dimensions ?? 4;
      const data = body.input.map((t, index) => ({ index, embedding: Array.from({ length: dims }, (_, j) => (j === 0 ? t.length : j === 1 ? 1 : 0)) })).reverse();
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ data }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe('createOpenAiEmbeddings', () => {
  it('posts to /v1/embeddings with model, key and dimensions, and returns unit vectors in input order', async () => {
    const p = createOpenAiEmbeddings({ url: `${url}/v1/`, model: 'bge-m3', apiKey: 'sk-test', dimensions: 4 });
    expect(p.key).toBe('ext:bge-m3');
    const [a, b] = await p.embed(['abc', 'x']);
    expect(seen.at(-1)).toMatchObject({ auth: 'Bearer sk-test', body: { model: 'bge-m3', input: ['abc', 'x'], dimensions: 4 } });
    expect(a![0]).toBeCloseTo(3 / Math.sqrt(10));
    expect(b![0]).toBeCloseTo(1 / Math.sqrt(2));
    expect(Math.hypot(...a!)).toBeCloseTo(1);
    expect(await p.embed([])).toEqual([]);
  });

  it('reports an HTTP failure without echoing the key', async () => {
    failNext = true;
    const p = createOpenAiEmbeddings({ url, model: 'm', apiKey: 'sk-secret' });
    const err = await p.embed(['a']).catch((e: unknown) => e as Error);
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).message).toBe('embeddings service answered HTTP 500');
    expect((err as Error).message).not.toContain('sk-secret');
  });
});
