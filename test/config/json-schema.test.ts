/**
 * The JSON Schema shipped for editors: generated from the zod schema, committed,
 * and usable by a standard validator (ajv) on real files with ${...} variables.
 */
import * as fs from 'fs';
import * as path from 'path';
import Ajv from 'ajv';
import { parse } from 'yaml';
import { JSON_SCHEMA_PATH, jsonSchemaText } from '../../lib/config';

const ROOT = path.join(__dirname, '..', '..');
const committed = fs.readFileSync(path.join(ROOT, JSON_SCHEMA_PATH), 'utf8');

test('the committed schema is up to date (run npm run schema)', () => {
  expect(committed).toBe(jsonSchemaText());
});

describe('validating files with the schema', () => {
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
  const validate = ajv.compile(JSON.parse(committed));
  const read = (file: string) => parse(fs.readFileSync(path.join(ROOT, file), 'utf8'), { version: '1.1' }) as Record<string, unknown>;

  test.each(['examples/mongodb/cloud-compose/cloud-compose.yml', 'test/config/fixtures/original-readme/cloud-compose.yml'])('%s is valid as written, ${...} included', (file) => {
    expect(validate(read(file))).toBe(true);
  });

  test('a wrong volume type, a bad IP and a missing name are flagged', () => {
    const data = read('test/config/fixtures/original-readme/cloud-compose.yml');
    const cluster = data.cluster as { name?: string; aws: { volumes: { volume_type?: string }[]; nodes: { ip: string }[] } };
    delete cluster.name;
    cluster.aws.volumes[0].volume_type = 'gp9';
    cluster.aws.nodes[0].ip = '10.0.0.300';
    expect(validate(data)).toBe(false);
    const paths = (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message}`);
    expect(paths).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^\/cluster must have required property 'name'/),
        expect.stringMatching(/^\/cluster\/aws\/volumes\/0\/volume_type must be equal to one of the allowed values/),
        expect.stringMatching(/^\/cluster\/aws\/nodes\/0\/ip must match pattern/),
      ]),
    );
  });

  test('YAML 1.1 booleans, which an editor reads as strings (YAML 1.2), are accepted for boolean keys; other words are not', () => {
    const readAs12 = (text: string) => parse(text, { version: '1.2' }) as Record<string, unknown>;
    const base = fs.readFileSync(path.join(ROOT, 'test/config/fixtures/original-readme/cloud-compose.yml'), 'utf8');
    for (const word of ['yes', 'No', 'ON', 'off']) {
      const data = readAs12(base.replace(/terminate_protection: false/, `terminate_protection: ${word}`));
      expect((data.cluster as { aws: { terminate_protection: unknown } }).aws.terminate_protection).toBe(word);
      expect(validate(data)).toBe(true);
    }
    const maybe = readAs12(base.replace(/terminate_protection: false/, 'terminate_protection: maybe'));
    expect(validate(maybe)).toBe(false);
  });

  test('keys with defaults are optional and documented with their default', () => {
    const schema = JSON.parse(committed);
    const aws = schema.properties.cluster.properties.aws;
    expect(aws.required).toEqual(['ami']);
    expect(aws.properties.terminate_protection.default).toBe(true);
    expect(aws.properties.instance_type.default).toBe('t2.medium');
  });
});
