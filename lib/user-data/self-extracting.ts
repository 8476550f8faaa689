/**
 * A self-extracting bash script: the body gzip-compressed and base64-encoded
 * inside a small wrapper that unpacks it with `base64 -d | gunzip` (coreutils
 * and gzip, present on every Linux AMI) and runs it with bash. The header
 * (deploy-time values, which may be CloudFormation tokens) stays outside the
 * compressed part.
 */
import { gunzipSync, gzipSync } from 'zlib';

/** Line that starts the payload; {@link extractSelfExtracting} finds the body by it. */
const PAYLOAD_DELIMITER = 'CC_PAYLOAD';
const LINE_LENGTH = 76;

/** The body as gzip (no timestamp, so the same body gives the same bytes) in base64 lines. */
export function compressBody(body: string): string {
  const base64 = gzipSync(Buffer.from(body, 'utf8'), { level: 9 }).toString('base64');
  const lines: string[] = [];
  for (let start = 0; start < base64.length; start += LINE_LENGTH) lines.push(base64.slice(start, start + LINE_LENGTH));
  return lines.join('\n');
}

/**
 * The wrapper that follows the header: exports the header's variables (the
 * body runs as its own bash process), writes the body to
 * `$CC_ROOT/user-data.sh` and runs it.
 *
 * @param exportedVariables names the header defines
 * @param payload {@link compressBody} output
 */
export function selfExtractingWrapper(exportedVariables: readonly string[], payload: string, rootDir: string): string {
  return [
    ...(exportedVariables.length > 0 ? [`export ${exportedVariables.join(' ')}`] : []),
    `cc_body=\${CC_ROOT:-${rootDir}}/user-data.sh`,
    'mkdir -p "${cc_body%/*}"',
    `base64 -d <<'${PAYLOAD_DELIMITER}' | gunzip >"$cc_body" || exit 1`,
    payload,
    PAYLOAD_DELIMITER,
    'exec bash "$cc_body"',
    '',
  ].join('\n');
}

/**
 * The compressed body of a script made with {@link selfExtractingWrapper},
 * decompressed; undefined when `script` is not self-extracting.
 */
export function extractSelfExtracting(script: string): string | undefined {
  const match = new RegExp(`<<'${PAYLOAD_DELIMITER}'[^\\n]*\\n([A-Za-z0-9+/=\\n]*?)\\n${PAYLOAD_DELIMITER}\\n`).exec(script);
  if (!match) return undefined;
  return gunzipSync(Buffer.from(match[1].replace(/\n/g, ''), 'base64')).toString('utf8');
}
