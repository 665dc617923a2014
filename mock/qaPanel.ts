/** QA panel (mock builds only): a floating entry opening a panel to drive the mock host. */
export function mountQaEntry(): void {
  if (document.getElementById('qa-entry')) return;
  const entry = document.createElement('button');
  entry.id = 'qa-entry';
  entry.type = 'button';
  entry.textContent = 'QA';
  entry.setAttribute('aria-label', '打开测试面板（仅模拟环境）');
  entry.style.cssText =
    'position:fixed;right:8px;bottom:80px;z-index:9999;width:48px;height:48px;border-radius:24px;border:none;background:#4e5969;color:#fff;font-weight:700;opacity:.85';
  entry.addEventListener('click', async () => {
    const { openQaPanel } = await import('./qaPanelView');
    openQaPanel();
  });
  document.body.append(entry);
}
