// What a server action tells the page: success with a value, or a typed refusal the page turns into a message.
import "server-only";
import {
  BlockedByWarningsError,
  EditorialNotFoundError,
  InvalidInputError,
  InvalidMoveError,
  StaleVersionError,
} from "@minbar/db/editorial";
import { ForbiddenError, type Actor } from "@minbar/db/permissions";
import { findActor } from "./actor.ts";

export type ActionError =
  | { code: "signed_out" | "forbidden" | "not_found" | "stale" | "invalid_move" | "schedule_time" }
  | { code: "invalid"; detail: string }
  | { code: "blocked"; warnings: string[] };

export type ActionResult<T> = { ok: true; value: T } | { ok: false; error: ActionError };

/** Runs a use case as the signed-in actor (re-read from the database), mapping the domain's refusals. */
export async function asActor<T>(run: (actor: Actor) => Promise<T>): Promise<ActionResult<T>> {
  const actor = await findActor();
  if (!actor) return { ok: false, error: { code: "signed_out" } };
  try {
    return { ok: true, value: await run(actor) };
  } catch (error) {
    const mapped = toActionError(error);
    if (mapped) return { ok: false, error: mapped };
    throw error;
  }
}

export function toActionError(error: unknown): ActionError | null {
  if (error instanceof ForbiddenError) return { code: "forbidden" };
  if (error instanceof EditorialNotFoundError) return { code: "not_found" };
  if (error instanceof StaleVersionError) return { code: "stale" };
  if (error instanceof InvalidMoveError) return { code: "invalid_move" };
  if (error instanceof BlockedByWarningsError) return { code: "blocked", warnings: [...error.codes] };
  if (error instanceof InvalidInputError) {
    // The one field an editor types a value the server may refuse into: said in the interface language.
    if (error.issues.every((issue) => issue.path[0] === "scheduledAt")) return { code: "schedule_time" };
    // The fields concerned, by key (the page names them in the interface language; zod's messages are English).
    const fields = new Set(error.issues.map((issue) => String(issue.path[0] ?? "")).filter(Boolean));
    return { code: "invalid", detail: [...fields].join(",") };
  }
  return null;
}
