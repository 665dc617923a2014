/**
 * The frame of the dev host's modal sheets (face screen, push consent), as a super-app draws them
 * over the module: a dimmed overlay, a bottom sheet with a title and a note, and buttons. Plain DOM,
 * because these belong to the host, not to the module.
 */
export interface HostSheet {
  sheet: HTMLDivElement;
  /** A full-width button in the sheet; `secondary` is the grey one that backs out. */
  button(text: string, onClick: () => void, secondary?: boolean): HTMLButtonElement;
  /** Shows the sheet and puts the focus on its first button, so a keyboard user lands in it, not behind it. */
  open(): void;
  close(): void;
}

export function hostSheet({ label, testId, title, note }: { label: string; testId: string; title: string; note: string }): HostSheet {
  const overlay = document.createElement('div');
  overlay.setAttribute('role', 'dialog');
  overlay.setAttribute('aria-modal', 'true');
  overlay.setAttribute('aria-label', label);
  overlay.dataset.testid = testId;
  overlay.style.cssText = 'position:fixed;inset:0;z-index:10000;background:rgba(0,0,0,.55);display:flex;align-items:flex-end;justify-content:center;font-family:sans-serif';
  const sheet = document.createElement('div');
  sheet.style.cssText = 'background:#fff;width:100%;max-width:480px;max-height:85vh;overflow:auto;border-radius:12px 12px 0 0;padding:16px;box-sizing:border-box';
  const heading = document.createElement('h2');
  heading.textContent = title;
  heading.style.cssText = 'font-size:18px;margin:0 0 4px';
  const text = document.createElement('p');
  text.textContent = note;
  text.style.cssText = 'font-size:14px;color:#4e5969;margin:0 0 12px';
  sheet.append(heading, text);
  overlay.append(sheet);
  return {
    sheet,
    button(label, onClick, secondary = false) {
      const b = document.createElement('button');
      b.type = 'button';
      b.textContent = label;
      b.style.cssText = secondary
        ? 'display:block;width:100%;min-height:48px;border:none;background:#f2f3f5;border-radius:8px;font-size:15px'
        : 'display:block;width:100%;min-height:48px;margin:12px 0 8px;border:none;background:#1f6fd1;color:#fff;border-radius:8px;font-size:16px';
      b.addEventListener('click', onClick);
      sheet.append(b);
      return b;
    },
    open() {
      document.body.append(overlay);
      sheet.querySelector('button')?.focus();
    },
    close() {
      overlay.remove();
    },
  };
}
