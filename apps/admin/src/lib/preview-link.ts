// Preview links for editors: a signed, short-lived URL on the public site that shows a draft as readers will see it.
import "server-only";
import { createPreviewToken } from "@minbar/db/editorial";
import type { Actor } from "@minbar/db/permissions";
import type { Locale } from "@minbar/i18n";
import { getDb } from "../db.ts";
import { getEnv } from "../env.ts";

/** The public site's origin is not configured, so there is nowhere to send the editor. */
export class PreviewUnavailableError extends Error {
  constructor() {
    super("Preview links need PUBLIC_SITE_URL");
    this.name = "PreviewUnavailableError";
  }
}

/**
 * `{PUBLIC_SITE_URL}/preview/{token}` for one localization, valid for `lifetimeMinutes` (30 unless given, at most a
 * week). The use case checks that the actor may see that text (edit access or article.review) and audits
 * `article.preview_link`; it throws ForbiddenError, EditorialNotFoundError or InvalidInputError otherwise.
 */
export async function previewUrlFor(
  actor: Actor | null,
  articleId: number,
  locale: Locale,
  lifetimeMinutes?: number,
): Promise<{ url: string; expiresAt: Date }> {
  const env = getEnv();
  if (!env.PUBLIC_SITE_URL) throw new PreviewUnavailableError();
  const { token, expiresAt } = await createPreviewToken(
    getDb(),
    actor,
    { articleId, locale, ...(lifetimeMinutes === undefined ? {} : { lifetimeMinutes }) },
    env.PREVIEW_SECRET,
  );
  return { url: new URL(`/preview/${token}`, env.PUBLIC_SITE_URL).toString(), expiresAt };
}
