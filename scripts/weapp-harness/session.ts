/* eslint-disable no-console -- a build/test reporter: printing is its job */
/**
 * One harness session: a fresh development enrolment server (memory store), the `wx` host answered
 * by it, and the built mini-program loaded in a bare V8 context; plus helpers to find nodes by their
 * text and to tap, type and tick as the WeChat view layer would report it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { composeServer, cryptoRandomBytes } from '../../server/compose';
import { createMemoryStore } from '../../server/adapters/memory/store';
import { createStoredReportKeys } from '../../server/adapters/keys/stored';
import { createMiniProgram, type MiniNode, type PageInstance } from './miniProgram';
import { createWxHost } from './wxHost';

export const DIST = path.resolve(path.dirname(__filename), '../../dist/weapp');
/** The example host mini-program with the module's blended build inside (npm run build:weapp-embed). */
export const HOST_DIST = path.resolve(path.dirname(__filename), '../../dist/host-weapp');

/**
 * The subpackage root the host gave the module in its app.json (the subpackage holding the module's
 * home page), or '' when the module is the mini-program itself.
 */
export function moduleRootOf(distDir: string): string {
  const app = JSON.parse(fs.readFileSync(path.join(distDir, 'app.json'), 'utf8')) as { subPackages?: Array<{ root: string; pages: string[] }> };
  return app.subPackages?.find((p) => p.pages.includes('pages/index/index') && !p.root.startsWith('pages'))?.root ?? '';
}

export interface SessionOptions {
  distDir?: string;
  /** Inside examples/host-weapp: launch the host's own page first, then open the module from it. */
  embedded?: boolean;
  identityId?: string;
  verbose?: boolean;
}

export async function startSession(opts: SessionOptions = {}) {
  const store = createMemoryStore();
  const server = await composeServer({ store, reportKeys: createStoredReportKeys(store, cryptoRandomBytes), development: true });
  const lines: string[] = [];
  const log = (line: string) => {
    lines.push(line);
    if (opts.verbose) console.log(line);
  };
  // The wx object is created first; its answers are parsed into the mini-program's realm once it exists.
  let parseInRealm: (t: string) => unknown = JSON.parse;
  const host = createWxHost({ server, identityId: opts.identityId, parseJson: (t) => parseInRealm(t), log });
  const distDir = opts.distDir ?? (opts.embedded ? HOST_DIST : DIST);
  let mp = createMiniProgram({ distDir, wx: host.wx, log });
  parseInRealm = mp.parseJson;
  const moduleRoot = opts.embedded ? moduleRootOf(distDir) : '';
  if (opts.embedded && !moduleRoot) throw new Error(`${distDir}/app.json lists no subpackage holding the module`);
  /** A module page's route as the mini-program knows it: under the host's subpackage root when embedded. */
  const pageRoute = (route: string) => (moduleRoot && route.startsWith('pages/') ? `${moduleRoot}/${route}` : route);
  /** Pages and errors of earlier runs of the mini-program (restart() is a cold start). */
  const earlier: { visited: PageInstance[]; errors: Array<{ where: string; error: unknown }>; consoleErrors: string[] } = { visited: [], errors: [], consoleErrors: [] };
  (globalThis as { __harnessBusy?: () => number }).__harnessBusy = host.busy;

  const root = (page: PageInstance = mp.current()) => page.data.root as MiniNode | undefined;

  function textOf(node: MiniNode): string {
    if (typeof node.v === 'string') return node.v;
    return (node.cn ?? []).map(textOf).join('');
  }
  function walk(node: MiniNode | undefined, visit: (n: MiniNode, parents: MiniNode[]) => void, parents: MiniNode[] = []) {
    if (!node) return;
    visit(node, parents);
    for (const child of node.cn ?? []) walk(child, visit, [...parents, node]);
  }
  /**
   * The parent closes the mini-program and opens it again later (a cold start: a new logic layer,
   * the same wx storage), at `route`. An expired session sends them through face login first.
   */
  async function restart(modulePage: string, query: Record<string, string> = {}) {
    const route = pageRoute(modulePage);
    const login = pageRoute('pages/login/index');
    mp.dispose();
    earlier.visited.push(...mp.visited);
    earlier.errors.push(...mp.errors);
    earlier.consoleErrors.push(...mp.consoleErrors);
    mp = createMiniProgram({ distDir, wx: host.wx, log });
    parseInRealm = mp.parseJson;
    mp.launch(route, query);
    await mp.settle();
    if (mp.current().route === login && route !== login) {
      await waitForText('开始刷脸');
      await tap('开始刷脸');
      await waitForRoute(route);
      await mp.settle();
    }
  }

  /** The innermost element whose text matches (an element, not a text node: events go to elements). */
  function findByText(match: string | RegExp, page?: PageInstance): MiniNode | null {
    const hits: MiniNode[] = [];
    walk(root(page), (n) => {
      if (n.sid === undefined || typeof n.v === 'string') return;
      const text = textOf(n);
      if (typeof match === 'string' ? text.includes(match) : match.test(text)) hits.push(n);
    });
    // Innermost: a hit none of whose children is a hit.
    return hits.find((h) => !(h.cn ?? []).some((c) => hits.includes(c))) ?? null;
  }
  function findAll(pred: (n: MiniNode) => boolean, page?: PageInstance): MiniNode[] {
    const out: MiniNode[] = [];
    walk(root(page), (n) => {
      if (pred(n)) out.push(n);
    });
    return out;
  }
  /** Whether `inner` is `outer` or inside it. */
  function walkContains(outer: MiniNode, inner: MiniNode): boolean {
    if (outer === inner) return true;
    return (outer.cn ?? []).some((c) => walkContains(c, inner));
  }
  const pageText = (page?: PageInstance) => {
    const r = root(page);
    return r ? textOf(r) : '';
  };

  async function waitForText(match: string | RegExp, timeoutMs = 8000): Promise<void> {
    const start = Date.now();
    for (;;) {
      const text = pageText();
      if (typeof match === 'string' ? text.includes(match) : match.test(text)) return;
      if (Date.now() - start > timeoutMs) throw new Error(`"${match}" not on ${mp.current().route} after ${timeoutMs} ms; the page says: ${text.slice(0, 600)}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }
  async function waitFor<T>(probe: () => T | null | undefined | false, what: string, timeoutMs = 8000): Promise<T> {
    const start = Date.now();
    for (;;) {
      const value = probe();
      if (value) return value;
      if (Date.now() - start > timeoutMs) throw new Error(`${what}: not seen on ${mp.current().route} after ${timeoutMs} ms; the page says: ${pageText().slice(-900)}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }
  async function waitForRoute(modulePage: string, timeoutMs = 8000): Promise<PageInstance> {
    const route = pageRoute(modulePage);
    const start = Date.now();
    for (;;) {
      const top = mp.stack[mp.stack.length - 1];
      if (top?.route === route) return top;
      if (Date.now() - start > timeoutMs) throw new Error(`still on ${top?.route} after ${timeoutMs} ms, expected ${route}; the page says: ${pageText().slice(0, 600)}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  const ROLES = new Set(['button', 'radio', 'checkbox', 'switch', 'tab', 'link', 'menuitem', 'option']);
  /** Like getByRole: an element with an interactive role whose accessible name (aria-label, else text) matches. */
  function findControl(match: string | RegExp, role?: string, scope?: MiniNode): MiniNode | null {
    const hits: MiniNode[] = [];
    walk(scope ?? root(), (n) => {
      if (typeof n.role !== 'string' || (role ? n.role !== role : !ROLES.has(n.role))) return;
      const name = typeof n.ariaLabel === 'string' && n.ariaLabel ? n.ariaLabel : textOf(n);
      if (typeof match === 'string' ? name.includes(match) : match.test(name)) hits.push(n);
    });
    return hits.find((h) => h.ariaDisabled !== true && h.ariaDisabled !== 'true') ?? hits[0] ?? null;
  }
  /** A node by its data-testid. */
  const byTestId = (id: string, scope?: MiniNode) => {
    const hits: MiniNode[] = [];
    walk(scope ?? root(), (n) => {
      if (n.dataTestid === id) hits.push(n);
    });
    return hits;
  };
  /** A radiogroup (or any role) by its aria-label. */
  const group = (label: string, role = 'radiogroup') => {
    const hits: MiniNode[] = [];
    walk(root(), (n) => {
      if (n.role === role && n.ariaLabel === label) hits.push(n);
    });
    if (!hits.length) throw new Error(`no ${role} "${label}" on ${mp.current().route}; the page says: ${pageText().slice(0, 600)}`);
    return hits[0];
  };
  async function tap(match: string | RegExp | MiniNode, role?: string, scope?: MiniNode) {
    // Auto-waits like a parent does (and Playwright): the control may render a moment later.
    const find = () => (typeof match === 'object' && !(match instanceof RegExp) ? match : findControl(match, role, scope) ?? findByText(match));
    let node = find();
    for (let i = 0; !node && i < 250; i++) {
      await new Promise((r) => setTimeout(r, 20));
      node = find();
    }
    if (!node) throw new Error(`nothing says "${match}" on ${mp.current().route}; the page says: ${pageText().slice(0, 400)} … ${pageText().slice(-900)}`);
    mp.dispatch(node, 'tap', { x: 1, y: 1 });
    await mp.settle();
  }
  /** An Input/Textarea by its label (the kit passes the label as nativeProps['aria-label']). */
  function field(label: string | RegExp): MiniNode {
    const hits = findAll((n) => {
      const native = n.nativeProps as { title?: string; 'aria-label'?: string } | undefined;
      const names = [native?.['aria-label'], native?.title, typeof n.ariaLabel === 'string' ? n.ariaLabel : undefined].filter(Boolean) as string[];
      return names.some((name) => (typeof label === 'string' ? name === label : label.test(name)));
    });
    if (!hits.length) throw new Error(`no field "${label}" on ${mp.current().route}`);
    return hits[0];
  }
  async function fill(label: string | RegExp, value: string) {
    await input(field(label), value);
  }
  async function input(node: MiniNode, value: string) {
    mp.dispatch(node, 'input', { value, cursor: value.length, keyCode: 0 });
    await mp.settle();
    mp.dispatch(node, 'blur', { value });
    await mp.settle();
  }

  return {
    get mp() {
      return mp;
    },
    visitedPages: () => [...earlier.visited, ...mp.visited],
    allErrors: () => [...earlier.errors, ...mp.errors],
    allConsoleErrors: () => [...earlier.consoleErrors, ...mp.consoleErrors],
    embedded: opts.embedded === true,
    /** The host's subpackage root for the module ('' standalone). */
    moduleRoot,
    pageRoute,
    restart,
    byTestId,
    group,
    server, host, log, lines, root, textOf, findByText, findControl, field, fill, findAll, walkContains, pageText, waitFor, waitForText, waitForRoute, tap, input, walk };
}

export type Session = Awaited<ReturnType<typeof startSession>>;
