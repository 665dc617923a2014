/**
 * The mock host in the browser (mock builds only): starts the MSW service worker with the enrolment
 * service over persisted state, and provides the simulated host UI (face sheet, QA panel entry).
 */
import { setupWorker } from 'msw/browser';
import { createEnrolmentService } from './service';
import { createStore } from './service/store';
import { emptyState } from './service/seed';
import { allHandlers } from './handlers';
import { createBrowserPersistence } from './browserPersistence';
import { identities } from './data/identities';

let started: Promise<void> | null = null;

export function startMockHost(): Promise<void> {
  if (!started) {
    started = (async () => {
      const persistence = createBrowserPersistence();
      const saved = await persistence.loadState();
      const store = createStore(saved ?? emptyState(Date.now()), persistence);
      if (!saved) await persistence.saveState(await store.read((s) => s));
      const service = createEnrolmentService(store);
      const worker = setupWorker(...allHandlers(service));
      await worker.start({ onUnhandledRequest: 'bypass', quiet: true, serviceWorker: { url: '/mockServiceWorker.js' } });
      const { mountQaEntry } = await import('./qaPanel');
      mountQaEntry();
    })();
  }
  return started;
}

/**
 * The host's face screen, simulated: lists the seeded identities; choosing one makes it the
 * identity the host verifies. Plain DOM, because it belongs to the host, not to the module.
 */
export function showFaceSheet(reason: string): Promise<'verified' | 'cancelled'> {
  return new Promise((resolve) => {
    const overlay = document.createElement('div');
    overlay.setAttribute('role', 'dialog');
    overlay.setAttribute('aria-modal', 'true');
    overlay.setAttribute('aria-label', '渝快办 刷脸核验（模拟）');
    overlay.dataset.testid = 'face-sheet';
    overlay.style.cssText =
      'position:fixed;inset:0;z-index:10000;background:rgba(0,0,0,.55);display:flex;align-items:flex-end;justify-content:center;font-family:sans-serif';
    const sheet = document.createElement('div');
    sheet.style.cssText = 'background:#fff;width:100%;max-width:480px;max-height:85vh;overflow:auto;border-radius:12px 12px 0 0;padding:16px;box-sizing:border-box';
    const title = document.createElement('h2');
    title.textContent = '渝快办 · 刷脸核验（模拟宿主）';
    title.style.cssText = 'font-size:18px;margin:0 0 4px';
    const note = document.createElement('p');
    note.textContent = `${reason}。请选择要模拟的家长身份：`;
    note.style.cssText = 'font-size:14px;color:#4e5969;margin:0 0 12px';
    sheet.append(title, note);
    const finish = (outcome: 'verified' | 'cancelled') => {
      overlay.remove();
      resolve(outcome);
    };
    for (const identity of identities) {
      const button = document.createElement('button');
      button.type = 'button';
      button.dataset.identity = identity.id;
      button.style.cssText = 'display:block;width:100%;text-align:left;min-height:52px;margin:0 0 8px;padding:10px 12px;border:1px solid #c9cdd4;border-radius:8px;background:#fff;font-size:15px';
      const strong = document.createElement('strong');
      strong.textContent = identity.label;
      const small = document.createElement('div');
      small.textContent = identity.description;
      small.style.cssText = 'font-size:13px;color:#4e5969;margin-top:2px';
      button.append(strong, small);
      button.addEventListener('click', async () => {
        await fetch('/__qa/identity', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ id: identity.id }) });
        finish('verified');
      });
      sheet.append(button);
    }
    const cancel = document.createElement('button');
    cancel.type = 'button';
    cancel.textContent = '取消刷脸';
    cancel.style.cssText = 'display:block;width:100%;min-height:48px;border:none;background:#f2f3f5;border-radius:8px;font-size:15px';
    cancel.addEventListener('click', () => finish('cancelled'));
    sheet.append(cancel);
    overlay.append(sheet);
    document.body.append(overlay);
  });
}
