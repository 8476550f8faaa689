/**
 * The one error template rendering throws: a single line naming the template,
 * the file it was loaded from, the line and what went wrong, e.g.
 * `cluster.sh (/project/templates/cluster.sh) line 12: 'aws.usrname' is undefined`.
 */
export class TemplateError extends Error {
  constructor(
    /** What went wrong. */
    public readonly detail: string,
    /** The template name as included (`cluster.sh`, `partials/mounts.sh`), when known. */
    public readonly templateName?: string,
    /** Absolute path of the template file, when known. */
    public readonly file?: string,
    /** 1-based line in that file, when known. */
    public readonly line?: number,
  ) {
    super(TemplateError.format(detail, templateName, file, line));
    this.name = 'TemplateError';
  }

  private static format(detail: string, templateName?: string, file?: string, line?: number): string {
    const where = [templateName, file && file !== templateName ? `(${file})` : undefined, line !== undefined ? `line ${line}` : undefined]
      .filter((part) => part !== undefined)
      .join(' ');
    return where ? `${where}: ${detail}` : detail;
  }
}
