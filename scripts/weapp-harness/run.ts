/* eslint-disable no-console -- a build/test reporter: printing is its job */
/**
 * Builds dist/weapp when needed, walks the journey, and reports per page the largest setData payload
 * (JSON bytes) and the node count of the rendered tree (from the page data the view layer renders).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { startSession, DIST, HOST_DIST, type Session } from './session';
export { DIST, HOST_DIST };
import { JOURNEY } from './journey';

export const LIMITS = { setDataBytes: 256 * 1024, nodes: 1000 };

const ROOT = path.resolve(path.dirname(__filename), '../..');

/** Builds dist/weapp unless WEAPP_NO_BUILD=1 and a build newer than every file in src/ exists. */
export function ensureBuild(distDir = DIST, script = 'build:weapp', alsoWatch: string[] = []): { built: boolean; ms: number } {
  const start = Date.now();
  const app = path.join(distDir, 'app.js');
  if (process.env.WEAPP_NO_BUILD === '1' && fs.existsSync(app)) {
    const builtAt = fs.statSync(app).mtimeMs;
    const newest = Math.max(...[path.join(ROOT, 'src'), ...alsoWatch.map((p) => path.join(ROOT, p))].map(newestMtime));
    if (newest <= builtAt) return { built: false, ms: 0 };
    console.log(`# dist/weapp is older than src/: building anyway`);
  }
  try {
    execFileSync('npm', ['run', script, '--silent'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NODE_ENV: 'production' }, maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    const e = error as { stdout?: Buffer; stderr?: Buffer };
    // The progress bar floods the output: show only the end of what the build said.
    console.error(`${e.stdout?.toString().slice(-3000) ?? ''}\n${e.stderr?.toString().slice(-3000) ?? ''}`);
    throw new Error(`npm run ${script} failed`);
  }
  return { built: true, ms: Date.now() - start };
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

export interface PageFigure {
  route: string;
  setDataCalls: number;
  maxSetDataBytes: number;
  maxNodes: number;
}

export interface WalkReport {
  steps: Array<{ name: string; ms: number; ok: boolean; error?: string }>;
  pages: PageFigure[];
  errors: string[];
  consoleErrors: string[];
  deprecatedCalls: string[];
  /** Every key the mini-program stored in wx storage. */
  storageKeys: string[];
  session: Session;
}

export async function walk(opts: { distDir?: string; verbose?: boolean; embedded?: boolean } = {}): Promise<WalkReport> {
  const s = await startSession({ distDir: opts.distDir, verbose: opts.verbose, embedded: opts.embedded });
  const steps: WalkReport['steps'] = [];
  for (const step of JOURNEY) {
    const t = Date.now();
    try {
      await step.run(s);
      steps.push({ name: step.name, ms: Date.now() - t, ok: true });
    } catch (error) {
      steps.push({ name: step.name, ms: Date.now() - t, ok: false, error: error instanceof Error ? error.message : String(error) });
      break;
    }
  }
  const byRoute = new Map<string, PageFigure>();
  for (const page of s.visitedPages()) {
    const f = byRoute.get(page.route) ?? { route: page.route, setDataCalls: 0, maxSetDataBytes: 0, maxNodes: 0 };
    f.setDataCalls += page.stats.calls;
    f.maxSetDataBytes = Math.max(f.maxSetDataBytes, page.stats.maxBytes);
    f.maxNodes = Math.max(f.maxNodes, page.maxNodes);
    byRoute.set(page.route, f);
  }
  return {
    steps,
    pages: [...byRoute.values()],
    errors: s.allErrors().map((e) => `${e.where}: ${e.error instanceof Error ? e.error.stack ?? e.error.message : String(e.error)}`),
    consoleErrors: s.allConsoleErrors(),
    deprecatedCalls: s.host.calls.filter((c) => c.api === 'getSystemInfoSync' || c.api === 'startFacialRecognitionVerify' || c.api === 'chooseImage').map((c) => c.api),
    storageKeys: [...s.host.storage.keys()],
    session: s,
  };
}

export function table(pages: PageFigure[]): string {
  const rows = [['page', 'setData calls', 'largest setData', 'nodes'], ...pages.map((p) => [p.route, String(p.setDataCalls), `${(p.maxSetDataBytes / 1024).toFixed(1)} KB`, String(p.maxNodes)])];
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  return rows.map((r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ')).join('\n');
}
