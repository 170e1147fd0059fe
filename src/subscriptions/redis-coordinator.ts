import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { JunctionError, type ErrorCode } from '../errors.ts';
import type { PollEvent } from './poll-source.ts';
import type { PollCoordinator } from './registry.ts';
import type { SharedPoller } from './shared-poller.ts';

const RENEW = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end`;
// Releasing also drops the leader's last value, so a later subscriber never gets an answer from a finished poller.
const RELEASE = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1], KEYS[2]) else return 0 end`;
// The holder of the lease and the last value; the value counts only if that same replica (still polling) wrote it.
const LEASE_AND_LATEST = `return { redis.call('get', KEYS[1]) or '', redis.call('get', KEYS[2]) or '' }`;

type WireError = { kind: 'error'; error: { code: ErrorCode; message: string }; fatal: true };
type WireEvent = { fingerprint: string; event: Extract<PollEvent<unknown>, { kind: 'value' }> | WireError };

/**
 * Cluster mode: a Redis lease makes exactly one replica poll a key; it publishes what it polls and the other
 * replicas with subscribers for that key relay it. Keys already carry the access scope, so a replica only ever
 * holds a lease for a principal one of its own subscribers brought, and polls with that subscriber's credentials.
 * A replica that dies stops renewing; its lease expires after `leaseMs` and a waiting replica takes over.
 */
export function createRedisCoordinator(redisUrl: string, { leaseMs = 3000, prefix = 'junction' } = {}) {
  const replica = randomUUID();
  const commands = new Redis(redisUrl, { lazyConnect: false, maxRetriesPerRequest: 2 });
  const subscriber = new Redis(redisUrl, { lazyConnect: false, maxRetriesPerRequest: 2 });
  const relays = new Map<string, (wire: WireEvent) => void>();
  subscriber.on('message', (channel: string, message: string) => {
    try {
      relays.get(channel)?.(JSON.parse(message) as WireEvent);
    } catch {
      // A malformed message on our channel (another tool, another version) is dropped, not fatal to the process.
    }
  });
  // ioredis reconnects by itself; without a listener an outage would be an unhandled 'error' event.
  commands.on('error', () => {});
  subscriber.on('error', () => {});

  const coordinator: PollCoordinator & { close(): Promise<void>; replica: string; readonly connected: boolean } = {
    replica,
    get connected() {
      return commands.status === 'ready' && subscriber.status === 'ready';
    },
    join<T>(key: string, poller: SharedPoller<T>) {
      const lease = `${prefix}:lease:${key}`;
      const channel = `${prefix}:events:${key}`;
      const latest = `${prefix}:latest:${key}`;
      let leader = false;
      let closed = false;
      const relay = (wire: WireEvent) => {
        if (leader) return;
        const event: PollEvent<T> = wire.event.kind === 'error'
          ? { kind: 'error' as const, error: new JunctionError(wire.event.error.code ?? 'INTERNAL', wire.event.error.message), fatal: true as const }
          : wire.event as PollEvent<T>;
        poller.deliver(event, wire.fingerprint);
      };
      relays.set(channel, relay);
      // A replica that joins late gets the value the leader last saw at once, not after the next change.
      void subscriber.subscribe(channel)
        .then(() => commands.eval(LEASE_AND_LATEST, 2, lease, latest) as Promise<[string, string]>)
        .then(([holder, stamped]) => {
          if (holder && stamped.startsWith(`${holder}\n`)) relay(JSON.parse(stamped.slice(holder.length + 1)) as WireEvent);
        })
        .catch(() => {});
      poller.onPolled = (event, fingerprint) => {
        if (event.kind === 'end') return;
        const wire: WireEvent = event.kind === 'error'
          ? { fingerprint, event: { kind: 'error', fatal: true, error: { code: (event.error as JunctionError).code ?? 'INTERNAL', message: (event.error as Error).message } } }
          : { fingerprint, event };
        const text = JSON.stringify(wire);
        void commands.multi().set(latest, `${replica}\n${text}`, 'PX', leaseMs * 2).publish(channel, text).exec().catch(() => {});
      };
      const contend = async () => {
        if (closed) return;
        try {
          if (leader) {
            leader = (await commands.eval(RENEW, 1, lease, replica, leaseMs)) === 1;
            if (!leader) poller.pause();
          } else if ((await commands.set(lease, replica, 'PX', leaseMs, 'NX')) === 'OK') {
            leader = true;
            poller.start();
          }
        } catch {
          if (leader) poller.pause();
          leader = false;
        }
      };
      void contend();
      const timer = setInterval(() => void contend(), Math.max(50, Math.floor(leaseMs / 3)));
      return () => {
        closed = true;
        clearInterval(timer);
        relays.delete(channel);
        void subscriber.unsubscribe(channel).catch(() => {});
        if (leader) void commands.eval(RELEASE, 2, lease, latest, replica).catch(() => {});
      };
    },
    async close() {
      await Promise.allSettled([commands.quit(), subscriber.quit()]);
    },
  };
  return coordinator;
}
