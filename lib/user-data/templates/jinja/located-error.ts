/**
 * An error inside a template, tagged with the template file and line where it
 * happened. nunjucks wraps foreign errors on their way out; giving this class
 * nunjucks' `Update(path)` hook (a no-op) keeps the innermost location intact.
 */
export class LocatedTemplateError extends Error {
  constructor(
    /** What went wrong, without location. */
    public readonly detail: string,
    /** Absolute path of the template file (the nunjucks template name). */
    public readonly templatePath: string | undefined,
    /** 1-based line, when known. */
    public readonly line: number | undefined,
  ) {
    super(detail);
    this.name = 'LocatedTemplateError';
  }

  /** Called by nunjucks with each enclosing template's path: the first location wins. */
  public Update(): this {
    return this;
  }
}

/** The message of an error thrown inside a template, without nunjucks' decorations. */
export function errorDetail(error: unknown): string {
  if (error instanceof Error) {
    const message = error.message.replace(/^(Error|TypeError|RangeError): /, '');
    return error.name === 'TypeError' && !message.includes('TypeError') ? `TypeError: ${message}` : message;
  }
  return String(error);
}
