// The one place `npm start` reads its own variables; the packages it calls read theirs through their env modules.
import { z } from "zod";
import { firstAdminPasswordProblem } from "@minbar/db/accounts";
import { parseEnv } from "@minbar/db/env";
import { mediaEnvShape } from "@minbar/media/env";
import { LOG_LEVELS } from "@minbar/observability";

/** The variables only `npm start` reads, checked before anything starts; a problem ends it with one line. */
export function readStartEnv() {
  const schema = z.object({
    WEB_PORT: z.coerce.number().int().positive().default(3000),
    ADMIN_PORT: z.coerce.number().int().positive().default(3001),
    ADMIN_EMAIL: z.string().email().optional(),
    ADMIN_PASSWORD: z.string().optional(),
    AUTH_SECRET: z.string().min(32).optional(),
    PREVIEW_SECRET: z.string().min(32).optional(),
    ADMIN_SITE_URL: z.string().url().optional(),
    SKIP_BUILD: z.enum(["0", "1"]).default("0"),
    LOG_LEVEL: z.enum(LOG_LEVELS).optional(),
    // Checked here too, so a bucket without its keys stops npm start before anything starts.
    ...mediaEnvShape,
  });
  try {
    const parsed = parseEnv(schema, process.env, "invalid environment");
    // The rule ensureFirstAdmin applies, checked here too so a bad value stops npm start before the database starts.
    const problem = parsed.ADMIN_PASSWORD ? firstAdminPasswordProblem(parsed.ADMIN_PASSWORD) : null;
    if (problem) throw new Error(problem);
    return parsed;
  } catch (error) {
    console.error(`[minbar] start failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
