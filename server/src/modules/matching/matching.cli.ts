import type { MatchingService } from './matching.service';

type Out = (msg: string) => void;

/** `transfernet matching train`: trains LSA on the published corpus and re-projects every listing. */
export async function trainMatchingCommand(services: { matching: MatchingService }, opts: { dims?: string; json?: boolean }, out: Out): Promise<void> {
  const t0 = performance.now();
  const dims = opts.dims ? Number(opts.dims) : undefined;
  if (dims !== undefined && (!Number.isInteger(dims) || dims < 2 || dims > 256)) {
    throw new Error('--dims must be an integer from 2 to 256');
  }
  const result = await services.matching.train({ ...(dims ? { dims } : {}), onProgress: opts.json ? undefined : (step) => out(`  ${step} (${((performance.now() - t0) / 1000).toFixed(1)} s)`) });
  const seconds = Math.round((performance.now() - t0) / 100) / 10;
  if (opts.json) {
    out(JSON.stringify({ ...result, seconds }, null, 2));
  } else {
    out(`semantic model ${result.modelId}: ${result.docs} listings, ${result.vocabulary} terms × ${result.dims} dims; ${result.projected} listing vectors projected in ${seconds} s`);
  }
}

/** `transfernet matching notify`: processes pending match notifications once (the server does it every 2 s). */
export async function notifyMatchingCommand(services: { matching: MatchingService }, out: Out): Promise<void> {
  const r = await services.matching.processOutbox();
  out(`${r.processed} published listing(s) processed, ${r.notified} e-mail(s) handed to the transport`);
}
