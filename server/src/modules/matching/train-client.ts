import { spawnWorker } from '#server/lib/spawn-worker';
import type { LsaModel } from './lsa';
import type { Centroids, TrainingDoc } from './semantic';

export type TrainRequest = { docs: TrainingDoc[]; dims?: number };
export type TrainResponse = { type: 'progress'; step: string } | { type: 'done'; lsa: LsaModel; centroids: Centroids } | { type: 'error'; message: string };

/**
 * Trains the semantic model (`trainSemantic`) in a worker thread, so that the server keeps answering
 * while it runs; progress steps are forwarded. The worker exits when it is done.
 */
export function trainInWorker(docs: TrainingDoc[], opts: { dims?: number; onProgress?: (step: string) => void } = {}): Promise<{ lsa: LsaModel; centroids: Centroids }> {
  const worker = spawnWorker(import.meta.url, 'train-worker');
  return new Promise((resolve, reject) => {
    let settled = false;
    const settle = (fn: () => void) => {
      if (!settled) {
        settled = true;
        fn();
        void worker.terminate();
      }
    };
    worker.on('message', (msg: TrainResponse) => {
      if (msg.type === 'progress') {
        opts.onProgress?.(msg.step);
      } else if (msg.type === 'done') {
        settle(() => resolve({ lsa: msg.lsa, centroids: msg.centroids }));
      } else {
        settle(() => reject(new Error(`semantic training failed: ${msg.message}`)));
      }
    });
    worker.on('error', (err) => settle(() => reject(err)));
    worker.on('exit', (code) => settle(() => reject(new Error(`training worker exited with code ${code}`))));
    const req: TrainRequest = { docs, ...(opts.dims ? { dims: opts.dims } : {}) };
    worker.postMessage(req);
  });
}
