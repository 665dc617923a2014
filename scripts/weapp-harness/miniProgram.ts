/**
 * Runs a built mini-program (dist/weapp) the way WeChat's logic layer does: every JS file in one bare
 * V8 context (node:vm) that has only the ECMAScript built-ins plus what the logic layer provides
 * (`wx`, `App`, `Page`, `Component`, `getApp`, `getCurrentPages`, `requirePlugin`, timers, console).
 * No window, document, fetch, TextEncoder or crypto. Pages are instantiated like WeChat does, their
 * `setData` calls are applied to `data` and measured, and events are dispatched through the page's
 * Taro event handler (`eh`), as base.wxml binds them.
 */
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';

/** Globals a browser or Node has and the mini-program logic layer does not. */
export const ABSENT_GLOBALS = ['window', 'document', 'fetch', 'TextEncoder', 'TextDecoder', 'crypto', 'XMLHttpRequest', 'Buffer', 'process', 'atob', 'btoa', 'navigator', 'location'];

export interface SetDataStat {
  calls: number;
  maxBytes: number;
  totalBytes: number;
}

export interface PageInstance {
  route: string;
  options: Record<string, string>;
  data: Record<string, unknown>;
  stats: SetDataStat;
  maxNodes: number;
  [method: string]: unknown;
}

export interface MiniNode {
  nn?: string | number;
  sid?: string;
  uid?: string;
  v?: string;
  cn?: MiniNode[];
  cl?: string;
  [prop: string]: unknown;
}

type WxLike = Record<string, unknown>;

export interface MiniProgramOptions {
  distDir: string;
  /** The `wx` object (navigation APIs are added by the harness). */
  wx: WxLike;
  log?: (line: string) => void;
}

export function createMiniProgram(opts: MiniProgramOptions) {
  const distDir = path.resolve(opts.distDir);
  const appJson = JSON.parse(fs.readFileSync(path.join(distDir, 'app.json'), 'utf8')) as { pages: string[]; subPackages?: Array<{ root: string; pages: string[] }> };
  const errors: Array<{ where: string; error: unknown }> = [];
  const timers = new Set<ReturnType<typeof setTimeout>>();
  const intervals = new Set<ReturnType<typeof setInterval>>();
  let lastActivity = Date.now();
  let pending = 0;
  const fail = (where: string) => (error: unknown) => {
    errors.push({ where, error });
    opts.log?.(`ERROR in ${where}: ${error instanceof Error ? error.stack : String(error)}`);
  };
  const guard = (where: string, fn: (...a: unknown[]) => unknown) => (...a: unknown[]) => {
    try {
      return fn(...a);
    } catch (error) {
      fail(where)(error);
      return undefined;
    }
  };

  const context = vm.createContext({});
  const realm = vm.runInContext('globalThis', context) as Record<string, unknown>;
  const present = ABSENT_GLOBALS.filter((name) => vm.runInContext(`typeof ${name}`, context) !== 'undefined');
  if (present.length) throw new Error(`the bare context must not have ${present.join(', ')}`);
  const parseJson = vm.runInContext('JSON.parse', context) as (text: string) => unknown;

  let appInstance: Record<string, unknown> | null = null;
  let registeredPage: Record<string, unknown> | null = null;
  const pageConfigs = new Map<string, Record<string, unknown>>();
  const components: Record<string, unknown>[] = [];
  const stack: PageInstance[] = [];
  /** Every page instance ever created, in order (the report reads their figures). */
  const visited: PageInstance[] = [];

  // --- modules: CommonJS `require` relative to the requiring file, as the logic layer resolves it
  const modules = new Map<string, { exports: unknown }>();
  /** Files loaded by require.async, relative to distDir, in order. */
  const asyncLoads: string[] = [];
  function load(file: string): unknown {
    const cached = modules.get(file);
    if (cached) return cached.exports;
    const module = { exports: {} as unknown };
    modules.set(file, module);
    const code = fs.readFileSync(file, 'utf8');
    const fn = vm.compileFunction(code, ['require', 'module', 'exports'], { parsingContext: context, filename: file });
    fn.call(undefined, requireFrom(path.dirname(file)), module, module.exports);
    return module.exports;
  }
  // WeChat's package rules: the main package cannot require a subpackage's code, nor one subpackage
  // another's (the module embedded as a host's subpackage must load its runtime itself).
  const roots = (appJson.subPackages ?? []).map((p) => p.root.replace(/\/+$/, ''));
  const packageOf = (file: string) => {
    const rel = path.relative(distDir, file).split(path.sep).join('/');
    return roots.find((root) => rel.startsWith(`${root}/`)) ?? '';
  };
  function requireFrom(dir: string) {
    const resolve = (spec: string) => {
      let file = path.resolve(dir, spec);
      if (!file.endsWith('.js')) file += '.js';
      if (!file.startsWith(distDir)) throw new Error(`require outside the package: ${spec}`);
      return file;
    };
    // A plain require stays inside its package; require.async below may reach another one.
    const require = (spec: string) => {
      const file = resolve(spec);
      const from = packageOf(path.join(dir, 'x.js'));
      const to = packageOf(file);
      if (to && to !== from) throw new Error(`${from ? `subpackage ${from}` : 'the main package'} requires ${spec} inside subpackage ${to}: WeChat does not allow it`);
      return load(file);
    };
    // 分包异步化 (base library ≥ 2.11.2): the module, later, once its package is there; a missing
    // file rejects with { mod, errMsg } as WeChat does.
    require.async = (spec: string) =>
      new (realm.Promise as PromiseConstructor)((resolveModule, reject) => {
        later(() => {
          let file: string;
          try {
            file = resolve(spec);
          } catch (error) {
            reject({ mod: spec, errMsg: String(error) });
            return;
          }
          if (!fs.existsSync(file)) {
            reject({ mod: spec, errMsg: `module ${spec} is not defined` });
            return;
          }
          asyncLoads.push(path.relative(distDir, file).split(path.sep).join('/'));
          try {
            resolveModule(load(file));
          } catch (error) {
            reject({ mod: spec, errMsg: String(error) });
            throw error;
          }
        }, `require.async ${spec}`);
      });
    return require;
  }

  // --- data paths as Taro writes them: "root.cn.[0].cn.[2].v"
  function applyPath(target: Record<string, unknown>, key: string, value: unknown) {
    const parts = [...key.matchAll(/\[(\d+)\]|[^.[\]]+/g)].map((m) => (m[1] !== undefined ? Number(m[1]) : m[0]));
    let node: Record<string | number, unknown> = target;
    for (let i = 0; i < parts.length - 1; i++) {
      const part = parts[i];
      if (node[part] === null || typeof node[part] !== 'object') node[part] = typeof parts[i + 1] === 'number' ? [] : {};
      node = node[part] as Record<string | number, unknown>;
    }
    node[parts[parts.length - 1]] = value;
  }

  function countNodes(node: unknown): number {
    if (!node || typeof node !== 'object') return 0;
    const n = node as MiniNode;
    let count = n.nn !== undefined ? 1 : 0;
    for (const child of n.cn ?? []) count += countNodes(child);
    return count;
  }

  function createPage(route: string, options: Record<string, string>): PageInstance {
    const config = pageConfigs.get(route)!;
    const page = { ...config } as PageInstance;
    page.data = parseJson(JSON.stringify(config.data ?? {})) as Record<string, unknown>;
    page.route = route;
    page.__route__ = route;
    page.options = options;
    page.stats = { calls: 0, maxBytes: 0, totalBytes: 0 };
    page.maxNodes = 0;
    page.setData = (data: Record<string, unknown>, cb?: () => void) => {
      const bytes = Buffer.byteLength(JSON.stringify(data));
      page.stats.calls += 1;
      page.stats.totalBytes += bytes;
      page.stats.maxBytes = Math.max(page.stats.maxBytes, bytes);
      for (const [key, value] of Object.entries(data)) applyPath(page.data, key, value === undefined ? undefined : parseJson(JSON.stringify(value ?? null)));
      page.maxNodes = Math.max(page.maxNodes, countNodes(page.data.root));
      lastActivity = Date.now();
      if (cb) later(cb, `${route} setData callback`);
    };
    page.selectComponent = () => null;
    page.selectAllComponents = () => [];
    page.createSelectorQuery = () => (wx.createSelectorQuery as () => unknown)();
    page.getOpenerEventChannel = () => ({ emit() {}, on() {}, once() {}, off() {} });
    return page;
  }

  function later(fn: (...a: unknown[]) => unknown, where: string, ms = 0) {
    pending += 1;
    const t = setTimeout(() => {
      timers.delete(t);
      pending -= 1;
      lastActivity = Date.now();
      guard(where, fn)();
    }, ms);
    timers.add(t);
  }

  function routeOf(url: string, from?: string): { route: string; options: Record<string, string> } {
    const [rawPath, query = ''] = url.split('?');
    let route = rawPath.startsWith('/') ? rawPath.slice(1) : path.posix.join(path.posix.dirname(from ?? ''), rawPath);
    route = route.replace(/\.js$/, '');
    const options: Record<string, string> = {};
    for (const pair of query.split('&').filter(Boolean)) {
      const [k, v = ''] = pair.split('=');
      options[k] = v;
    }
    return { route, options };
  }

  const allRoutes = new Set([...appJson.pages, ...(appJson.subPackages ?? []).flatMap((p) => p.pages.map((page) => `${p.root}/${page}`))]);

  function ensurePage(route: string) {
    if (pageConfigs.has(route)) return;
    if (!allRoutes.has(route)) throw new Error(`no page ${route} in app.json`);
    registeredPage = null;
    load(path.join(distDir, `${route}.js`));
    if (!registeredPage) throw new Error(`${route}.js did not call Page()`);
    pageConfigs.set(route, registeredPage);
  }

  function callLifecycle(page: PageInstance, name: string, ...args: unknown[]) {
    const fn = page[name];
    if (typeof fn === 'function') guard(`${page.route}.${name}`, (...a) => (fn as (...x: unknown[]) => unknown).apply(page, a))(...args);
  }

  function open(url: string) {
    const top = stack[stack.length - 1];
    const { route, options } = routeOf(url, top?.route);
    ensurePage(route);
    const page = createPage(route, options);
    stack.push(page);
    visited.push(page);
    opts.log?.(`→ ${route}${Object.keys(options).length ? `?${new URLSearchParams(options)}` : ''}`);
    callLifecycle(page, 'onLoad', parseJson(JSON.stringify(options)));
    callLifecycle(page, 'onShow');
    callLifecycle(page, 'onReady');
  }
  function unloadTop() {
    const page = stack.pop();
    if (page) callLifecycle(page, 'onUnload');
  }
  const nav = (name: string, run: (o: Record<string, unknown>) => void) => (o: Record<string, unknown>) => {
    pending += 1;
    setTimeout(() => {
      pending -= 1;
      lastActivity = Date.now();
      try {
        run(o);
        (o.success as ((r: unknown) => void) | undefined)?.({ errMsg: `${name}:ok` });
      } catch (error) {
        fail(name)(error);
        (o.fail as ((r: unknown) => void) | undefined)?.({ errMsg: `${name}:fail ${error instanceof Error ? error.message : error}` });
      }
      (o.complete as (() => void) | undefined)?.();
    }, 0);
  };
  // Each run of the mini-program gets its own wx object (webpack keeps its chunk registry on it).
  const wx: WxLike = { ...opts.wx };
  Object.assign(wx, {
    navigateTo: nav('navigateTo', (o) => {
      const top = stack[stack.length - 1];
      if (top) callLifecycle(top, 'onHide');
      open(String(o.url));
    }),
    redirectTo: nav('redirectTo', (o) => {
      unloadTop();
      open(String(o.url));
    }),
    reLaunch: nav('reLaunch', (o) => {
      while (stack.length) unloadTop();
      open(String(o.url));
    }),
    switchTab: nav('switchTab', (o) => {
      while (stack.length) unloadTop();
      open(String(o.url));
    }),
    navigateBack: nav('navigateBack', (o) => {
      const delta = Math.max(1, Number(o.delta ?? 1));
      for (let i = 0; i < delta && stack.length > 1; i++) unloadTop();
      const top = stack[stack.length - 1];
      if (top) callLifecycle(top, 'onShow');
    }),
  });

  Object.assign(realm, {
    wx,
    App: (config: Record<string, unknown>) => {
      appInstance = config;
    },
    Page: (config: Record<string, unknown>) => {
      registeredPage = config;
    },
    Component: (config: Record<string, unknown>) => {
      components.push(config);
    },
    Behavior: (config: unknown) => config,
    getApp: () => appInstance,
    getCurrentPages: () => stack.slice(),
    requirePlugin: (name: string) => {
      throw new Error(`no plugin ${name}`);
    },
    setTimeout: (fn: (...a: unknown[]) => unknown, ms?: number, ...args: unknown[]) => {
      const t = setTimeout(() => {
        timers.delete(t);
        lastActivity = Date.now();
        guard('setTimeout callback', fn)(...args);
      }, ms);
      timers.add(t);
      return t;
    },
    clearTimeout: (t: ReturnType<typeof setTimeout>) => {
      timers.delete(t);
      clearTimeout(t);
    },
    setInterval: (fn: (...a: unknown[]) => unknown, ms?: number, ...args: unknown[]) => {
      const t = setInterval(guard('setInterval callback', () => fn(...args)), ms);
      t.unref();
      intervals.add(t);
      return t;
    },
    clearInterval: (t: ReturnType<typeof setInterval>) => {
      intervals.delete(t);
      clearInterval(t);
    },
    console: {
      log: (...a: unknown[]) => opts.log?.(`[console.log] ${a.map(String).join(' ')}`),
      info: (...a: unknown[]) => opts.log?.(`[console.info] ${a.map(String).join(' ')}`),
      debug: () => undefined,
      warn: (...a: unknown[]) => opts.log?.(`[console.warn] ${a.map(String).join(' ')}`),
      error: (...a: unknown[]) => {
        opts.log?.(`[console.error] ${a.map((x) => (x instanceof Error ? x.stack : String(x))).join(' ')}`);
        consoleErrors.push(a.map((x) => (x instanceof Error ? x.message : String(x))).join(' '));
      },
    },
  });
  const consoleErrors: string[] = [];

  function onRejection(reason: unknown) {
    fail('unhandled rejection')(reason);
  }
  process.on('unhandledRejection', onRejection);

  return {
    errors,
    consoleErrors,
    asyncLoads,
    stack,
    visited,
    realm,
    parseJson,
    /** Loads app.js (and the chunks it requires), launches the app, opens the first page. */
    launch(entry = appJson.pages[0], query: Record<string, string> = {}) {
      load(path.join(distDir, 'app.js'));
      if (!appInstance) throw new Error('app.js did not call App()');
      const launchOptions = parseJson(JSON.stringify({ path: entry, query, scene: 1001 }));
      const app = appInstance;
      guard('App.onLaunch', () => (app.onLaunch as ((o: unknown) => void) | undefined)?.call(app, launchOptions))();
      guard('App.onShow', () => (app.onShow as ((o: unknown) => void) | undefined)?.call(app, launchOptions))();
      open(`/${entry}${Object.keys(query).length ? `?${new URLSearchParams(query)}` : ''}`);
    },
    /** The mini-program comes back from the background: App.onShow, then the top page's onShow (wx.onAppShow listeners are the host's). */
    foreground() {
      const app = appInstance;
      const options = parseJson('{"path":"","query":{},"scene":1001}');
      if (app) guard('App.onShow', () => (app.onShow as ((o: unknown) => void) | undefined)?.call(app, options))();
      const top = stack[stack.length - 1];
      if (top) callLifecycle(top, 'onShow');
    },
    current(): PageInstance {
      const top = stack[stack.length - 1];
      if (!top) throw new Error('no page open');
      return top;
    },
    /** Waits until nothing happened for `quietMs` (no setData, timer, request or navigation). */
    async settle(quietMs = 80, maxMs = 10000) {
      const start = Date.now();
      for (;;) {
        await new Promise((r) => setTimeout(r, 10));
        const busy = pending > 0 || (globalThis as { __harnessBusy?: () => number }).__harnessBusy?.();
        if (!busy && Date.now() - lastActivity >= quietMs) return;
        if (Date.now() - start > maxMs) return;
      }
    },
    markActivity() {
      lastActivity = Date.now();
    },
    trackBusy(delta: number) {
      pending += delta;
      lastActivity = Date.now();
    },
    /** Dispatches a mini-program event to a node of the current page through its `eh` handler. */
    dispatch(node: MiniNode, type: string, detail: Record<string, unknown> = {}) {
      const page = stack[stack.length - 1];
      const target = { id: node.uid ?? node.sid, dataset: { sid: node.sid } };
      const event = parseJson(JSON.stringify({ type, timeStamp: Date.now(), detail, target, currentTarget: target, touches: [], changedTouches: [] }));
      lastActivity = Date.now();
      guard(`${page.route} ${type} event`, () => (page.eh as (e: unknown) => unknown).call(page, event))();
    },
    dispose() {
      process.off('unhandledRejection', onRejection);
      for (const t of timers) clearTimeout(t);
      for (const t of intervals) clearInterval(t);
      while (stack.length) unloadTop();
    },
  };
}

export type MiniProgram = ReturnType<typeof createMiniProgram>;
