// One pino logger per process: JSON lines on stdout, at LOG_LEVEL, with every header, field and query value that
// could carry a credential replaced by "[Redacted]" before it is written.
import pino, { type Logger } from "pino";
import { readObservabilityEnv, type LogLevel } from "./env.ts";

export { newJobId } from "./request-id.ts";

export type { Logger } from "pino";

/** Field paths pino blanks wherever they occur one or two levels down (headers, a job's input, an error's details). */
export const REDACTED_PATHS = [
  "password",
  "token",
  "secret",
  "authorization",
  "cookie",
  "*.password",
  "*.token",
  "*.secret",
  "*.authorization",
  "*.cookie",
  '*["set-cookie"]',
  "*.*.password",
  "*.*.token",
  "*.*.secret",
  "*.*.authorization",
  "*.*.cookie",
  '*.*["set-cookie"]',
];

/** A logger writing to `destination` (stdout by default); `app` names the process in every line. */
export function createLogger(
  app: string,
  { level, destination }: { level?: LogLevel; destination?: pino.DestinationStream } = {},
): Logger {
  const options: pino.LoggerOptions = {
    level: level ?? readObservabilityEnv().logLevel,
    base: { app },
    redact: { paths: REDACTED_PATHS, censor: "[Redacted]" },
    // ISO times read by people and by every log shipper alike.
    timestamp: pino.stdTimeFunctions.isoTime,
  };
  return destination ? pino(options, destination) : pino(options);
}

// The app's own code (bundled by Next) and its server share one logger per process: the first caller makes it.
const holder = globalThis as typeof globalThis & { __minbarLogger?: Logger };

/** This process's logger, made on first use with `app` as its name. */
export function processLogger(app: string): Logger {
  holder.__minbarLogger ??= createLogger(app);
  return holder.__minbarLogger;
}

// Query parameters whose values are credentials (a preview link's token, a sign-in link's code).
const SECRET_PARAM = /token|secret|password|key|sig|code|auth/i;

/** The request's path and query, with the values of credential-like query parameters replaced. */
export function loggablePath(url: string): string {
  const query = url.indexOf("?");
  if (query === -1) return url;
  const params = new URLSearchParams(url.slice(query + 1));
  for (const name of new Set(params.keys())) if (SECRET_PARAM.test(name)) params.set(name, "redacted");
  const rest = params.toString();
  return rest ? `${url.slice(0, query)}?${rest}` : url.slice(0, query);
}

/** The code's own messages (a job's warning, a signal not confirmed, a failed render), as the console takes them. */
export type MessageLog = {
  info(message: string): void;
  warn(message: string): void;
  error(message: string, error?: unknown): void;
};

/** Plain messages written through `logger`: the message in `msg`, an error beside it in `err` (type, message, stack). */
export function messagesThrough(logger: () => Logger): MessageLog {
  return {
    info: (message) => logger().info(message),
    warn: (message) => logger().warn(message),
    error: (message, error) =>
      error === undefined ? logger().error(message) : logger().error({ err: error }, message),
  };
}

/**
 * This process's logger for plain messages, so they are JSON lines like the requests' and the jobs'. Start-up lines
 * for the person starting a server, and the one line a misconfigured server stops with, stay on the console.
 */
export function messageLog(app: string): MessageLog {
  return messagesThrough(() => processLogger(app));
}
