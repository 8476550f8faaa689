/**
 * The JSON Schema of cloud-compose.yml for editors (YAML language server),
 * generated from the zod schema that also validates the file.
 *
 * It describes what may be written (zod's input side: keys with defaults are
 * optional). Cross-field rules (duplicates, LVM fit, iops bounds) are only
 * checked by `compose-cluster validate`.
 */
import { z } from 'zod';
import { cloudComposeFileSchema } from './schema';

/** Where the generated schema is committed, relative to the package root. */
export const JSON_SCHEMA_PATH = 'schema/cloud-compose.schema.json';

/** The JSON Schema document (draft-07, which the YAML language server supports). */
export function buildJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(cloudComposeFileSchema, { target: 'draft-07', io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return { ...schema, title: 'cloud-compose.yml (compose-cluster)' };
}

/** The file's text: 2-space JSON with a final newline. */
export function jsonSchemaText(): string {
  return `${JSON.stringify(buildJsonSchema(), null, 2)}\n`;
}
