/**
 * `npm run bench:user-data`: CPU time of `buildNodeUserData` per node for the
 * bundled example with N nodes (the part of a synth that renders each node's
 * boot script), without CDK. Run under `node --cpu-prof` to see where it goes.
 *
 * Environment: BENCH_NODES (nodes per cluster, default 30), BENCH_RUNS (timed
 * clusters, default 20), BENCH_WARMUP (untimed clusters, default 3).
 */
import * as fs from 'fs';
import * as path from 'path';
import { loadConfig } from '../lib/config';
import { buildNodeUserData } from '../lib/user-data';
import { writeBenchConfig } from './bench-configs';

function numberFromEnv(name: string, fallback: number): number {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer`);
  return value;
}

function cpuMs(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function main(): void {
  const nodes = numberFromEnv('BENCH_NODES', 30);
  const runs = numberFromEnv('BENCH_RUNS', 20);
  const warmup = numberFromEnv('BENCH_WARMUP', 3);
  const configFile = writeBenchConfig(nodes);
  try {
    const perNode: number[] = [];
    const firstNode: number[] = [];
    for (let run = 0; run < warmup + runs; run++) {
      // A fresh LoadedConfig per cluster, as each synth of the app loads its config.
      const config = loadConfig({ file: configFile });
      const start = cpuMs();
      let afterFirst = start;
      for (const node of config.cluster.aws.nodes ?? []) {
        buildNodeUserData(config, { nodeId: node.id });
        if (afterFirst === start) afterFirst = cpuMs();
      }
      const end = cpuMs();
      if (run >= warmup) {
        perNode.push((end - start) / nodes);
        firstNode.push(afterFirst - start);
      }
    }
    console.log(`buildNodeUserData, ${nodes} nodes of the example, ${runs} clusters:`);
    console.log(`  median CPU ms per node: ${median(perNode).toFixed(3)} (fastest cluster ${Math.min(...perNode).toFixed(3)})`);
    console.log(`  median CPU ms of a cluster's first node: ${median(firstNode).toFixed(3)}`);
  } finally {
    fs.rmSync(path.dirname(path.dirname(configFile)), { recursive: true, force: true });
  }
}

main();
