// Orders the statements of one run so that only one at a time can create a given agency, photo credit or slug.
/*
 * Why: when several statements that all cite a new agency run at once, each inserts it; they queue on the same
 * unique key, and with a new credit as well they can wait on each other in a cycle, which PostgreSQL resolves after
 * a second by failing one (deadlock). So the first statement citing a name not yet known to exist runs alone for
 * that name; the others start once it has committed, see the record and only read it. A name is remembered as
 * existing only after a statement citing it committed, so a rolled-back article never leaves a false memory.
 * Slugs are claimed the same way but never remembered: each new article takes a slug of its own, so two articles
 * whose titles give the same slug (untitled drafts with the same lead) are written one after the other and the
 * second takes the next free candidate instead of colliding with the first.
 * Another importer process is not covered; that rarer race ends in a retry (see isConcurrencyConflict).
 */
export class WriteGate {
  private readonly existing = new Set<string>();
  private readonly creating = new Map<string, Promise<void>>();

  /**
   * Waits until no statement in flight may create one of `names`, then claims those not known to exist. Claiming
   * all at once, never holding some while waiting for others, keeps the gate itself free of deadlocks.
   */
  async claim(names: string[], alwaysClaimed: string[] = []): Promise<(committed: boolean) => void> {
    const all = [...names, ...alwaysClaimed];
    for (;;) {
      const busy = all.flatMap((name) => this.creating.get(name) ?? []);
      if (busy.length === 0) break;
      await Promise.all(busy);
    }
    const claimed = names.filter((name) => !this.existing.has(name));
    let release = () => {};
    const finished = new Promise<void>((resolve) => (release = resolve));
    for (const name of [...claimed, ...alwaysClaimed]) this.creating.set(name, finished);
    return (committed) => {
      for (const name of claimed) {
        this.creating.delete(name);
        if (committed) this.existing.add(name);
      }
      for (const name of alwaysClaimed) this.creating.delete(name);
      release();
    };
  }
}
