// Picks a slug nobody holds yet: the base, else `base-2`…`base-20`, else the base with a random suffix.
import { randomBytes } from "node:crypto";

export async function freeSlug(base: string, findTaken: (candidates: string[]) => Promise<string[]>): Promise<string> {
  const candidates = [base, ...Array.from({ length: 19 }, (_, i) => `${base}-${i + 2}`)];
  const taken = new Set(await findTaken(candidates));
  return candidates.find((slug) => !taken.has(slug)) ?? `${base}-${randomBytes(4).toString("hex")}`;
}
