// Picks the first of an agency's slug candidates (see slugCandidates in @minbar/db) that nobody holds yet.
export type SlugChoice = { slugCandidates: string[]; fallbackSlug: string };

export async function freeSlug(
  choice: SlugChoice,
  findTaken: (candidates: string[]) => Promise<string[]>,
): Promise<string> {
  const taken = new Set(await findTaken(choice.slugCandidates));
  return choice.slugCandidates.find((slug) => !taken.has(slug)) ?? choice.fallbackSlug;
}
