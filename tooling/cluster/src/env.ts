// The one place @minbar/cluster reads the environment: what `npm run cluster` starts against and on which ports.
import { z } from "zod";
import { parseEnv, postgresUrl } from "@minbar/db/env";

const schema = z.object({
  DATABASE_URL: postgresUrl,
  REDIS_URL: z.url({ protocol: /^rediss?$/, error: "must be a redis:// URL (e.g. redis://127.0.0.1:6379)" }),
  VARNISH_PORT: z.coerce.number().int().positive().default(8080),
  /** The first public-site instance's port; the second takes the next one. */
  CLUSTER_WEB_PORT: z.coerce.number().int().positive().default(3000),
  /** The first admin instance's port; the second takes the next one. */
  CLUSTER_ADMIN_PORT: z.coerce.number().int().positive().default(3010),
  ADMIN_EMAIL: z.email().optional(),
  ADMIN_PASSWORD: z.string().optional(),
  AUTH_SECRET: z.string().min(32).optional(),
  REVALIDATE_SECRET: z.string().min(16).optional(),
  PREVIEW_SECRET: z.string().min(32).optional(),
  SKIP_BUILD: z.enum(["0", "1"]).default("0"),
  LOG_LEVEL: z.string().optional(),
});

export function readClusterEnv(source: NodeJS.ProcessEnv = process.env) {
  return parseEnv(schema, source, "npm run cluster: invalid environment");
}
