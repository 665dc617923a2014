/**
 * The dev host's face screen: lists the seeded citizens of the simulated face service; choosing
 * one is the face the host verified. Plain DOM, because it belongs to the host, not to the module.
 */
import { hostSheet } from './hostSheet';

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
    const frame = hostSheet({ label: `${hostName} 刷脸核验（模拟）`, testId: 'face-sheet', title: `${hostName} · 刷脸核验（模拟宿主）`, note: `${reason}。请选择要模拟的家长身份：` });
    const finish = (outcome: { identityId: string } | 'cancelled') => {
      frame.close();
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
      frame.sheet.append(button);
    }
    frame.button('取消刷脸', () => finish('cancelled'), true);
    frame.open();
  });
}
