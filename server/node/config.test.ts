/**
 * @jest-environment node
 */
/** What the Node server refuses to start with in production, and says so. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createFileReportKeys, KeyConfigError } from '../adapters/keys/file';
import { ConfigError, loadConfig } from './config';
import { startNodeServer } from './start';
import { createMemoryStore } from '../adapters/memory/store';

describe('configuration', () => {
  test('development by default: QA API and dev host on, PGlite in .data', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ production: false, development: true, databaseUrl: null, port: 8080 });
    expect(c.dataDir.endsWith('.data')).toBe(true);
  });

  test('NODE_ENV=production refuses the QA API and the dev host, and says so', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', ENROLMENT_DEV: '1' })).toThrow(ConfigError);
    expect(() => loadConfig({ NODE_ENV: 'production', ENROLMENT_DEV: '1' })).toThrow(/refuses to start with the QA API and the dev host/);
    expect(loadConfig({ NODE_ENV: 'production' })).toMatchObject({ production: true, development: false });
  });

  test('NODE_ENV=production refuses to serve a development build of the module', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', STATIC_DIR: 'dist/h5-dev' })).toThrow(/development build/);
  });

  test('a bad PORT is refused with its value', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT must be a port number, not eighty/);
  });
});

describe('report-code keys', () => {
  const dir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'rxyjs-keys-'));

  test('development generates a key on first start from the CSPRNG and keeps it', async () => {
    const d = dir();
    const first = await createFileReportKeys({ dir: d, production: false }).forYear(2024);
    const again = await createFileReportKeys({ dir: d, production: false }).forYear(2024);
    expect(again).toEqual(first);
    const other = await createFileReportKeys({ dir: dir(), production: false }).forYear(2024);
    expect(other.publicKey).not.toBe(first.publicKey);
    expect(JSON.parse(fs.readFileSync(path.join(d, 'report-code-2024.json'), 'utf8')).development).toBe(true);
  });

  test('production refuses a development key and a missing key', async () => {
    const d = dir();
    await createFileReportKeys({ dir: d, production: false }).forYear(2024);
    await expect(createFileReportKeys({ dir: d, production: true }).forYear(2024)).rejects.toThrow(/development key/);
    await expect(createFileReportKeys({ dir: dir(), production: true }).forYear(2024)).rejects.toThrow(KeyConfigError);
  });

  test('a configured key from the environment is used as given', async () => {
    const secret = 'a'.repeat(64);
    const keys = await createFileReportKeys({ dir: dir(), production: true, env: { REPORT_CODE_SECRET_KEY_2024: secret } }).forYear(2024);
    expect(keys.secretKey).toBe(secret);
    await expect(createFileReportKeys({ dir: dir(), production: true, env: { REPORT_CODE_SECRET_KEY_2024: 'short' } }).forYear(2024)).rejects.toThrow(/64 hex/);
  });

  test('a production start with a development key stops before listening', async () => {
    const d = dir();
    await createFileReportKeys({ dir: d, production: false }).forYear(2024);
    const config = { ...loadConfig({ NODE_ENV: 'production', PORT: '0' }), keysDir: d };
    await expect(startNodeServer(config, { store: createMemoryStore() })).rejects.toThrow(/development key/);
  });
});
