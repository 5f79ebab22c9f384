// The browser's preferred interface language among the admin's (Accept-Language, RFC 9110 §12.5.4), for a page seen
// before anyone chose one: the one-time link's page of a new colleague.
import { isLocale, type Locale } from "@minbar/i18n";

/** The first of ar/ru/en in the header's order of preference (`ru-RU` counts as `ru`), or null when none is there. */
export function preferredLocale(header: string | null | undefined): Locale | null {
  if (!header) return null;
  const ranked = header
    .split(",")
    .map((part, index) => {
      const [range = "", ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      const weight = q ? Number(q.slice(2)) : 1;
      return {
        language: range.trim().toLowerCase().split("-")[0] ?? "",
        weight: Number.isNaN(weight) ? 0 : weight,
        index,
      };
    })
    .filter((entry) => entry.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  return ranked.map((entry) => entry.language).find(isLocale) ?? null;
}
