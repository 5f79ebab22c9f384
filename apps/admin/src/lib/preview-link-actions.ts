"use server";
// The server action behind a "Preview" button: a fresh preview link for one localization, or why there is none.
import { z } from "zod";
import { EditorialNotFoundError } from "@minbar/db/editorial";
import { ForbiddenError } from "@minbar/db/permissions";
import { LOCALES } from "@minbar/i18n";
import { findActor } from "./actor.ts";
import { previewUrlFor, PreviewUnavailableError } from "./preview-link.ts";

export type PreviewLinkResult =
  { ok: true; url: string } | { ok: false; error: "forbidden" | "not_found" | "unavailable" | "invalid" };

const input = z.object({ articleId: z.coerce.number().int().positive(), locale: z.enum(LOCALES) });

/** Call with `{ articleId, locale }`, or bind it to a form holding those fields. */
export async function createPreviewLinkAction(
  request: { articleId: number; locale: string } | FormData,
): Promise<PreviewLinkResult> {
  const raw =
    request instanceof FormData ? { articleId: request.get("articleId"), locale: request.get("locale") } : request;
  const parsed = input.safeParse(raw);
  if (!parsed.success) return { ok: false, error: "invalid" };
  try {
    // findActor, not requireActor: a signed-out caller gets "forbidden" from the use case instead of a redirect.
    return { ok: true, url: await previewUrlFor(await findActor(), parsed.data.articleId, parsed.data.locale) };
  } catch (error) {
    if (error instanceof ForbiddenError) return { ok: false, error: "forbidden" };
    if (error instanceof EditorialNotFoundError) return { ok: false, error: "not_found" };
    if (error instanceof PreviewUnavailableError) return { ok: false, error: "unavailable" };
    throw error;
  }
}
