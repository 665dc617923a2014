/**
 * Jest environment for tests that run PGlite (`@jest-environment ./server/adapters/sql/pgliteTestEnvironment.js`).
 * PGlite starts its WASM with dynamic import(), which code inside jest's sandbox cannot run (it needs
 * --experimental-vm-modules). This environment is loaded by Node itself, so it loads PGlite outside the
 * sandbox and hands it in as a global; the test maps the package to it:
 *   jest.mock('@electric-sql/pglite', () => globalThis.__nativePglite);
 * Values cross between the two realms: the store passes only strings, numbers, booleans and arrays in
 * (bytes as hex), and builds its own objects from what comes out.
 */
// Loaded by jest itself as CommonJS, outside any transform.
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { TestEnvironment } = require('jest-environment-node');

class PgliteTestEnvironment extends TestEnvironment {
  async setup() {
    await super.setup();
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    this.global.__nativePglite = require('@electric-sql/pglite');
  }
}

module.exports = PgliteTestEnvironment;
