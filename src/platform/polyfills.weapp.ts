/**
 * The mini-program logic layer has no TextEncoder/TextDecoder (qrcode encodes the report code with
 * TextEncoder; @noble/curves calls it at import). One polyfill, installed on the real global object
 * before those libraries load (imported first by the pages that use them, ./polyfills.ts).
 *
 * fast-text-encoding assigns to `window` when it sees one, and in a Taro mini-program build `window`
 * is Taro's own object (webpack ProvidePlugin), not the global the libraries' free `TextEncoder`
 * identifiers resolve against: so take the classes from wherever it put them and set them on globalThis.
 */
import 'fast-text-encoding';

type Scope = { TextEncoder?: unknown; TextDecoder?: unknown };

declare const window: Scope | undefined;

const realGlobal = (typeof globalThis !== 'undefined' ? globalThis : undefined) as unknown as Scope | undefined;
const installedOn = typeof window !== 'undefined' && window ? window : realGlobal;

if (realGlobal && installedOn) {
  if (typeof realGlobal.TextEncoder !== 'function') realGlobal.TextEncoder = installedOn.TextEncoder;
  if (typeof realGlobal.TextDecoder !== 'function') realGlobal.TextDecoder = installedOn.TextDecoder;
}

export {};
