// A new role's key, derived from its names so nobody has to invent one: the English name, else the Russian or the
// Arabic one written in Latin letters, made into lower-case letters, digits and hyphens; a number is added when the
// key is taken. The key is internal (the forms show names), but stays readable in the audit log's details.
import type { Prisma } from "../generated/prisma/client.ts";

// prettier-ignore
const CYRILLIC: Record<string, string> = {
  а: "a", б: "b", в: "v", г: "g", д: "d", е: "e", ё: "e", ж: "zh", з: "z", и: "i", й: "y", к: "k", л: "l", м: "m",
  н: "n", о: "o", п: "p", р: "r", с: "s", т: "t", у: "u", ф: "f", х: "kh", ц: "ts", ч: "ch", ш: "sh", щ: "shch",
  ъ: "", ы: "y", ь: "", э: "e", ю: "yu", я: "ya",
};

// prettier-ignore
const ARABIC: Record<string, string> = {
  ا: "a", أ: "a", إ: "i", آ: "a", ٱ: "a", ب: "b", ت: "t", ث: "th", ج: "j", ح: "h", خ: "kh", د: "d", ذ: "dh", ر: "r",
  ز: "z", س: "s", ش: "sh", ص: "s", ض: "d", ط: "t", ظ: "z", ع: "a", غ: "gh", ف: "f", ق: "q", ك: "k", ل: "l", م: "m",
  ن: "n", ه: "h", ة: "a", و: "w", ي: "y", ى: "a", ء: "", ئ: "y", ؤ: "w", پ: "p", چ: "ch", گ: "g", ڤ: "v",
};

const MAX_LENGTH = 40;

/** `name` in lower-case Latin letters, digits and single hyphens, or null when nothing usable is left. */
export function roleKeyFrom(name: string): string | null {
  // Letters first (й is not и plus a breve), then accents and harakat decomposed and dropped, with the tatweel.
  const latin = [...name.normalize("NFC").toLowerCase()]
    .map((char) => CYRILLIC[char] ?? ARABIC[char] ?? char)
    .join("")
    .normalize("NFKD")
    .replace(/[\u0300-\u036f\u064b-\u065f\u0670\u0640]/g, "");
  const slug = latin
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^[^a-z]+/, "")
    .slice(0, MAX_LENGTH)
    .replace(/-+$/, "");
  return slug.length >= 2 ? slug : null;
}

/** The first usable key from the English, Russian and Arabic names, in that order; "role" when none gives one. */
export function deriveRoleKey(names: { nameEn: string; nameRu: string; nameAr: string }): string {
  return roleKeyFrom(names.nameEn) ?? roleKeyFrom(names.nameRu) ?? roleKeyFrom(names.nameAr) ?? "role";
}

/** `base`, or `base-2`, `base-3`… whichever no role has yet. */
export async function freeRoleKey(tx: Prisma.TransactionClient, base: string): Promise<string> {
  const taken = new Set(
    (await tx.role.findMany({ where: { key: { startsWith: base } }, select: { key: true } })).map((row) => row.key),
  );
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const suffix = `-${n}`;
    const candidate = `${base.slice(0, MAX_LENGTH - suffix.length)}${suffix}`;
    if (!taken.has(candidate)) return candidate;
  }
}
