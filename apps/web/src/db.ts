// The database handle for server components, after the environment has been checked.
import "server-only";
import { getPrisma, type PrismaClient } from "@minbar/db/client";
import { getEnv } from "./env.ts";

export function getDb(): PrismaClient {
  getEnv();
  return getPrisma();
}
