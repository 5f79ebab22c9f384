// When an import warning counts as resolved, and which ones still keep a localization from going live.
import { readWarnings, type StoredWarning } from "../blocks.ts";
import { BLOCKING_WARNING_CODES } from "../warnings.ts";

type Resolvable = { title: string | null; publishedAt: Date | null };

const hasText = (value: string | null): boolean => value !== null && value.trim() !== "";

/** A warning is resolved once the editor has supplied what it said was missing. */
function isResolved(code: string, values: Resolvable): boolean {
  switch (code) {
    case "missing_title":
      return hasText(values.title);
    case "missing_date":
    case "missing_year":
      return values.publishedAt !== null;
    default:
      return false;
  }
}

export function withoutResolvedWarnings(warnings: StoredWarning[], values: Resolvable): StoredWarning[] {
  return warnings.filter((warning) => !isResolved(warning.code, values));
}

/**
 * The warnings to store after a text is written in the admin: those still open, plus missing_title whenever the
 * title is blank, so an article started in the editor shows the same warnings as an import in the same state.
 */
export function warningsAfterEdit(warnings: StoredWarning[], values: Resolvable): StoredWarning[] {
  const open = withoutResolvedWarnings(warnings, values);
  if (!hasText(values.title) && !open.some((warning) => warning.code === "missing_title"))
    open.push({ code: "missing_title", message: "no title" });
  return open;
}

/**
 * What still blocks going live. A title is required even without an import warning saying so: a text created in
 * the admin, or one whose title was cleared later, must not reach the public site untitled.
 */
export function openBlockingCodes(localization: Resolvable & { warnings: unknown }): string[] {
  const codes = new Set(
    withoutResolvedWarnings(readWarnings(localization.warnings), localization)
      .map((warning) => warning.code)
      .filter((code) => BLOCKING_WARNING_CODES.has(code)),
  );
  if (!hasText(localization.title)) codes.add("missing_title");
  return [...codes];
}

/**
 * The wire text credits a photo but the article shows none: not blocking, but the desk should add one. Worked out
 * from the article as it is (not stored), so it goes away the moment a photo is attached.
 */
export const PHOTO_MISSING = "photo_missing";

export function isPhotoMissing(article: {
  photoCreditId: number | null;
  leadImageId: number | null;
  leadPhotoUrl: string | null;
}): boolean {
  return article.photoCreditId !== null && article.leadImageId === null && !article.leadPhotoUrl;
}
