/**
 * QA panel (mock builds only): a floating entry opening a panel to drive the mock host. The entry
 * can be dragged out of the way of what is being tested; where it was left is kept for the tab.
 */
const POSITION_KEY = 'qa-entry-position';
const SIZE = 48;
/** Pointer travel (px) below which a press counts as a tap, not a drag. */
const TAP_SLOP = 6;

function place(entry: HTMLElement, left: number, top: number): void {
  const x = Math.min(Math.max(0, left), window.innerWidth - SIZE);
  const y = Math.min(Math.max(0, top), window.innerHeight - SIZE);
  entry.style.left = `${x}px`;
  entry.style.top = `${y}px`;
  entry.style.right = 'auto';
  entry.style.bottom = 'auto';
}

function restorePosition(entry: HTMLElement): void {
  try {
    const saved = JSON.parse(sessionStorage.getItem(POSITION_KEY) ?? 'null') as { left: number; top: number } | null;
    if (saved && Number.isFinite(saved.left) && Number.isFinite(saved.top)) place(entry, saved.left, saved.top);
  } catch {
    sessionStorage.removeItem(POSITION_KEY);
  }
}

export function mountQaEntry(): void {
  if (document.getElementById('qa-entry')) return;
  const entry = document.createElement('button');
  entry.id = 'qa-entry';
  entry.type = 'button';
  entry.textContent = 'QA';
  entry.title = '测试面板（可拖动）';
  entry.setAttribute('aria-label', '打开测试面板（仅模拟环境）');
  entry.style.cssText = `position:fixed;right:8px;bottom:80px;z-index:9999;width:${SIZE}px;height:${SIZE}px;border-radius:24px;border:none;background:#4e5969;color:#fff;font-weight:700;opacity:.85;touch-action:none`;
  restorePosition(entry);

  let start: { x: number; y: number; left: number; top: number } | null = null;
  let dragged = false;
  entry.addEventListener('pointerdown', (event) => {
    const box = entry.getBoundingClientRect();
    start = { x: event.clientX, y: event.clientY, left: box.left, top: box.top };
    dragged = false;
    entry.setPointerCapture(event.pointerId);
  });
  entry.addEventListener('pointermove', (event) => {
    if (!start) return;
    const dx = event.clientX - start.x;
    const dy = event.clientY - start.y;
    if (!dragged && Math.hypot(dx, dy) < TAP_SLOP) return;
    dragged = true;
    place(entry, start.left + dx, start.top + dy);
  });
  entry.addEventListener('pointerup', () => {
    start = null;
    if (dragged) sessionStorage.setItem(POSITION_KEY, JSON.stringify({ left: parseFloat(entry.style.left), top: parseFloat(entry.style.top) }));
  });
  entry.addEventListener('click', async (event) => {
    // The click that ends a drag only moves the entry.
    if (dragged) {
      dragged = false;
      event.preventDefault();
      return;
    }
    const { openQaPanel } = await import('./qaPanelView');
    openQaPanel();
  });
  document.body.append(entry);
}
