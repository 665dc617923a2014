/**
 * embed(): how a host web page starts the module (built to `embed.js` beside the H5 build by
 * `npm run build:h5-embed`). It hands the bridge and configuration to the app (./handoff.ts),
 * gives Taro its `#app` element inside the host's mount element, and loads the build's own styles
 * and scripts as its index.html lists them — so the host never needs to know the hashed file names.
 *
 *   <script src="/apps/rxyjs/embed.js"></script>
 *   <script>RxyjsModule.embed({ jsBridge, config: { apiBaseUrl, storageNamespace, hostName }, mount: 'module' })</script>
 */
import { BRIDGE_CONTRACT_VERSION } from '@contract/bridge';
import { normaliseRuntimeConfig } from '@/config/runtime';
import { EMBED_GLOBAL, type EmbedOptions } from './handoff';

export type { EmbedOptions } from './handoff';

/** The folder this script came from: the module's build sits beside it. */
const ownFolder = typeof document !== 'undefined' && document.currentScript instanceof HTMLScriptElement ? new URL('.', document.currentScript.src).href : undefined;

function load(element: HTMLScriptElement | HTMLLinkElement): Promise<void> {
  return new Promise((resolve, reject) => {
    element.addEventListener('load', () => resolve());
    element.addEventListener('error', () => reject(new Error(`入学一件事: could not load ${element instanceof HTMLScriptElement ? element.src : element.href}`)));
    document.head.appendChild(element);
  });
}

let started = false;

/** Starts the module inside the host page. Resolves once its scripts ran (the first page then renders). */
export async function embed(options: EmbedOptions): Promise<void> {
  if (started || (window as unknown as Record<string, unknown>)[EMBED_GLOBAL]) throw new Error('入学一件事: the module is already embedded in this page');
  if (!options.bridge && !options.jsBridge) throw new Error('入学一件事: embed() needs a bridge or a jsBridge');
  const config = normaliseRuntimeConfig(options.config ?? {});
  const mount = typeof options.mount === 'string' ? document.getElementById(options.mount) : options.mount;
  if (!mount) throw new Error('入学一件事: embed() needs a mount element');
  if (document.getElementById('app')) throw new Error('入学一件事: the host page already has an element with id "app", which the module renders into');
  const base = new URL(options.moduleUrl ?? ownFolder ?? './', window.location.href);
  if (!base.pathname.endsWith('/')) base.pathname += '/';

  started = true;
  let built: Document;
  try {
    const index = await fetch(new URL('index.html', base), { credentials: 'same-origin' });
    if (!index.ok) throw new Error(`入学一件事: no module build at ${base.href} (index.html answered ${index.status})`);
    built = new DOMParser().parseFromString(await index.text(), 'text/html');
  } catch (error) {
    // Nothing was changed in the page: the host may try again.
    started = false;
    throw error;
  }

  (window as unknown as Record<string, unknown>)[EMBED_GLOBAL] = { bridge: options.bridge, jsBridge: options.jsBridge, jsBridgeOptions: options.jsBridgeOptions, config };
  // Taro's H5 router renders into #app and puts its navigation bar beside it (in the mount element).
  const app = document.createElement('div');
  app.id = 'app';
  mount.appendChild(app);

  const styles: Promise<void>[] = [];
  const scripts: HTMLScriptElement[] = [];
  for (const node of Array.from(built.head.children)) {
    if (node instanceof HTMLLinkElement && (node.rel === 'stylesheet' || node.rel === 'preload')) {
      const link = document.createElement('link');
      link.rel = node.rel;
      if (node.as) link.as = node.as;
      link.href = new URL(node.getAttribute('href') ?? '', base).href;
      if (node.rel === 'stylesheet') styles.push(load(link));
      else document.head.appendChild(link);
    } else if (node instanceof HTMLScriptElement) {
      const script = document.createElement('script');
      if (node.getAttribute('src')) {
        script.src = new URL(node.getAttribute('src') ?? '', base).href;
        // Dynamically inserted scripts run as they arrive unless told otherwise: keep the build's order.
        script.async = false;
      } else {
        script.textContent = node.textContent;
      }
      scripts.push(script);
    }
  }
  await Promise.all([...styles, ...scripts.map((script) => (script.src ? load(script) : Promise.resolve(void document.head.appendChild(script))))]);
}

const api = { embed, contractVersion: BRIDGE_CONTRACT_VERSION };
if (typeof window !== 'undefined') (window as unknown as { RxyjsModule?: typeof api }).RxyjsModule = api;
