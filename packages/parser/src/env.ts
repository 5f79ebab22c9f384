// The one place the parser reads the environment (its CLI and benchmark only; parsing itself reads nothing).

/** Where the user typed the command: npm runs workspace scripts from the package folder and says so in INIT_CWD. */
export function invocationDir(): string {
  return process.env.INIT_CWD || process.cwd();
}

/** A copy of this process's environment for a child process, with `extra` on top. */
export function inheritedEnv(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  return { ...process.env, ...extra };
}

/** How many articles the benchmark parses (BENCH_ARTICLES). */
export function benchArticleCount(): number {
  return Number(process.env.BENCH_ARTICLES ?? 10_000);
}
