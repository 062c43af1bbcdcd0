// Worker thread that trains the semantic model: tokenising the corpus and the SVD take seconds to
// minutes of CPU, which on the server's main thread would stall every request meanwhile.
import { parentPort } from 'node:worker_threads';
import { trainSemantic } from './semantic';
import type { TrainRequest, TrainResponse } from './train-client';

function reply(msg: TrainResponse, transfer: ArrayBuffer[] = []) {
  parentPort?.postMessage(msg, transfer);
}

parentPort?.once('message', (req: TrainRequest) => {
  try {
    const { lsa, centroids } = trainSemantic(req.docs, { ...(req.dims ? { dims: req.dims } : {}), onProgress: (step) => reply({ type: 'progress', step }) });
    reply({ type: 'done', lsa, centroids }, [lsa.idf.buffer as ArrayBuffer, lsa.termVectors.buffer as ArrayBuffer, lsa.singularValues.buffer as ArrayBuffer]);
  } catch (err) {
    reply({ type: 'error', message: err instanceof Error ? (err.stack ?? err.message) : String(err) });
  }
});
