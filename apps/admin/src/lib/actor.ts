// Who is making this request: the session resolved against the database each time, or a redirect to /login. auth()
// has already checked the server-side session (ended, idle, expired: no session; see auth.ts).
import "server-only";
import { redirect } from "next/navigation";
import { loadActor } from "@minbar/db/accounts";
import type { Actor } from "@minbar/db/permissions";
import { auth } from "../auth.ts";
import { getDb } from "../db.ts";

/** The signed-in actor, or null when signed out, disabled, or the session predates a role/password change. */
export async function findActor(): Promise<Actor | null> {
  const session = await auth();
  if (!session || session.authUserId === undefined || session.authVersion === undefined) return null;
  return loadActor(getDb(), session.authUserId, session.authVersion);
}

export async function requireActor(): Promise<Actor> {
  const actor = await findActor();
  if (!actor) redirect("/login");
  return actor;
}
