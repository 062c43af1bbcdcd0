import type { AuctionLiveState, AuctionStatus, AuctionStreamEvent, Bid } from '#shared/contracts/auctions.contract';

export type AuctionWatchState = { lastSeq: number; status: AuctionStatus; endsAt: string };
export type AuctionPollRow = AuctionWatchState & { id: string; live: AuctionLiveState };

export type AuctionEventsDeps = {
  /** One query for every watched auction: its status, end and live state, and its bids after `afterSeq` (oldest first). */
  poll: (watch: { id: string; afterSeq: number }[]) => Promise<(AuctionPollRow & { bids: Bid[] })[]>;
  intervalMs?: number;
  log?: (obj: Record<string, unknown>, msg: string) => void;
};

type Listener = (event: AuctionStreamEvent) => void;
/** `live`: the live state at `state.lastSeq` (the first watcher's snapshot, then each publish); null if not given. */
type Watched = { listeners: Set<Listener>; state: AuctionWatchState; live: AuctionLiveState | null };

/**
 * Live auction events for the Server-Sent Events streams of THIS process. Bids accepted here are
 * published at once; bids accepted by other processes (same database) are found by one poller per
 * process that reads, in one query per tick, the state and new bids of every auction someone here watches.
 * Every event passes through `publish`, which drops what was already sent, so a bid is sent once.
 */
export function createAuctionEvents({ poll, intervalMs = 400, log = () => undefined }: AuctionEventsDeps) {
  const watched = new Map<string, Watched>();
  let timer: ReturnType<typeof setInterval> | undefined;
  let polling = false;

  function emit(id: string, event: AuctionStreamEvent) {
    for (const l of watched.get(id)?.listeners ?? []) {
      try {
        l(event);
      } catch (err) {
        log({ err }, 'auction event listener failed');
      }
    }
  }

  /** Sends what is new compared with what this process already sent for the auction. */
  function publish(id: string, bids: readonly Bid[], live: AuctionLiveState, status: AuctionStatus) {
    const w = watched.get(id);
    if (!w) {
      return;
    }
    for (const bid of bids) {
      if (bid.seq > w.state.lastSeq) {
        w.state.lastSeq = bid.seq;
        w.live = live;
        emit(id, { type: 'bid', bid, auction: live });
      }
    }
    if (live.endsAt !== w.state.endsAt) {
      w.state.endsAt = live.endsAt;
      emit(id, { type: 'extended', endsAt: live.endsAt });
    }
    if (status !== w.state.status) {
      w.state.status = status;
      if (status !== 'scheduled') {
        emit(id, { type: 'closed', status });
      }
    }
  }

  async function tick() {
    if (polling || watched.size === 0) {
      return;
    }
    polling = true;
    try {
      const rows = await poll([...watched].map(([id, w]) => ({ id, afterSeq: w.state.lastSeq })));
      for (const row of rows) {
        // publish drops what was sent meanwhile (bids accepted here while the query ran).
        publish(row.id, row.bids, row.live, row.status);
      }
    } catch (err) {
      log({ err }, 'auction events poll failed');
    } finally {
      polling = false;
    }
  }

  function ensureTimer() {
    if (!timer && watched.size > 0) {
      timer = setInterval(() => void tick(), intervalMs);
      timer.unref();
    }
  }

  return {
    publish,
    /**
     * Starts watching an auction from `state` (the snapshot just sent). Returns the unsubscribe
     * function and the state this process already sent (it can be ahead of the snapshot: the caller
     * then sends the bids in between itself, with `sent.live`; clients drop a sequence they have already seen).
     */
    subscribe(id: string, state: AuctionWatchState & { live?: AuctionLiveState }, listener: Listener): { unsubscribe: () => void; sent: AuctionWatchState & { live: AuctionLiveState | null } } {
      let w = watched.get(id);
      if (!w) {
        w = { listeners: new Set(), state: { lastSeq: state.lastSeq, status: state.status, endsAt: state.endsAt }, live: state.live ?? null };
        watched.set(id, w);
      }
      w.listeners.add(listener);
      ensureTimer();
      const sent = { ...w.state, live: w.live };
      const unsubscribe = () => {
        const cur = watched.get(id);
        if (!cur) {
          return;
        }
        cur.listeners.delete(listener);
        if (cur.listeners.size === 0) {
          watched.delete(id);
        }
        if (watched.size === 0 && timer) {
          clearInterval(timer);
          timer = undefined;
        }
      };
      return { unsubscribe, sent };
    },
    /** How many auctions this process polls (for tests). */
    watchedCount: () => watched.size,
    tick,
    stop() {
      if (timer) {
        clearInterval(timer);
        timer = undefined;
      }
      watched.clear();
    },
  };
}
export type AuctionEvents = ReturnType<typeof createAuctionEvents>;
