/**
 * The JSON Schema of cloud-compose.yml for editors (YAML language server),
 * generated from the zod schema that also validates the file.
 *
 * It describes what may be written (zod's input side: keys with defaults are
 * optional), and every scalar may instead be a string holding a `${VAR}`
 * reference, substituted before validation. Cross-field rules (duplicates, LVM
 * fit, iops bounds) are only checked by `compose-cluster validate`.
 */
import { z } from 'zod';
import { cloudComposeFileSchema } from './schema';

/** Where the generated schema is committed, relative to the package root. */
export const JSON_SCHEMA_PATH = 'schema/cloud-compose.schema.json';

const LEAF_TYPES = new Set(['string', 'number', 'int', 'boolean', 'enum', 'literal', 'bigint']);

/** A value that is substituted before validation: any string holding `${NAME...}`. */
const VARIABLE_REFERENCE = {
  type: 'string',
  pattern: '\\$\\{[A-Za-z_][A-Za-z0-9_]*',
  description: 'A ${VAR} reference, substituted from the environment or .env before validation',
};

/**
 * Booleans of YAML 1.1 (the original's PyYAML) that editors, reading YAML 1.2,
 * see as strings: `terminate_protection: yes` must not be flagged.
 */
const YAML11_BOOLEAN_WORDS = {
  type: 'string',
  enum: ['yes', 'Yes', 'YES', 'no', 'No', 'NO', 'on', 'On', 'ON', 'off', 'Off', 'OFF'],
  description: 'A YAML 1.1 boolean (yes/no/on/off), read as true/false',
};

/** The JSON Schema document (draft-07, which the YAML language server supports). */
export function buildJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(cloudComposeFileSchema, {
    target: 'draft-07',
    io: 'input',
    unrepresentable: 'any',
    override: ({ zodSchema, jsonSchema }) => {
      if (!LEAF_TYPES.has(zodSchema._zod.def.type)) return;
      const { description, default: defaultValue, ...literal } = jsonSchema as Record<string, unknown>;
      for (const key of Object.keys(jsonSchema)) delete (jsonSchema as Record<string, unknown>)[key];
      Object.assign(jsonSchema, {
        ...(description === undefined ? {} : { description }),
        ...(defaultValue === undefined ? {} : { default: defaultValue }),
        anyOf: [literal, ...(zodSchema._zod.def.type === 'boolean' ? [{ $ref: '#/definitions/yaml11Boolean' }] : []), { $ref: '#/definitions/variable' }],
      });
    },
  }) as Record<string, unknown>;
  return {
    ...schema,
    title: 'cloud-compose.yml (compose-cluster)',
    definitions: { ...((schema.definitions as object | undefined) ?? {}), variable: VARIABLE_REFERENCE, yaml11Boolean: YAML11_BOOLEAN_WORDS },
  };
}

/** The file's text: 2-space JSON with a final newline. */
export function jsonSchemaText(): string {
  return `${JSON.stringify(buildJsonSchema(), null, 2)}\n`;
}
