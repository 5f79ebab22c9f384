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
 * `{PUBLIC_SITE_URL}/preview/{token}` for one localization, valid for 30 minutes. The use case checks that the actor
 * may see that text (edit access or article.review) and audits `article.preview_link`; it throws ForbiddenError or
 * EditorialNotFoundError otherwise.
 */
export async function previewUrlFor(actor: Actor | null, articleId: number, locale: Locale): Promise<string> {
  const env = getEnv();
  if (!env.PUBLIC_SITE_URL) throw new PreviewUnavailableError();
  const { token } = await createPreviewToken(getDb(), actor, { articleId, locale }, env.PREVIEW_SECRET);
  return new URL(`/preview/${token}`, env.PUBLIC_SITE_URL).toString();
}
