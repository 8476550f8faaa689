/**
 * `npm run bench`: how long `app.synth()` takes for a ComposeCluster of 3, 30
 * and 100 nodes, against a hand-written aws-cdk-lib stack with the same
 * resources (bench/baseline-stack.ts), in one process, runs alternating.
 * The baseline runs twice: flat (every resource directly in its stack, short
 * logical ids) and grouped (in a construct for the cluster, as any construct
 * library has), which separates what CDK charges for a deeper construct tree
 * (path hashing for logical ids) from ComposeCluster's own work.
 *
 * Both sides synthesize with the built-in template validator and cdk-nag off
 * (they cost the same for both and would drown the difference), with this
 * project's cdk.json + cdk.context.json context, so lookups resolve exactly as
 * in `npx cdk synth`. A run that leaves a lookup unresolved aborts the bench.
 *
 * Environment: BENCH_SIZES (default 3,30,100), BENCH_RUNS (timed runs per side
 * and size, default 25), BENCH_WARMUP (untimed runs per side and size, default 5).
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
  {
    name: 'grouped baseline',
    build(app, config, nodesPerStack) {
      new BaselineClusterStack(app, 'Bench', { env: ENV, config, nodesPerStack, grouped: true });
    },
  },
];

interface Sample {
  /** Wall-clock milliseconds. */
  readonly wall: number;
  /** CPU milliseconds of this process (user + system): far less sensitive to other load on a shared machine. */
  readonly cpu: number;
}

interface SizeResult {
  readonly nodes: number;
  readonly samples: Record<string, Sample[]>;
  readonly census: Record<string, TemplateCensus[]>;
}

function numberFromEnv(name: string, fallback: number): number {
  const value = process.env[name];
  return value === undefined || value === '' ? fallback : Number(value);
}

const sizes = (process.env.BENCH_SIZES ?? '3,30,100').split(',').map(Number);
const runs = numberFromEnv('BENCH_RUNS', 25);
const warmup = numberFromEnv('BENCH_WARMUP', 5);
const context = readProjectContext();
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'compose-cluster-bench-'));
const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);

/** One synth in a fresh App and output folder; returns its times and, when asked, the census. */
function synthOnce(contender: Contender, config: LoadedConfig, withCensus: boolean): { sample: Sample; census?: TemplateCensus[] } {
  const outdir = fs.mkdtempSync(path.join(scratch, 'out-'));
  gc();
  const cpuStart = process.cpuUsage();
  const start = process.hrtime.bigint();
  const app = new App({ outdir, context, builtinCloudFormationValidation: false });
  contender.build(app, config, nodesPerStackFor(config.cluster.aws.nodes?.length ?? 0));
  const assembly = app.synth();
  const wall = Number(process.hrtime.bigint() - start) / 1e6;
  const cpuUsed = process.cpuUsage(cpuStart);
  assertNoMissingLookups(assembly);
  const census = withCensus ? censusOf(outdir) : undefined;
  fs.rmSync(outdir, { recursive: true, force: true });
  return { sample: { wall, cpu: (cpuUsed.user + cpuUsed.system) / 1000 }, census };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function medianOf(samples: readonly Sample[], metric: keyof Sample): number {
  return median(samples.map((sample) => sample[metric]));
}

function fmt(ms: number): string {
  return ms >= 100 ? ms.toFixed(0) : ms.toFixed(1);
}

function main(): void {
  const subject = contenders[0].name;
  console.log(`compose-cluster synth benchmark: node ${process.version}, ${os.cpus().length} CPUs, load average ${os.loadavg()[0].toFixed(1)}`);
  console.log(`${runs} timed runs per side and size after ${warmup} warm-up runs; validator and cdk-nag off; sizes interleaved, the order of the sides rotating`);
  if (!(globalThis as { gc?: unknown }).gc) console.log('(run with node --expose-gc to collect garbage before each run)');

  const configs = new Map(sizes.map((nodes) => [nodes, loadConfig({ file: writeBenchConfig(nodes, scratch) })]));
  const results: SizeResult[] = sizes.map((nodes) => ({ nodes, samples: Object.fromEntries(contenders.map((c) => [c.name, [] as Sample[]])), census: {} }));
  // The first run also records pins in each bench config's lock file, as a first `cdk synth` would.
  for (const result of results) for (const contender of contenders) (result.census as Record<string, TemplateCensus[]>)[contender.name] = synthOnce(contender, configs.get(result.nodes)!, true).census!;
  for (let i = 0; i < warmup; i++) for (const result of results) for (const contender of contenders) synthOnce(contender, configs.get(result.nodes)!, false);
  for (let i = 0; i < runs; i++) {
    for (const result of results) {
      // Each round starts with another side, and alternate rounds run them in reverse, so no side always runs first or after the same one.
      const rotated = [...contenders.slice(i % contenders.length), ...contenders.slice(0, i % contenders.length)];
      const order = Math.floor(i / contenders.length) % 2 === 0 ? rotated : rotated.reverse();
      for (const contender of order) result.samples[contender.name].push(synthOnce(contender, configs.get(result.nodes)!, false).sample);
    }
  }

  const others = contenders.slice(1).map((c) => c.name);
  for (const result of results) {
    console.log(`\n${result.nodes} nodes`);
    for (const metric of ['cpu', 'wall'] as const) {
      const a = medianOf(result.samples[subject], metric);
      const parts = others.map((name) => `${name} ${fmt(medianOf(result.samples[name], metric))} ms (ratio ${(a / medianOf(result.samples[name], metric)).toFixed(3)}x)`);
      console.log(`  median ${metric === 'cpu' ? 'CPU time ' : 'wall time'}: ${subject} ${fmt(a)} ms; ${parts.join('; ')}`);
    }
    const best = [subject, ...others].map((name) => `${name} ${fmt(Math.min(...result.samples[name].map((sample) => sample.wall)))} ms`);
    console.log(`  fastest wall time (least disturbed by other load): ${best.join('; ')}`);
    for (const name of [subject, ...others]) {
      const perStack = result.census[name].map((t) => `${t.resources}${t.nested ? ' (nested)' : ''}`).join(', ');
      const total = result.census[name].reduce((sum, t) => sum + t.resources, 0);
      console.log(`  resources per stack, ${name}: ${perStack}; total ${total}`);
    }
    for (const name of others) {
      const differences = censusDifferences(result.census[subject], result.census[name]);
      console.log(differences.length === 0 ? `  same resource types and counts per stack as ${name}` : `  RESOURCES DIFFER from ${name}: ${differences.join('; ')}`);
    }
  }

  for (const metric of ['cpu', 'wall'] as const) {
    console.log(`\nsummary, median ${metric === 'cpu' ? 'CPU' : 'wall'} time in ms (ms per node)`);
    console.log(`  ${'nodes'.padStart(5)}  ${[subject, ...others].map((name) => name.padStart(22)).join('  ')}  ${others.map((name) => `vs ${name}`.padStart(20)).join('  ')}`);
    for (const r of results) {
      const times = [subject, ...others].map((name) => medianOf(r.samples[name], metric));
      const cells = times.map((ms) => `${fmt(ms)} (${(ms / r.nodes).toFixed(2)})`.padStart(22));
      const ratios = times.slice(1).map((ms) => `${(times[0] / ms).toFixed(3)}x`.padStart(20));
      console.log(`  ${String(r.nodes).padStart(5)}  ${cells.join('  ')}  ${ratios.join('  ')}`);
    }
    for (const name of [subject, ...others]) {
      const slopes: string[] = [];
      for (let i = 1; i < results.length; i++) {
        const slope = (medianOf(results[i].samples[name], metric) - medianOf(results[i - 1].samples[name], metric)) / (results[i].nodes - results[i - 1].nodes);
        slopes.push(`${results[i - 1].nodes}->${results[i].nodes}: ${slope.toFixed(2)}`);
      }
      if (slopes.length > 0) console.log(`  ms per added node, ${name}: ${slopes.join(', ')}`);
    }
    for (const name of others) {
      const worst = Math.max(...results.map((r) => medianOf(r.samples[subject], metric) / medianOf(r.samples[name], metric)));
      console.log(`  worst ratio vs ${name}: ${worst.toFixed(3)}x (target <= 1.10x)`);
    }
  }
  fs.rmSync(scratch, { recursive: true, force: true });
}

main();
