/**
 * Writing a file's exact bytes from a generated bash script with a quoted
 * here-document: nothing in the content is expanded, and a content without a
 * final newline stays without one.
 */
import { createHash } from 'crypto';

/**
 * A here-document delimiter that no line of `content` equals. Derived from the
 * content's hash, so the same content always gets the same delimiter.
 */
export function heredocDelimiter(content: string, prefix = 'CC_EOF'): string {
  const lines = new Set(content.split('\n'));
  const base = `${prefix}_${createHash('sha256').update(content).digest('hex').slice(0, 12)}`;
  let candidate = base;
  for (let n = 1; lines.has(candidate); n += 1) candidate = `${base}_${n}`;
  return candidate;
}

/** Options for {@link heredocWriteFile}. */
export interface HeredocWriteOptions {
  /** Octal file mode applied after writing, e.g. `0644`. @default unchanged (umask) */
  readonly mode?: string;
}

/**
 * Bash that writes `content` byte for byte to `target`, a shell word that may
 * expand variables (e.g. `"$cc_project/.env"`: pass it already quoted).
 * Content must be text without NUL bytes.
 */
export function heredocWriteFile(target: string, content: string, options: HeredocWriteOptions = {}): string {
  if (content.includes('\0')) throw new Error(`cannot write ${target}: content holds a NUL byte`);
  const delimiter = heredocDelimiter(content);
  // A here-document always ends with a newline; `head -c -1` drops the one a content without it did not have.
  const endsWithNewline = content === '' || content.endsWith('\n');
  const body = content === '' ? '' : endsWithNewline ? content : `${content}\n`;
  const writer = endsWithNewline ? 'cat' : 'head -c -1';
  const lines = content === '' ? [`: > ${target}`] : [`${writer} > ${target} <<'${delimiter}'`, `${body}${delimiter}`];
  if (options.mode) lines.push(`chmod ${options.mode} ${target}`);
  return lines.join('\n');
}
