// Orders the statements of one run so that only one at a time can create a given agency, photo credit or slug.
/*
 * Statements inserting the same new agency or credit at once deadlock on its unique key: the first statement citing
 * a name not known to exist runs alone for it, the others wait for its commit. A name is remembered only once
 * committed; slugs are claimed but never remembered. Another process's race ends in a retry (isConcurrencyConflict).
 * See docs/decisions/0011-import-write-gate.md.
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
