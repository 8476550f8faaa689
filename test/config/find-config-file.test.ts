import * as fs from 'fs';
import * as path from 'path';
import { ConfigError, configBaseDir, findConfigFile, loadConfig, resolveSearchPath } from '../../lib/config';
import { config, tempDir } from './config-test-helpers';

describe('finding cloud-compose.yml', () => {
  test('./cloud-compose/ is searched before ./', () => {
    const dir = tempDir({ 'cloud-compose/cloud-compose.yml': 'a', 'cloud-compose.yml': 'b' });
    expect(findConfigFile(dir)).toBe(path.join(dir, 'cloud-compose', 'cloud-compose.yml'));
  });

  test('.yml is preferred to .yaml in the same folder', () => {
    const dir = tempDir({ 'cloud-compose.yml': 'a', 'cloud-compose.yaml': 'b' });
    expect(findConfigFile(dir)).toBe(path.join(dir, 'cloud-compose.yml'));
  });

  test('.yaml in ./cloud-compose/ wins over .yml in ./', () => {
    const dir = tempDir({ 'cloud-compose/cloud-compose.yaml': 'a', 'cloud-compose.yml': 'b' });
    expect(findConfigFile(dir)).toBe(path.join(dir, 'cloud-compose', 'cloud-compose.yaml'));
  });

  test('./cloud-compose.yaml is found last', () => {
    const dir = tempDir({ 'cloud-compose.yaml': 'a' });
    expect(findConfigFile(dir)).toBe(path.join(dir, 'cloud-compose.yaml'));
  });

  test('an explicit file is used as given, relative to cwd', () => {
    const dir = tempDir({ 'configs/prod.yml': 'a', 'cloud-compose.yml': 'b' });
    expect(findConfigFile(dir, 'configs/prod.yml')).toBe(path.join(dir, 'configs', 'prod.yml'));
  });

  test('an explicit folder is searched like the current folder', () => {
    const dir = tempDir({ 'project/cloud-compose/cloud-compose.yml': 'a' });
    expect(findConfigFile(dir, 'project')).toBe(path.join(dir, 'project', 'cloud-compose', 'cloud-compose.yml'));
  });

  test('nothing found is a ConfigError naming the places searched', () => {
    const dir = tempDir();
    expect(() => findConfigFile(dir)).toThrow(ConfigError);
    try {
      findConfigFile(dir);
    } catch (error) {
      const message = (error as ConfigError).problems[0].message;
      expect(message).toContain(path.join('cloud-compose', 'cloud-compose.yml'));
      expect(message).toContain('cloud-compose.yaml');
    }
  });

  test('a missing explicit file is a ConfigError naming it', () => {
    const dir = tempDir();
    expect(() => findConfigFile(dir, 'nope.yml')).toThrow(ConfigError);
    try {
      findConfigFile(dir, 'nope.yml');
    } catch (error) {
      expect((error as ConfigError).problems[0].file).toBe(path.join(dir, 'nope.yml'));
    }
  });
});

describe('the folder search_path is relative to', () => {
  test('is the parent when the file is in cloud-compose/', () => {
    expect(configBaseDir('/p/project/cloud-compose/cloud-compose.yml')).toBe('/p/project');
  });

  test('is the folder holding the file otherwise', () => {
    expect(configBaseDir('/p/project/cloud-compose.yml')).toBe('/p/project');
    expect(configBaseDir('/p/configs/prod.yml')).toBe('/p/configs');
  });

  test('search path: the base folder first, entries resolved against it, no duplicates', () => {
    expect(resolveSearchPath('/p/project', ['docker-mongodb', '.', '/abs/templates', 'docker-mongodb'])).toEqual([
      '/p/project',
      '/p/project/docker-mongodb',
      '/abs/templates',
    ]);
  });

  test('a loaded config resolves search_path against the parent of cloud-compose/', () => {
    const yaml = config().replace('    - .', '    - docker-mongodb/templates');
    const dir = tempDir({ 'cloud-compose/cloud-compose.yml': yaml });
    fs.mkdirSync(path.join(dir, 'docker-mongodb', 'templates'), { recursive: true });
    const loaded = loadConfig({ cwd: dir, env: {} });
    expect(loaded.baseDir).toBe(dir);
    expect(loaded.searchPath).toEqual([dir, path.join(dir, 'docker-mongodb', 'templates')]);
    expect(loaded.warnings).toEqual([]);
  });

  test('a search_path folder that does not exist is a warning, not an error', () => {
    const yaml = config().replace('    - .', '    - missing-folder');
    const dir = tempDir({ 'cloud-compose.yml': yaml });
    const loaded = loadConfig({ cwd: dir, env: {} });
    expect(loaded.warnings).toHaveLength(1);
    expect(loaded.warnings[0]).toMatchObject({ path: 'cluster.search_path[0]', line: 4, severity: 'warning' });
    expect(loaded.warnings[0].message).toContain(path.join(dir, 'missing-folder'));
  });
});
