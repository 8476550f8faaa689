import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

/** Writes `files` (path -> text) under a new temporary folder and returns it. */
export function tempProject(files: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'compose-cluster-tpl-'));
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), text);
  }
  return root;
}

/** A valid cloud-compose.yml with the given extra `cluster:` lines (indented two spaces). */
export function configYaml(options: { searchPath?: string[]; extra?: string; awsExtra?: string } = {}): string {
  const searchPath = (options.searchPath ?? ['templates']).map((entry) => `    - ${entry}\n`).join('');
  return `cluster:
  name: demo
  search_path:
${searchPath}${options.extra ?? ''}  aws:
    ami: docker-host
    username: ec2-user
${options.awsExtra ?? ''}    nodes:
      - id: 0
        ip: 10.0.1.10
        subnet: subnet-0123456789abcdef0
      - id: 1
        ip: 10.0.2.10
        subnet: subnet-0123456789abcdef1
`;
}
