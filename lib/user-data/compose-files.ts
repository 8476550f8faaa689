// PRIVATE FALLBACK with the signature of `renderComposeFiles` in
// lib/user-data/templates/render-cluster-script.ts (helper "jinja"): once that lands,
// import it from './templates' in node-user-data.ts and delete this file. This one reads
// both files raw, so Jinja2 in the override file is not rendered.
import * as fs from 'fs';
import * as path from 'path';
import { LoadedConfig } from '../config';
import { RenderOptions } from './templates/render-cluster-script';

/** The compose files a node receives. */
export interface ComposeFiles {
  /** The first `docker-compose.yml`/`.yaml` on the search path, raw. */
  readonly yaml?: string;
  /** The first `docker-compose.override.yml`/`.yaml` on the search path, rendered for the node. */
  readonly overrideYaml?: string;
}

/** The compose files for one node. */
export function renderComposeFiles(config: LoadedConfig, _options: RenderOptions): ComposeFiles {
  return {
    yaml: firstOnSearchPath(config, ['docker-compose.yml', 'docker-compose.yaml']),
    overrideYaml: firstOnSearchPath(config, ['docker-compose.override.yml', 'docker-compose.override.yaml']),
  };
}

function firstOnSearchPath(config: LoadedConfig, names: readonly string[]): string | undefined {
  for (const dir of config.searchPath) {
    for (const name of names) {
      const file = path.join(dir, name);
      if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8');
    }
  }
  return undefined;
}
