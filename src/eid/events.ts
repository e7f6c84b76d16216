// Card insert/remove and reader changes, by polling the slot list on a timer: C_GetSlotList is
// quick and never waits, whereas a blocking C_WaitForSlotEvent would freeze the extension host.
import type { Reader } from './model';

export type CardEvent =
  | { type: 'card-inserted'; reader: Reader }
  | { type: 'card-removed'; reader: Reader }
  | { type: 'reader-added'; reader: Reader }
  | { type: 'reader-removed'; reader: Reader }
  | { type: 'error'; error: Error };

export interface WatchOptions {
  /** Milliseconds between two looks at the readers (default 1000). */
  intervalMs?: number;
}

/** The events that lead from one look at the readers to the next. */
export function changesBetween(before: Reader[], after: Reader[]): CardEvent[] {
  const events: CardEvent[] = [];
  const previous = new Map(before.map((reader) => [reader.slot, reader]));
  const current = new Map(after.map((reader) => [reader.slot, reader]));
  for (const reader of before) {
    if (current.has(reader.slot)) continue;
    if (reader.cardPresent) events.push({ type: 'card-removed', reader });
    events.push({ type: 'reader-removed', reader });
  }
  for (const reader of after) {
    const old = previous.get(reader.slot);
    if (!old) events.push({ type: 'reader-added', reader });
    if (reader.cardPresent && !old?.cardPresent) events.push({ type: 'card-inserted', reader });
    if (!reader.cardPresent && old?.cardPresent) events.push({ type: 'card-removed', reader });
  }
  return events;
}

/**
 * Calls `listener` with every change seen by `look` (the readers now). The first look sets the
 * baseline and reports cards already present as inserted. Returns a function that stops watching.
 * The timer is unref'd: watching never keeps a process alive.
 */
export function watchReaders(look: () => Promise<Reader[]>, listener: (event: CardEvent) => void, options: WatchOptions = {}): () => void {
  let known: Reader[] = [];
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const tick = async () => {
    try {
      const now = await look();
      const events = changesBetween(known, now);
      known = now;
      for (const event of events) if (!stopped) listener(event);
    } catch (error) {
      if (!stopped) listener({ type: 'error', error: error as Error });
    }
    if (!stopped) {
      timer = setTimeout(tick, options.intervalMs ?? 1000);
      timer.unref();
    }
  };
  void tick();
  return () => {
    stopped = true;
    if (timer) clearTimeout(timer);
  };
}
