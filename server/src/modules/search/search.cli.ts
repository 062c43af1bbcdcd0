import { systemActor } from '#server/modules/auth/index';
import type { PublishedSource, SearchService } from './search.service';

/** `transfernet search rebuild`: re-indexes every published listing, printing progress. */
export async function rebuildSearchCommand(
  services: { search: SearchService; publishedListings: PublishedSource },
  opts: { json?: boolean },
  out: (msg: string) => void,
): Promise<void> {
  const started = performance.now();
  let lastPrint = 0;
  const result = await services.search.rebuild(systemActor('cli:search-rebuild'), services.publishedListings, ({ kind, done }) => {
    const now = performance.now();
    if (!opts.json && now - lastPrint > 500) {
      lastPrint = now;
      out(`  ${kind}s: ${done} indexed (${((done / Math.max(1, now - started)) * 1000).toFixed(0)}/s)`);
    }
  });
  const seconds = (performance.now() - started) / 1000;
  if (opts.json) {
    out(JSON.stringify({ ...result, seconds }, null, 2));
  } else {
    out(`search index rebuilt (${result.engine}): ${result.achievements} achievements, ${result.demands} demands, ${result.removed} stale rows removed in ${seconds.toFixed(1)} s`);
  }
}
