// The admin's message catalogues: the shared core (messages/<locale>.json) plus one folder per feature
// (messages/<feature>/<locale>.json), merged into one set of namespaces. Feature namespaces must not repeat.
import type { Locale } from "@minbar/i18n";

export const FEATURE_CATALOGUES = [
  "editor",
  "accounts",
  "import",
  "audit",
  "roles",
  "revisions",
  "editorflow",
  "conventions",
  "names",
  "translation",
  "media",
  "changes",
  "sections",
  "frontpage",
] as const;

export async function loadMessages(locale: Locale): Promise<Record<string, unknown>> {
  const parts = await Promise.all([
    import(`../../messages/${locale}.json`),
    ...FEATURE_CATALOGUES.map((feature) => import(`../../messages/${feature}/${locale}.json`)),
  ]);
  return Object.assign({}, ...parts.map((part: { default: Record<string, unknown> }) => part.default));
}
