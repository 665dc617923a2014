import '@testing-library/jest-dom';
import { toHaveNoViolations } from 'jest-axe';
import { format } from 'node:util';

expect.extend(toHaveNoViolations);

/**
 * Quiet, honest console: the one known Taro/stencil message under jsdom (taro-input-core and
 * taro-textarea-core read `event.target.value` of a target jsdom does not give them) is dropped;
 * any other console.error or console.warn fails the test that printed it.
 */
const KNOWN = /Cannot read properties of undefined \(reading 'value'\)/;

function isKnownStencilNoise(args: unknown[]): boolean {
  const text = args.map((a) => (a instanceof Error ? `${a.message}\n${a.stack ?? ''}` : typeof a === 'string' ? a : '')).join(' ');
  return KNOWN.test(text) && /taro-(input|textarea)-core|stencil|@tarojs[\\/]components/i.test(text);
}

let unexpected: string[] = [];
const original = { error: console.error, warn: console.warn };

for (const level of ['error', 'warn'] as const) {
  // eslint-disable-next-line no-console -- the test set-up owns the console
  console[level] = (...args: unknown[]) => {
    if (isKnownStencilNoise(args)) return;
    unexpected.push(`console.${level}: ${format(...args)}`);
    original[level](...args);
  };
}

beforeEach(() => {
  unexpected = [];
});

afterEach(() => {
  const found = unexpected;
  unexpected = [];
  if (found.length > 0) {
    throw new Error(`Unexpected console output (fix it, or assert it with jest.spyOn):\n${found.map((m) => m.slice(0, 2000)).join('\n---\n')}`);
  }
});
