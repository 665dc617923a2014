/**
 * Writes the enrolment API's OpenAPI 3.1 document to docs/openapi.json from the routes themselves
 * (declared from the zod contracts). `--check` fails when the checked-in document is not current.
 * Usage: npx tsx scripts/openapi.ts [--check]
 */
import fs from 'node:fs';
import path from 'node:path';
import { composeServer, cryptoRandomBytes } from '../server/compose';
import { createMemoryStore } from '../server/adapters/memory/store';
import { createStoredReportKeys } from '../server/adapters/keys/stored';
import { OPENAPI_INFO } from '../server/http/app';

const FILE = path.resolve(__dirname, '..', 'docs', 'openapi.json');

async function main() {
  const store = createMemoryStore();
  // A development server has the same API routes; the QA API is not declared in the document.
  const { app } = await composeServer({ store, reportKeys: createStoredReportKeys(store, cryptoRandomBytes), development: true });
  const text = `${JSON.stringify(app.getOpenAPI31Document(OPENAPI_INFO), null, 2)}\n`;
  if (process.argv.includes('--check')) {
    const current = fs.existsSync(FILE) ? fs.readFileSync(FILE, 'utf8') : '';
    if (current !== text) {
      console.error('docs/openapi.json is not current: run `npm run openapi` and commit it');
      process.exit(1);
    }
    console.warn('docs/openapi.json is current');
    return;
  }
  fs.writeFileSync(FILE, text);
  console.warn(`wrote ${path.relative(process.cwd(), FILE)} (${Object.keys(JSON.parse(text).paths).length} paths)`);
}

void main();
