// The database handle for the admin's server code, after the environment has been checked.
import "server-only";
import { getPrisma, type PrismaClient } from "@minbar/db/client";
import { getEnv } from "./env.ts";

export function getDb(): PrismaClient {
  getEnv();
  return getPrisma();
}
