/** The bridge's `platform` inside a JSBridge container: known before the adapter's chunk loads (src/bridge/lazy.ts). */
export const JSBRIDGE_PLATFORM = 'h5-jsbridge';
