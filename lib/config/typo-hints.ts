/**
 * Warnings for keys that are probably misspelt known keys (`instance_tpye`).
 *
 * Unknown keys are legitimate template data and pass through; only a key close
 * to a known key at the same place gets a warning. The known keys come from
 * the zod schema itself, so the hints never fall behind it.
 */
import { z } from 'zod';
import { isRawMap } from './raw-data';
import { RawProblem } from './raw-problem';
import { cloudComposeFileSchema } from './schema';
import { likelyMeant } from './name-similarity';
import { KeyPath } from './yaml-positions';

/** Warnings for likely misspelt keys anywhere under `cluster:`. */
export function typoHints(fileData: unknown): RawProblem[] {
  const problems: RawProblem[] = [];
  const cluster = objectShape(cloudComposeFileSchema)?.cluster;
  if (isRawMap(fileData) && cluster) {
    if (!('cluster' in fileData)) problems.push(...hintsForMap(fileData, ['cluster'], []));
    walk(cluster, fileData.cluster, ['cluster'], problems);
  }
  return problems;
}

function walk(schema: z.ZodType, data: unknown, path: KeyPath, problems: RawProblem[]): void {
  const inner = unwrap(schema);
  const def = inner._zod.def as { type: string; element?: z.ZodType; options?: z.ZodType[] };
  if (def.type === 'array' && Array.isArray(data) && def.element) {
    data.forEach((item, index) => walk(def.element!, item, [...path, index], problems));
    return;
  }
  if (def.type === 'union' && def.options) {
    const option = def.options.find((candidate) => (Array.isArray(data) ? unwrap(candidate)._zod.def.type === 'array' : objectShape(candidate)));
    if (option) walk(option, data, path, problems);
    return;
  }
  const shape = objectShape(inner);
  if (!shape || !isRawMap(data)) return;
  problems.push(...hintsForMap(data, Object.keys(shape), path, keysOneLevelDown(shape)));
  for (const [key, child] of Object.entries(shape)) {
    if (key in data) walk(child, data[key], [...path, key], problems);
  }
}

function hintsForMap(data: Record<string, unknown>, known: readonly string[], path: KeyPath, nested: ReadonlyMap<string, string> = new Map()): RawProblem[] {
  if (known.length === 0) return [];
  return Object.keys(data)
    .filter((key) => !known.includes(key))
    .flatMap((key) => {
      const deeper = nested.get(key);
      if (deeper !== undefined) {
        return [
          {
            path: [...path, key],
            target: 'key' as const,
            severity: 'warning' as const,
            message: `unknown key "${key}" here: did you mean ${deeper}.${key}? ("${key}" is read one level down, under ${deeper}:; here it only reaches templates)`,
          },
        ];
      }
      const guess = likelyMeant(key, known);
      if (guess === undefined || guess in data) return [];
      return [
        {
          path: [...path, key],
          target: 'key' as const,
          severity: 'warning' as const,
          message: `unknown key "${key}": did you mean "${guess}"? (unknown keys are passed to templates as they are; "${guess}" is not set)`,
        },
      ];
    });
}

/** Keys of the object-valued children (`meta:` of a volume, `aws:` of the cluster): key -> child name. */
function keysOneLevelDown(shape: Record<string, z.ZodType>): Map<string, string> {
  const nested = new Map<string, string>();
  for (const [child, schema] of Object.entries(shape)) {
    for (const key of Object.keys(objectShape(schema) ?? {})) {
      if (!(key in shape) && !nested.has(key)) nested.set(key, child);
    }
  }
  return nested;
}

function unwrap(schema: z.ZodType): z.ZodType {
  let current = schema;
  for (;;) {
    const def = current._zod.def as { type: string; innerType?: z.ZodType; in?: z.ZodType };
    if (def.innerType) current = def.innerType;
    else if (def.type === 'pipe' && def.in) current = def.in;
    else return current;
  }
}

function objectShape(schema: z.ZodType): Record<string, z.ZodType> | undefined {
  const def = unwrap(schema)._zod.def as { type: string; shape?: Record<string, z.ZodType> };
  return def.type === 'object' ? def.shape : undefined;
}
