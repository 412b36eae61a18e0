import type { Listen } from '../db/database';
import type { Logger } from '../logger';
import { CHANGES_CHANNEL } from '../store/write-transaction';

type Subscriber = { onChange: () => void; onClose: () => void };

/**
 * Tells the open side panels of a contact center that something changed, whichever instance
 * made the change: every write transaction NOTIFYs the tenant id at commit, and each instance
 * LISTENs on one connection and fans the signal out to its own subscribers. Nothing here is
 * state that matters: a client that misses a signal still pulls periodically.
 */
export class ChangeNotifier {
  readonly #listen: Listen;
  readonly #logger: Logger;
  readonly #subscribers = new Map<string, Set<Subscriber>>();
  #stop: (() => Promise<void>) | undefined;
  #closed = false;

  constructor(listen: Listen, logger: Logger) {
    this.#listen = listen;
    this.#logger = logger;
  }

  /** Starts listening; call once before serving. */
  async start(): Promise<void> {
    this.#stop = await this.#listen(CHANGES_CHANNEL, (tenantId) => {
      for (const subscriber of this.#subscribers.get(tenantId) ?? []) {
        try {
          subscriber.onChange();
        } catch (error) {
          this.#logger.warn('change subscriber failed', { error });
        }
      }
    });
  }

  /** `onChange` on each change of the tenant; `onClose` when the server shuts down. */
  subscribe(tenantId: string, onChange: () => void, onClose: () => void = () => {}): () => void {
    if (this.#closed) {
      onClose();
      return () => {};
    }
    const subscriber = { onChange, onClose };
    const set = this.#subscribers.get(tenantId) ?? new Set();
    set.add(subscriber);
    this.#subscribers.set(tenantId, set);
    return () => {
      set.delete(subscriber);
      if (set.size === 0) this.#subscribers.delete(tenantId);
    };
  }

  /** Resolves true at the tenant's next change, false after `timeoutMs` or on `signal`. */
  nextChange(tenantId: string, timeoutMs: number, signal?: AbortSignal): Promise<boolean> {
    return new Promise((resolve) => {
      const finish = (changed: boolean) => {
        clearTimeout(timer);
        unsubscribe();
        signal?.removeEventListener('abort', aborted);
        resolve(changed);
      };
      const aborted = () => finish(false);
      const timer = setTimeout(() => finish(false), timeoutMs);
      const unsubscribe = this.subscribe(
        tenantId,
        () => finish(true),
        () => finish(false),
      );
      signal?.addEventListener('abort', aborted, { once: true });
    });
  }

  /** Stops listening and ends every subscription (open event streams close). */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    for (const set of this.#subscribers.values()) {
      for (const subscriber of set) subscriber.onClose();
    }
    this.#subscribers.clear();
    await this.#stop?.();
  }
}
