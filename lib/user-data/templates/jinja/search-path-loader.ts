/**
 * Finds templates as Jinja2's `FileSystemLoader(search_path)` does: the first
 * folder holding the name wins; `..` segments never leave a folder. Like
 * Jinja2 (`keep_trailing_newline=False`) it normalises line breaks to `\n`
 * and drops one trailing newline of every template, included ones too.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as nunjucks from 'nunjucks';
import { isFile } from './is-file';

/** The line breaks Python's `str.splitlines()` (used by Jinja2's lexer) splits on. */
const LINE_BREAK = /\r\n|[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]/g;

/** Template source as Jinja2's lexer sees it. */
export function jinjaSource(raw: string): string {
  const normalised = raw.replace(LINE_BREAK, '\n');
  return normalised.endsWith('\n') ? normalised.slice(0, -1) : normalised;
}

export class SearchPathLoader extends nunjucks.Loader {
  /** Template names by the absolute file each was loaded from. */
  private readonly names = new Map<string, string>();

  /** @param searchPath absolute folders, in lookup order */
  constructor(public readonly searchPath: readonly string[]) {
    super();
  }

  /** The file `name` resolves to, or undefined. */
  public find(name: string): string | undefined {
    const segments = name.split('/').filter((segment) => segment !== '' && segment !== '.');
    if (path.isAbsolute(name) || segments.includes('..') || segments.length === 0) return undefined;
    for (const folder of this.searchPath) {
      const file = path.join(folder, ...segments);
      if (isFile(file)) return file;
    }
    return undefined;
  }

  /** Jinja2 has no relative template names: `./x` is `x` on the search path. */
  public isRelative(): boolean {
    return false;
  }

  /** The source of `name`, or null when no folder has it (nunjucks' loader contract). */
  public getSource(name: string): nunjucks.LoaderSource | null {
    const file = this.find(name);
    if (!file) return null;
    this.names.set(file, name);
    return { src: jinjaSource(fs.readFileSync(file, 'utf8')), path: file, noCache: true };
  }

  /** The name a loaded file was asked for (`cluster.sh`, `partials/a.sh`). */
  public nameOf(file: string): string | undefined {
    return this.names.get(file);
  }
}
