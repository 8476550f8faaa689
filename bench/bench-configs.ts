/**
 * cloud-compose.yml files for N-node variants of the bundled MongoDB example:
 * the same config, templates and .env, with `aws.nodes` replaced by N nodes
 * spread over the example's three subnets (10.20.1.0/24, 10.20.2.0/24,
 * 10.20.3.0/24), so every subnet and AMI lookup hits the committed
 * cdk.context.json entries.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { EXAMPLE_CONFIG_FILE } from '../bin/app/build-app';

const SUBNET_VARIABLES = ['CLUSTER_NODE_0_SUBNET', 'CLUSTER_NODE_1_SUBNET', 'CLUSTER_NODE_2_SUBNET'];

/** `nodes:` entries for `count` nodes: node i in subnet i mod 3, IP 10.20.<subnet>.<10 + i div 3>. */
export function nodesYaml(count: number, indent: string): string {
  if (count > 3 * 240) throw new Error(`at most ${3 * 240} nodes fit the example's three /24 subnets`);
  const lines: string[] = [];
  for (let i = 0; i < count; i++) {
    const subnet = i % 3;
    lines.push(`${indent}- id: ${i}`, `${indent}  ip: 10.20.${subnet + 1}.${10 + Math.floor(i / 3)}`, `${indent}  subnet: \${${SUBNET_VARIABLES[subnet]}}`);
  }
  return lines.join('\n');
}

/**
 * Writes an N-node copy of the example to a temporary folder (the template
 * folder is a symlink to the example's) and returns its cloud-compose.yml.
 */
export function writeBenchConfig(count: number, parent: string = os.tmpdir()): string {
  const exampleDir = path.dirname(path.dirname(EXAMPLE_CONFIG_FILE));
  const text = fs.readFileSync(EXAMPLE_CONFIG_FILE, 'utf8');
  const match = /^( *)nodes:\n((?:\1 +.*\n?)+)/m.exec(text);
  if (!match) throw new Error(`${EXAMPLE_CONFIG_FILE}: no aws.nodes list to replace`);
  const indent = `${match[1]}  `;
  const replaced = `${text.slice(0, match.index)}${match[1]}nodes:\n${nodesYaml(count, indent)}\n${text.slice(match.index + match[0].length)}`;

  const dir = fs.mkdtempSync(path.join(parent, `compose-cluster-bench-${count}-`));
  fs.mkdirSync(path.join(dir, 'cloud-compose'));
  fs.writeFileSync(path.join(dir, 'cloud-compose', 'cloud-compose.yml'), replaced);
  fs.copyFileSync(path.join(path.dirname(EXAMPLE_CONFIG_FILE), '.env'), path.join(dir, 'cloud-compose', '.env'));
  for (const entry of fs.readdirSync(exampleDir)) {
    if (entry !== 'cloud-compose') fs.symlinkSync(path.join(exampleDir, entry), path.join(dir, entry));
  }
  return path.join(dir, 'cloud-compose', 'cloud-compose.yml');
}
