import { describe, expect, it } from 'vitest';
import { trainSemantic, type TrainingDoc } from './semantic';
import { trainInWorker } from './train-client';

const FIELDS = [
  ['锂电池', '正极材料', '磷酸铁锂', '电解液', '循环寿命', '能量密度'],
  ['水稻', '育种', '抗病', '产量', '杂交', '品种'],
  ['机器人', '伺服', '减速器', '控制算法', '关节', '精度'],
];
function corpus(n: number): TrainingDoc[] {
  return Array.from({ length: n }, (_, i) => {
    const f = FIELDS[i % FIELDS.length]!;
    const words = Array.from({ length: 12 }, (_, j) => f[(i * 7 + j * 3) % f.length]!);
    return { text: `本项目研究${words.join('与')}的关键技术`, domainCode: `TD0${(i % FIELDS.length) + 1}`, discipline: null };
  });
}

describe('trainInWorker', () => {
  it('trains the same model as in-thread training, reporting progress', async () => {
    const docs = corpus(60);
    const steps: string[] = [];
    const inWorker = await trainInWorker(docs, { dims: 8, onProgress: (s) => steps.push(s) });
    const inThread = trainSemantic(docs, { dims: 8 });
    expect(inWorker.lsa.vocabulary).toEqual(inThread.lsa.vocabulary);
    expect(Array.from(inWorker.lsa.termVectors)).toEqual(Array.from(inThread.lsa.termVectors));
    expect(inWorker.lsa.termVectors).toBeInstanceOf(Float32Array);
    expect(Object.keys(inWorker.centroids.domain).sort()).toEqual(['TD01', 'TD02', 'TD03']);
    expect(steps.some((s) => s.startsWith('lsa:'))).toBe(true);
    expect(steps.at(-1)).toBe('centroids computed');
  }, 60_000);

  it('leaves the calling thread free while it trains', async () => {
    let ticks = 0;
    const timer = setInterval(() => ticks++, 5);
    const started = performance.now();
    await trainInWorker(corpus(3000), { dims: 32 });
    const elapsed = performance.now() - started;
    clearInterval(timer);
    // A blocked event loop would tick once at the end; a free one ticks through the training.
    expect(ticks).toBeGreaterThan(Math.min(20, elapsed / 50));
  }, 120_000);

  it('rejects with the worker error when training fails', async () => {
    // A document whose text is not a string makes the tokeniser throw inside the worker.
    const broken = [{ text: 42, domainCode: null, discipline: null }] as unknown as TrainingDoc[];
    await expect(trainInWorker(broken, { dims: 4 })).rejects.toThrow(/semantic training failed/);
  }, 60_000);
});
