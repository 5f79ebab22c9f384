// Picks a slug nobody holds yet: the base, else `base-2`…`base-20`, else the base with a random suffix.
import { randomBytes } from "node:crypto";

export type SlugChoice = { slugCandidates: string[]; fallbackSlug: string };

/** The candidates in order of preference; SQL statements pick the first free one themselves. */
export function slugCandidates(base: string): { candidates: string[]; fallback: string } {
  return {
    candidates: [base, ...Array.from({ length: 19 }, (_, i) => `${base}-${i + 2}`)],
    fallback: `${base}-${randomBytes(4).toString("hex")}`,
  };
}

export async function freeSlug(choice: SlugChoice, findTaken: (candidates: string[]) => Promise<string[]>): Promise<string> {
  const taken = new Set(await findTaken(choice.slugCandidates));
  return choice.slugCandidates.find((slug) => !taken.has(slug)) ?? choice.fallbackSlug;
}
