// How many of the importer's writes run at once, and how they start.

/**
 * Runs at most `size` tasks at once; `run` waits for a free slot, so the caller never races ahead of the database.
 * Once full, it waits until `batch` slots are free and then starts that many together: their statements leave in one
 * write (see openImportPool), while the ones still queued keep the database busy.
 */
export class Limiter {
  private readonly running = new Set<Promise<void>>();
  private refilling = true;
  constructor(
    private readonly size: number,
    private readonly batch = 1,
  ) {}

  /** Resolves once the task has started; `done` settles when it has finished (tasks must not reject). */
  async run(task: () => Promise<void>): Promise<{ done: Promise<void> }> {
    for (;;) {
      if (this.running.size <= this.size - this.batch) this.refilling = true;
      if (this.refilling && this.running.size < this.size) break;
      await Promise.race(this.running);
    }
    const done: Promise<void> = task().finally(() => this.running.delete(done));
    this.running.add(done);
    if (this.running.size >= this.size) this.refilling = false;
    return { done };
  }

  async idle(): Promise<void> {
    await Promise.all(this.running);
  }
}
