import pg from 'pg';
import type { Logger } from '../logger';

type Handler = (payload: string) => void;

const RECONNECT_DELAY_MS = 1_000;

/**
 * LISTEN on PostgreSQL over one dedicated connection (a pooled one would be handed to queries),
 * opened on first use and reopened after it is lost, re-listening to every channel in use.
 */
export class PgListener {
  readonly #url: string;
  readonly #logger?: Logger;
  readonly #handlers = new Map<string, Set<Handler>>();
  #client: Promise<pg.Client> | undefined;
  #closed = false;

  constructor(url: string, logger?: Logger) {
    this.#url = url;
    this.#logger = logger;
  }

  #connect(): Promise<pg.Client> {
    this.#client ??= (async () => {
      const client = new pg.Client({ connectionString: this.#url });
      client.on('notification', (message) => {
        for (const handler of this.#handlers.get(message.channel) ?? []) {
          handler(message.payload ?? '');
        }
      });
      client.on('error', (error) => {
        this.#logger?.warn('notification connection lost', { error });
        this.#client = undefined;
        client.end().catch(() => {});
        if (!this.#closed) setTimeout(() => this.#reconnect(), RECONNECT_DELAY_MS).unref();
      });
      await client.connect();
      for (const channel of this.#handlers.keys()) {
        await client.query(`listen ${pg.escapeIdentifier(channel)}`);
      }
      return client;
    })();
    return this.#client;
  }

  #reconnect(): void {
    if (this.#closed || this.#handlers.size === 0) return;
    this.#connect().catch((error) => {
      this.#logger?.warn('notification connection failed', { error });
      this.#client = undefined;
      setTimeout(() => this.#reconnect(), RECONNECT_DELAY_MS).unref();
    });
  }

  async listen(channel: string, handler: Handler): Promise<() => Promise<void>> {
    const fresh = !this.#handlers.has(channel);
    const handlers = this.#handlers.get(channel) ?? new Set();
    handlers.add(handler);
    this.#handlers.set(channel, handlers);
    const client = await this.#connect();
    if (fresh) await client.query(`listen ${pg.escapeIdentifier(channel)}`);
    return async () => {
      handlers.delete(handler);
      if (handlers.size > 0 || this.#closed) return;
      this.#handlers.delete(channel);
      const current = await this.#client;
      await current?.query(`unlisten ${pg.escapeIdentifier(channel)}`).catch(() => {});
    };
  }

  async close(): Promise<void> {
    this.#closed = true;
    const client = this.#client;
    this.#client = undefined;
    if (client) await (await client.catch(() => undefined))?.end().catch(() => {});
  }
}
