/** The QA panel itself; the QA issue grows it (clock presets, identities, reviews, lottery, faults). */
export function openQaPanel(): void {
  const existing = document.getElementById('qa-panel');
  if (existing) {
    existing.remove();
    return;
  }
  const panel = document.createElement('div');
  panel.id = 'qa-panel';
  panel.setAttribute('role', 'dialog');
  panel.setAttribute('aria-label', '测试面板');
  panel.style.cssText = 'position:fixed;inset:10vh 8px auto 8px;z-index:10001;background:#fff;border:1px solid #c9cdd4;border-radius:8px;padding:12px;font:14px sans-serif;max-height:80vh;overflow:auto';
  const heading = document.createElement('h2');
  heading.textContent = '测试面板';
  heading.style.cssText = 'font-size:16px;margin:0 0 8px';
  const label = document.createElement('label');
  label.textContent = '服务器时间 ';
  const input = document.createElement('input');
  input.value = '2024-06-18T10:00:00+08:00';
  input.style.cssText = 'width:100%;min-height:40px';
  label.append(input);
  const set = document.createElement('button');
  set.type = 'button';
  set.textContent = '设置时间';
  set.style.cssText = 'min-height:44px;margin-top:8px';
  set.addEventListener('click', async () => {
    await fetch('/__qa/clock', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ now: input.value }) });
    location.reload();
  });
  panel.append(heading, label, set);
  document.body.append(panel);
}
