// Writes schema/cloud-compose.schema.json from the zod schema (npm run schema).
// The file is committed; test/config/json-schema.test.ts fails when it is stale.
import * as fs from 'fs';
import * as path from 'path';
import { JSON_SCHEMA_PATH, jsonSchemaText } from '../lib/config/json-schema';

const target = path.join(__dirname, '..', JSON_SCHEMA_PATH);
fs.mkdirSync(path.dirname(target), { recursive: true });
fs.writeFileSync(target, jsonSchemaText());
process.stdout.write(`wrote ${path.relative(process.cwd(), target)}\n`);
