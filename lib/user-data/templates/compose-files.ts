/**
 * The Docker Compose files of the search path, as the original found them:
 * the first `docker-compose.yml`/`.yaml` (raw) and the first
 * `docker-compose.override.yml`/`.yaml`, rendered as a Jinja2 template whose
 * includes resolve only in its own folder.
 */
import * as fs from 'fs';
import * as path from 'path';
import { renderJinjaTemplate } from './jinja/jinja-environment';
import { isFile } from './jinja/is-file';

const COMPOSE_FILES = ['docker-compose.yml', 'docker-compose.yaml'];
const OVERRIDE_FILES = ['docker-compose.override.yml', 'docker-compose.override.yaml'];

/** The first file of `names` in the first folder of `searchPath` that has one. */
export function findFirst(searchPath: readonly string[], names: readonly string[]): string | undefined {
  for (const folder of searchPath) {
    for (const name of names) {
      const file = path.join(folder, name);
      if (isFile(file)) return file;
    }
  }
  return undefined;
}

export interface ComposeFiles {
  /** `docker-compose.yml` as written. @default absent when no such file is on the search path */
  readonly yaml?: string;
  /** `docker-compose.override.yml` rendered. @default absent when no such file is on the search path */
  readonly overrideYaml?: string;
}

/**
 * @param data the template data (without `docker_compose`: the original rendered
 *   the override before adding it)
 * @throws TemplateError
 */
export function readComposeFiles(searchPath: readonly string[], data: Record<string, unknown>): ComposeFiles {
  const composeFile = findFirst(searchPath, COMPOSE_FILES);
  const overrideFile = findFirst(searchPath, OVERRIDE_FILES);
  return {
    ...(composeFile ? { yaml: fs.readFileSync(composeFile, 'utf8') } : {}),
    ...(overrideFile ? { overrideYaml: renderJinjaTemplate([path.dirname(overrideFile)], path.basename(overrideFile), data) } : {}),
  };
}
