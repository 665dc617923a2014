/**
 * The host page's embed(): the hand-off global, the #app element inside the host's mount, and the
 * build's styles and scripts loaded from the module's folder in the build's order.
 */
import { BRIDGE_CONTRACT_VERSION, type HostBridge } from '@contract/bridge';
import { EMBED_GLOBAL } from './handoff';

const BUILT_INDEX = `<!doctype html><html><head><title>入学一件事</title><script>window.__inlineRan = (window.__inlineRan || 0) + 1</script>
<link rel="preload" as="script" href="js/144.abc.js"><script defer="defer" src="js/22.abc.js"></script><script defer="defer" src="js/app.abc.js"></script>
<link href="css/app.abc.css" rel="stylesheet"></head><body><div id="app"></div></body></html>`;

const bridge = { platform: 'host', contractVersion: BRIDGE_CONTRACT_VERSION } as HostBridge;
const globals = window as unknown as Record<string, unknown>;
const fetched: string[] = [];

function answerIndex(status = 200) {
  window.fetch = jest.fn(async (url: RequestInfo | URL) => {
    fetched.push(String(url));
    return new Response(BUILT_INDEX, { status, headers: { 'Content-Type': 'text/html' } });
  }) as typeof fetch;
}

/** jsdom loads no resources: answer every script and style the loader added, as a browser would. */
async function loadEverything() {
  for (let round = 0; round < 5; round++) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    document.head.querySelectorAll('script[src], link[rel="stylesheet"]').forEach((el) => {
      if ((el as HTMLElement).dataset.answered) return;
      (el as HTMLElement).dataset.answered = '1';
      el.dispatchEvent(new Event('load'));
    });
  }
}

// A fresh loader per test: a page embeds the module once.
let embed: typeof import('./index').embed;

beforeEach(() => {
  jest.resetModules();
  ({ embed } = require('./index') as typeof import('./index'));
  delete globals[EMBED_GLOBAL];
  delete globals.__inlineRan;
  document.head.innerHTML = '';
  document.body.innerHTML = '<header>host</header><main id="module"></main>';
  fetched.length = 0;
  answerIndex();
});

describe('embed()', () => {
  it('hands over the bridge and configuration, mounts #app inside the host element and loads the build in order', async () => {
    const pageView = () => undefined;
    const config = { storageNamespace: 'host-rxyjs', hostName: '示例政务', theme: { primary: '#0a7f5a' }, telemetry: { pageView } };
    const started = embed({ bridge, config, mount: 'module', moduleUrl: 'https://static.host.example/apps/rxyjs' });
    await loadEverything();
    await started;
    expect(fetched).toEqual(['https://static.host.example/apps/rxyjs/index.html']);
    expect(globals[EMBED_GLOBAL]).toEqual({ bridge, jsBridge: undefined, jsBridgeOptions: undefined, config: { apiBaseUrl: '', storageNamespace: 'host-rxyjs', hostName: '示例政务', theme: { primary: '#0a7f5a' }, telemetry: { pageView } } });
    expect(document.querySelector('#module > #app')).not.toBeNull();
    const scripts = Array.from(document.head.querySelectorAll('script[src]')) as HTMLScriptElement[];
    expect(scripts.map((s) => s.src)).toEqual(['https://static.host.example/apps/rxyjs/js/22.abc.js', 'https://static.host.example/apps/rxyjs/js/app.abc.js']);
    expect(scripts.every((s) => s.async === false)).toBe(true);
    expect((document.head.querySelector('link[rel="stylesheet"]') as HTMLLinkElement).href).toBe('https://static.host.example/apps/rxyjs/css/app.abc.css');
    expect((document.head.querySelector('link[rel="preload"]') as HTMLLinkElement).href).toBe('https://static.host.example/apps/rxyjs/js/144.abc.js');
  });

  it('refuses a second embed, a page that already has #app, and a missing bridge or mount', async () => {
    await expect(embed({ config: {}, mount: 'module' })).rejects.toThrow(/bridge or a jsBridge/);
    await expect(embed({ bridge, config: {}, mount: 'nowhere' })).rejects.toThrow(/mount element/);
    document.body.insertAdjacentHTML('beforeend', '<div id="app"></div>');
    await expect(embed({ bridge, config: {}, mount: 'module' })).rejects.toThrow(/id "app"/);
    document.getElementById('app')!.remove();
    const first = embed({ bridge, config: {}, mount: 'module', moduleUrl: 'https://static.host.example/m/' });
    await loadEverything();
    await first;
    await expect(embed({ bridge, config: {}, mount: 'module' })).rejects.toThrow(/already embedded/);
  });

  it('refuses a second embed started while the first is still loading', async () => {
    const first = embed({ bridge, config: {}, mount: 'module', moduleUrl: 'https://static.host.example/m/' });
    await expect(embed({ bridge, config: {}, mount: 'module', moduleUrl: 'https://static.host.example/m/' })).rejects.toThrow(/already embedded/);
    await loadEverything();
    await first;
    expect(document.querySelectorAll('#app')).toHaveLength(1);
  });

  it('refuses a bad configuration before touching the page, and says where no build was found', async () => {
    await expect(embed({ bridge, config: { apiBaseUrl: 'ftp://x' }, mount: 'module' })).rejects.toThrow(/apiBaseUrl/);
    answerIndex(404);
    await expect(embed({ bridge, config: {}, mount: 'module', moduleUrl: 'https://static.host.example/missing/' })).rejects.toThrow(/no module build at https:\/\/static.host.example\/missing\/ \(index.html answered 404\)/);
    expect(globals[EMBED_GLOBAL]).toBeUndefined();
    expect(document.getElementById('app')).toBeNull();
  });

  it('exposes RxyjsModule.embed and the contract version as a global for plain host pages', () => {
    expect((window as unknown as { RxyjsModule: { embed: unknown; contractVersion: number } }).RxyjsModule).toEqual({ embed, contractVersion: BRIDGE_CONTRACT_VERSION });
  });
});
