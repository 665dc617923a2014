/**
 * The dev host's face screen: lists the seeded citizens of the simulated face service; choosing
 * one is the face the host verified. Plain DOM, because it belongs to the host, not to the module.
 */
interface IdentityChoice {
  id: string;
  label: string;
  description: string;
}

async function loadIdentities(): Promise<IdentityChoice[]> {
  try {
    const res = await fetch('/__qa/identities');
    return ((await res.json()) as { identities: IdentityChoice[] }).identities;
  } catch {
    return [];
  }
}

export async function showFaceSheet(reason: string, hostName = '渝快办'): Promise<{ identityId: string } | 'cancelled'> {
  const identities = await loadIdentities();
  return new Promise((resolve) => {
    const overlay = document.createElement('div');
    overlay.setAttribute('role', 'dialog');
    overlay.setAttribute('aria-modal', 'true');
    overlay.setAttribute('aria-label', `${hostName} 刷脸核验（模拟）`);
    overlay.dataset.testid = 'face-sheet';
    overlay.style.cssText =
      'position:fixed;inset:0;z-index:10000;background:rgba(0,0,0,.55);display:flex;align-items:flex-end;justify-content:center;font-family:sans-serif';
    const sheet = document.createElement('div');
    sheet.style.cssText = 'background:#fff;width:100%;max-width:480px;max-height:85vh;overflow:auto;border-radius:12px 12px 0 0;padding:16px;box-sizing:border-box';
    const title = document.createElement('h2');
    title.textContent = `${hostName} · 刷脸核验（模拟宿主）`;
    title.style.cssText = 'font-size:18px;margin:0 0 4px';
    const note = document.createElement('p');
    note.textContent = `${reason}。请选择要模拟的家长身份：`;
    note.style.cssText = 'font-size:14px;color:#4e5969;margin:0 0 12px';
    sheet.append(title, note);
    const finish = (outcome: { identityId: string } | 'cancelled') => {
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
      button.addEventListener('click', () => finish({ identityId: identity.id }));
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
    // A modal sheet takes the focus, so a keyboard user lands on its first choice, not behind it.
    sheet.querySelector('button')?.focus();
  });
}
