// The one place in @minbar/observability that reads process.env: the metrics token and the log level, read by both
// apps' servers (and by the apps' own code, in the same process, for the log level).
import { z } from "zod";
import { parseEnv } from "@minbar/db/env";

export const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

const schema = z.object({
  /** Bearer token of GET /metrics; unset: /metrics answers 404. */
  METRICS_TOKEN: z.string().min(16, "must be at least 16 characters (openssl rand -base64 32)").optional(),
  /** The least severe line written: one per request and per job at info (the default). */
  LOG_LEVEL: z.enum(LOG_LEVELS).default("info"),
});

export type ObservabilityEnv = { metricsToken: string | undefined; logLevel: LogLevel };

/** Reads and validates the variables; empty strings count as unset. Throws one line naming every problem. */
export function readObservabilityEnv(source: NodeJS.ProcessEnv = process.env): ObservabilityEnv {
  const env = parseEnv(schema, source, "Invalid environment for logs and metrics");
  return { metricsToken: env.METRICS_TOKEN, logLevel: env.LOG_LEVEL };
}
