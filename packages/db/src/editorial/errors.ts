// The editorial domain's typed refusals, so a server action can map each to a message without parsing strings.
import type { z } from "zod";
import type { ArticleStatus } from "../generated/prisma/client.ts";

export class EditorialError extends Error {
  constructor(
    readonly code: "not_found" | "invalid_input" | "invalid_move" | "blocked" | "stale_version",
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class EditorialNotFoundError extends EditorialError {
  constructor(
    readonly entity: string,
    readonly id: number,
  ) {
    super("not_found", `${entity} ${id} not found`);
  }
}

export class InvalidInputError extends EditorialError {
  constructor(readonly issues: readonly { path: PropertyKey[]; message: string }[]) {
    super(
      "invalid_input",
      `Invalid input: ${issues.map((issue) => `${issue.path.join(".") || "(root)"}: ${issue.message}`).join("; ")}`,
    );
  }
}

/** The move is not in the workflow table (e.g. draft → published), whoever asks. */
export class InvalidMoveError extends EditorialError {
  constructor(
    readonly from: ArticleStatus,
    readonly to: ArticleStatus,
  ) {
    super("invalid_move", `No workflow move from ${from} to ${to}`);
  }
}

/** Blocking warnings (e.g. missing_title) are still open: the localization cannot be approved, scheduled or published. */
export class BlockedByWarningsError extends EditorialError {
  constructor(readonly codes: readonly string[]) {
    super("blocked", `Resolve these first: ${codes.join(", ")}`);
  }
}

/** Someone changed the localization since the caller read it; reload and try again. */
export class StaleVersionError extends EditorialError {
  constructor(
    readonly expectedVersion: number,
    readonly currentVersion: number | null,
  ) {
    super("stale_version", `Expected version ${expectedVersion}, found ${currentVersion ?? "none"}`);
  }
}

/** Parses a use case's input, turning zod's failure into the domain's own error. */
export function parseInput<T>(schema: z.ZodType<T>, input: unknown): T {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new InvalidInputError(parsed.error.issues);
  return parsed.data;
}
