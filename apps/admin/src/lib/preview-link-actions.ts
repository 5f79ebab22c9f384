"use server";
// The server actions behind the preview box: a fresh preview link for one localization (with the lifetime the
// editor chose, bounded by the use case), or revoking every preview link of an article.
import { z } from "zod";
import { EditorialNotFoundError, InvalidInputError, revokePreviewLinks } from "@minbar/db/editorial";
import { ForbiddenError } from "@minbar/db/permissions";
import { LOCALES } from "@minbar/i18n";
import { getDb } from "../db.ts";
import { findActor } from "./actor.ts";
import { previewUrlFor, PreviewUnavailableError } from "./preview-link.ts";

type PreviewError = "forbidden" | "not_found" | "unavailable" | "invalid";

export type PreviewLinkResult = { ok: true; url: string; expiresAt: string } | { ok: false; error: PreviewError };

export type RevokePreviewLinksResult = { ok: true } | { ok: false; error: Exclude<PreviewError, "unavailable"> };

// The lifetime's bound (a week) is the use case's: anything else reaches it and is refused there as invalid.
const input = z.object({
  articleId: z.coerce.number().int().positive(),
  locale: z.enum(LOCALES),
  lifetimeMinutes: z.coerce.number().int().optional(),
});

function refusal(error: unknown): PreviewError | null {
  if (error instanceof ForbiddenError) return "forbidden";
  if (error instanceof EditorialNotFoundError) return "not_found";
  if (error instanceof InvalidInputError) return "invalid";
  if (error instanceof PreviewUnavailableError) return "unavailable";
  return null;
}

/** Call with `{ articleId, locale, lifetimeMinutes? }`, or bind it to a form holding those fields. */
export async function createPreviewLinkAction(
  request: { articleId: number; locale: string; lifetimeMinutes?: number } | FormData,
): Promise<PreviewLinkResult> {
  const raw =
    request instanceof FormData
      ? {
          articleId: request.get("articleId"),
          locale: request.get("locale"),
          lifetimeMinutes: request.get("lifetimeMinutes") ?? undefined,
        }
      : request;
  const parsed = input.safeParse(raw);
  if (!parsed.success) return { ok: false, error: "invalid" };
  const { articleId, locale, lifetimeMinutes } = parsed.data;
  try {
    // findActor, not requireActor: a signed-out caller gets "forbidden" from the use case instead of a redirect.
    const link = await previewUrlFor(await findActor(), articleId, locale, lifetimeMinutes);
    return { ok: true, url: link.url, expiresAt: link.expiresAt.toISOString() };
  } catch (error) {
    const code = refusal(error);
    if (code) return { ok: false, error: code };
    throw error;
  }
}

/** Every preview link of the article, in every language, stops working on the public site. */
export async function revokePreviewLinksAction(request: { articleId: number }): Promise<RevokePreviewLinksResult> {
  const parsed = z.object({ articleId: z.coerce.number().int().positive() }).safeParse(request);
  if (!parsed.success) return { ok: false, error: "invalid" };
  try {
    await revokePreviewLinks(getDb(), await findActor(), { articleId: parsed.data.articleId });
    return { ok: true };
  } catch (error) {
    const code = refusal(error);
    if (code && code !== "unavailable") return { ok: false, error: code };
    throw error;
  }
}
