/**
 * Counts the resources of every template in a cloud assembly folder (the
 * top-level stacks and their nested stacks), so the benchmark can show that
 * both contenders produce the same resources.
 */
import * as fs from 'fs';
import * as path from 'path';

/** The resources of one template file. */
export interface TemplateCensus {
  readonly file: string;
  readonly nested: boolean;
  readonly resources: number;
  readonly bytes: number;
  /** Resource type -> count. */
  readonly types: Record<string, number>;
}

/** Every `*.template.json` in `outdir`: top-level stack first, nested stacks by size. */
export function censusOf(outdir: string): TemplateCensus[] {
  const files = fs.readdirSync(outdir).filter((file) => file.endsWith('.template.json'));
  return files
    .map((file) => {
      const text = fs.readFileSync(path.join(outdir, file), 'utf8');
      const resources = (JSON.parse(text).Resources ?? {}) as Record<string, { Type: string }>;
      const types: Record<string, number> = {};
      for (const resource of Object.values(resources)) types[resource.Type] = (types[resource.Type] ?? 0) + 1;
      return { file, nested: file.endsWith('.nested.template.json'), resources: Object.keys(resources).length, bytes: Buffer.byteLength(text), types };
    })
    .sort((a, b) => Number(a.nested) - Number(b.nested) || b.resources - a.resources || a.file.localeCompare(b.file));
}

/** Resource type -> count over all templates. */
export function totalTypes(census: readonly TemplateCensus[]): Record<string, number> {
  const total: Record<string, number> = {};
  for (const template of census) {
    for (const [type, count] of Object.entries(template.types)) total[type] = (total[type] ?? 0) + count;
  }
  return Object.fromEntries(Object.entries(total).sort(([a], [b]) => a.localeCompare(b)));
}

/** Differences between two censuses' type totals and per-stack resource counts; empty when they match. */
export function censusDifferences(a: readonly TemplateCensus[], b: readonly TemplateCensus[]): string[] {
  const differences: string[] = [];
  const typesA = totalTypes(a);
  const typesB = totalTypes(b);
  for (const type of new Set([...Object.keys(typesA), ...Object.keys(typesB)])) {
    if (typesA[type] !== typesB[type]) differences.push(`${type}: ${typesA[type] ?? 0} vs ${typesB[type] ?? 0}`);
  }
  const perStackA = a.map((t) => t.resources).join('+');
  const perStackB = b.map((t) => t.resources).join('+');
  if (perStackA !== perStackB) differences.push(`resources per stack: ${perStackA} vs ${perStackB}`);
  return differences;
}
