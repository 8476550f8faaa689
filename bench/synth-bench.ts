/**
 * `npm run bench`: how long `app.synth()` takes for a ComposeCluster of 3, 30
 * and 100 nodes, against a hand-written aws-cdk-lib stack with the same
 * resources (bench/baseline-stack.ts), in one process, runs alternating.
 *
 * Both sides synthesize with the built-in template validator and cdk-nag off
 * (they cost the same for both and would drown the difference), with this
 * project's cdk.json + cdk.context.json context, so lookups resolve exactly as
 * in `npx cdk synth`. A run that leaves a lookup unresolved aborts the bench.
 *
 * Environment: BENCH_SIZES (default 3,30,100), BENCH_RUNS (timed runs per side
 * and size, default 9), BENCH_WARMUP (untimed runs per side and size, default 2).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Stack } from 'aws-cdk-lib';
import { assertNoMissingLookups } from '../bin/app/missing-context';
import { OFFLINE_DEFAULT_ENVIRONMENT } from '../bin/app/app-environment';
import { readProjectContext } from '../bin/app/project-context';
import { LoadedConfig, loadConfig } from '../lib/config';
import { ComposeCluster } from '../lib/constructs';
import { BaselineClusterStack } from './baseline-stack';
import { writeBenchConfig } from './bench-configs';
import { TemplateCensus, censusDifferences, censusOf } from './template-census';

/** One side of the comparison: adds one stack for `config` to `app`. */
interface Contender {
  readonly name: string;
  build(app: App, config: LoadedConfig, nodesPerStack: number | undefined): void;
}

/**
 * Nodes per nested stack: none while the nodes fit one stack (CloudFormation
 * allows 500 resources; a node of the example has 5), else 50.
 */
export function nodesPerStackFor(nodes: number): number | undefined {
  return nodes * 5 > 450 ? 50 : undefined;
}

const ENV = { ...OFFLINE_DEFAULT_ENVIRONMENT };

const contenders: readonly Contender[] = [
  {
    name: 'ComposeCluster',
    build(app, config, nodesPerStack) {
      const stack = new Stack(app, 'Bench', { env: ENV });
      new ComposeCluster(stack, 'Cluster', { config, nodesPerStack });
    },
  },
  {
    name: 'baseline',
    build(app, config, nodesPerStack) {
      new BaselineClusterStack(app, 'Bench', { env: ENV, config, nodesPerStack });
    },
  },
];

interface SizeResult {
  readonly nodes: number;
  readonly samples: Record<string, number[]>;
  readonly census: Record<string, TemplateCensus[]>;
}

function numberFromEnv(name: string, fallback: number): number {
  const value = process.env[name];
  return value === undefined || value === '' ? fallback : Number(value);
}

const sizes = (process.env.BENCH_SIZES ?? '3,30,100').split(',').map(Number);
const runs = numberFromEnv('BENCH_RUNS', 9);
const warmup = numberFromEnv('BENCH_WARMUP', 2);
const context = readProjectContext();
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'compose-cluster-bench-'));
const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);

/** One synth in a fresh App and output folder; returns milliseconds and, when asked, the census. */
function synthOnce(contender: Contender, config: LoadedConfig, withCensus: boolean): { ms: number; census?: TemplateCensus[] } {
  const outdir = fs.mkdtempSync(path.join(scratch, 'out-'));
  gc();
  const start = process.hrtime.bigint();
  const app = new App({ outdir, context, builtinCloudFormationValidation: false });
  contender.build(app, config, nodesPerStackFor(config.cluster.aws.nodes?.length ?? 0));
  const assembly = app.synth();
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  assertNoMissingLookups(assembly);
  const census = withCensus ? censusOf(outdir) : undefined;
  fs.rmSync(outdir, { recursive: true, force: true });
  return { ms, census };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function benchSize(nodes: number): SizeResult {
  const config = loadConfig({ file: writeBenchConfig(nodes, scratch) });
  const samples: Record<string, number[]> = Object.fromEntries(contenders.map((c) => [c.name, []]));
  const census: Record<string, TemplateCensus[]> = {};
  for (const contender of contenders) census[contender.name] = synthOnce(contender, config, true).census!;
  for (let i = 1; i < warmup; i++) for (const contender of contenders) synthOnce(contender, config, false);
  for (let i = 0; i < runs; i++) {
    // ABBA order: neither side always runs first (warmer caches, GC debt).
    const order = i % 2 === 0 ? contenders : [...contenders].reverse();
    for (const contender of order) samples[contender.name].push(synthOnce(contender, config, false).ms);
  }
  return { nodes, samples, census };
}

function fmt(ms: number): string {
  return ms >= 100 ? ms.toFixed(0) : ms.toFixed(1);
}

function main(): void {
  const [subject, baseline] = contenders.map((c) => c.name);
  console.log(`compose-cluster synth benchmark: node ${process.version}, ${os.cpus().length} CPUs, ${runs} runs + ${warmup} warm-up per side and size, validator and cdk-nag off`);
  if (!(globalThis as { gc?: unknown }).gc) console.log('(run with node --expose-gc to collect garbage before each run)');
  const results: SizeResult[] = [];
  for (const nodes of sizes) {
    const result = benchSize(nodes);
    results.push(result);
    const differences = censusDifferences(result.census[subject], result.census[baseline]);
    const a = median(result.samples[subject]);
    const b = median(result.samples[baseline]);
    console.log(`\n${nodes} nodes`);
    console.log(`  median synth: ${subject} ${fmt(a)} ms, ${baseline} ${fmt(b)} ms, ratio ${(a / b).toFixed(3)}x`);
    console.log(`  range: ${subject} ${fmt(Math.min(...result.samples[subject]))}-${fmt(Math.max(...result.samples[subject]))} ms, ${baseline} ${fmt(Math.min(...result.samples[baseline]))}-${fmt(Math.max(...result.samples[baseline]))} ms`);
    for (const name of [subject, baseline]) {
      const perStack = result.census[name].map((t) => `${t.resources}${t.nested ? ' (nested)' : ''}`).join(', ');
      const total = result.census[name].reduce((sum, t) => sum + t.resources, 0);
      console.log(`  resources per stack, ${name}: ${perStack}; total ${total}`);
    }
    console.log(differences.length === 0 ? '  same resource types and counts on both sides' : `  RESOURCES DIFFER: ${differences.join('; ')}`);
  }

  console.log('\nsummary');
  console.log('  nodes  ComposeCluster ms  baseline ms  ratio   ComposeCluster ms/node');
  for (const r of results) {
    const a = median(r.samples[subject]);
    const b = median(r.samples[baseline]);
    console.log(`  ${String(r.nodes).padStart(5)}  ${fmt(a).padStart(17)}  ${fmt(b).padStart(11)}  ${(a / b).toFixed(3).padStart(5)}x  ${(a / r.nodes).toFixed(2).padStart(22)}`);
  }
  if (results.length >= 2) {
    for (const name of [subject, baseline]) {
      const slopes: string[] = [];
      for (let i = 1; i < results.length; i++) {
        const slope = (median(results[i].samples[name]) - median(results[i - 1].samples[name])) / (results[i].nodes - results[i - 1].nodes);
        slopes.push(`${results[i - 1].nodes}->${results[i].nodes}: ${slope.toFixed(2)} ms/node`);
      }
      console.log(`  marginal cost per added node, ${name}: ${slopes.join(', ')} (linear growth: roughly equal)`);
    }
  }
  const worst = Math.max(...results.map((r) => median(r.samples[subject]) / median(r.samples[baseline])));
  console.log(`  worst ratio ${worst.toFixed(3)}x (target <= 1.10x)`);
  fs.rmSync(scratch, { recursive: true, force: true });
}

main();
