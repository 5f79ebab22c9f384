// The importer's write limiter: never more than its size at once, refilled in batches, and never stuck.
import { expect, it } from "vitest";
import { Limiter } from "../src/limiter.ts";

/** A task that finishes when told to, recording how many tasks ran at its start. */
function controlledTasks() {
  let running = 0;
  const seen: number[] = [];
  const finishers: (() => void)[] = [];
  const task = () => {
    running++;
    seen.push(running);
    return new Promise<void>((resolve) => finishers.push(() => ((running -= 1), resolve())));
  };
  return { task, seen, finishers, running: () => running };
}

it("runs at most `size` tasks and, once full, starts the next ones `batch` at a time", async () => {
  const limiter = new Limiter(4, 2);
  const { task, finishers, running } = controlledTasks();
  const starts: Promise<unknown>[] = [];
  for (let i = 0; i < 8; i++) starts.push(limiter.run(task));
  await Promise.all(starts.slice(0, 4));
  expect(running()).toBe(4);

  finishers.shift()?.();
  await new Promise((resolve) => setTimeout(resolve, 10));
  // One slot is free, but the batch is two: nothing starts yet.
  expect(running()).toBe(3);
  finishers.shift()?.();
  await Promise.all(starts.slice(4, 6));
  expect(running()).toBe(4);

  while (finishers.length > 0) {
    finishers.shift()?.();
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
  await Promise.all(starts);
  await limiter.idle();
  expect(running()).toBe(0);
});

it("starts a task at once when every earlier one finished while nobody was waiting", async () => {
  const limiter = new Limiter(2, 1);
  const { task, finishers } = controlledTasks();
  await limiter.run(task);
  await limiter.run(task);
  // Full: the tasks finish while no caller waits for a slot.
  for (const finish of finishers.splice(0)) finish();
  await limiter.idle();
  const next = await Promise.race([
    limiter.run(task).then(() => "started"),
    new Promise((resolve) => setTimeout(() => resolve("stuck"), 500)),
  ]);
  expect(next).toBe("started");
  for (const finish of finishers.splice(0)) finish();
});
