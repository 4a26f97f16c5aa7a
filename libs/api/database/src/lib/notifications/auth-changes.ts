import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Client } from 'pg';
import type { InvalidationFeed } from './fresh-cache';

/** The application role's connection URL, for the listening connection. */
export const AUTH_CHANGES_URL = Symbol('AUTH_CHANGES_URL');

/** Channels the triggers of migration NotifyAuthChanges announce on. */
export const AUTH_CHANNELS = {
  /** Payload: the id of an account that was changed or removed. */
  account: 'wegweiser_account',
  /** Payload: md5 of the id of a session that was changed or removed (no session id leaves the table). */
  session: 'wegweiser_session',
} as const;

type Channel = keyof typeof AUTH_CHANNELS;
type Handler = (key: string) => void;

const RECONNECT_MS = 1_000;

/**
 * Every instance hears at once when an account or a session changes in the database: one connection per process
 * LISTENs on the channels the triggers of `app_user` and `user_session` notify on (at commit). The caches of
 * sessions and accounts evict what is announced; while the connection is down (`listening` false) they are not
 * used at all, and they are emptied when it comes back, so a missed announcement can never keep a stale entry.
 */
@Injectable()
export class AuthChanges implements InvalidationFeed, OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(AuthChanges.name);
  private readonly handlers: { channel: Channel; handler: Handler }[] = [];
  private readonly resets: (() => void)[] = [];
  private client: Client | undefined;
  private closing = false;
  private retry: NodeJS.Timeout | undefined;
  listening = false;
  epoch = 0;

  constructor(@Inject(AUTH_CHANGES_URL) private readonly url: string) {}

  on(channel: Channel, handler: Handler): void {
    this.handlers.push({ channel, handler });
  }

  /** Called whenever the feed was lost: everything remembered may be stale. */
  onReset(reset: () => void): void {
    this.resets.push(reset);
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.connect();
  }

  async onApplicationShutdown(): Promise<void> {
    this.closing = true;
    if (this.retry) clearTimeout(this.retry);
    this.lost();
    await this.client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    if (this.closing) return;
    const client = new Client({ connectionString: this.url, application_name: 'wegweiser-api-listen' });
    client.on('notification', (message) => {
      const entry = Object.entries(AUTH_CHANNELS).find(([, name]) => name === message.channel);
      if (!entry || !message.payload) return;
      this.epoch++;
      for (const { channel, handler } of this.handlers) if (channel === entry[0]) handler(message.payload);
    });
    client.on('error', () => this.reconnect(client));
    client.on('end', () => this.reconnect(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${AUTH_CHANNELS.account}; LISTEN ${AUTH_CHANNELS.session}`);
      this.client = client;
      this.lost(); // anything remembered before this connection may have missed an announcement
      this.listening = true;
    } catch {
      this.logger.warn('Not listening for account and session changes (retrying): every request reads them');
      await client.end().catch(() => undefined);
      this.reconnect(client);
    }
  }

  private reconnect(client: Client): void {
    if (this.client && this.client !== client) return;
    this.client = undefined;
    this.lost();
    if (this.closing || this.retry) return;
    this.retry = setTimeout(() => {
      this.retry = undefined;
      void this.connect();
    }, RECONNECT_MS);
    this.retry.unref();
  }

  private lost(): void {
    this.listening = false;
    this.epoch++;
    for (const reset of this.resets) reset();
  }
}
