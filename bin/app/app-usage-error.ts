/**
 * A problem with how the app was invoked (context values, environment), as
 * opposed to a problem in cloud-compose.yml (that is a `ConfigError`). Carries
 * every problem found; bin/app.ts prints it without a stack trace.
 */
export class AppUsageError extends Error {
  public readonly problems: readonly string[];

  constructor(problems: readonly string[]) {
    super(problems.length === 1 ? problems[0] : `${problems.length} problems:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'AppUsageError';
    this.problems = problems;
  }
}
