// The Redis half of the public site's /api/health when it shares Next's cache there (REDIS_URL): can this process
// reach Redis right now? A connection of its own (never the cache's, whose commands pages wait on), a PING bounded
// with the connection by one timeout, so a probe answers in time even when Redis is down or hangs.
import { createClient } from "@redis/client";

export type RedisProbe = {
  /** "ok", or why not in one line (refused, timed out…). */
  check(): Promise<string>;
  close(): Promise<void>;
};

export function createRedisProbe(url: string, { timeoutMs = 1_000 }: { timeoutMs?: number } = {}): RedisProbe {
  let client: ReturnType<typeof connect> | undefined;

  function connect() {
    const redis = createClient({
      url,
      disableOfflineQueue: true,
      commandOptions: { timeout: timeoutMs },
      // A lost connection is not retried here: the next check opens another.
      socket: { connectTimeout: timeoutMs, reconnectStrategy: false },
    });
    redis.on("error", () => {});
    return { redis, ready: redis.connect() };
  }

  function drop() {
    const dropped = client;
    client = undefined;
    // Already closed when Redis went away: nothing to end then.
    if (dropped?.redis.isOpen) dropped.redis.destroy();
  }

  async function ping(): Promise<string> {
    client ??= connect();
    await client.ready;
    await client.redis.ping();
    return "ok";
  }

  return {
    async check() {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
      });
      try {
        return await Promise.race([ping(), timeout]);
      } catch (error) {
        // Refused, lost or hanging: the next check starts on a new connection.
        drop();
        return describe(error);
      } finally {
        clearTimeout(timer);
      }
    },
    close: async () => drop(),
  };
}

/** An error of the Redis client in one line. */
export function describe(error: unknown): string {
  if (error instanceof AggregateError && !error.message) return error.errors.map((e) => describe(e)).join("; ");
  return error instanceof Error ? error.message || error.constructor.name : String(error);
}
