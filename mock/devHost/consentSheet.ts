/**
 * The dev host's consent sheet for pushes (订阅消息), as 渝快办 or WeChat would show it: the module's
 * reason, one choice per kind, 允许 / 拒绝. Plain DOM, because it belongs to the host, not the module.
 */
import type { NotifyConsentRequest } from '@contract/bridge';
import type { MessageKindName } from '@contract/enums';
import { MESSAGE_TITLES } from '@/domain/labels';

export function showConsentSheet(req: NotifyConsentRequest, hostName = '渝快办'): Promise<MessageKindName[] | 'cancelled'> {
  return new Promise((resolve) => {
    const overlay = document.createElement('div');
    overlay.setAttribute('role', 'dialog');
    overlay.setAttribute('aria-modal', 'true');
    overlay.setAttribute('aria-label', `${hostName} 消息订阅（模拟）`);
    overlay.dataset.testid = 'consent-sheet';
    overlay.style.cssText = 'position:fixed;inset:0;z-index:10000;background:rgba(0,0,0,.55);display:flex;align-items:flex-end;justify-content:center;font-family:sans-serif';
    const sheet = document.createElement('div');
    sheet.style.cssText = 'background:#fff;width:100%;max-width:480px;max-height:85vh;overflow:auto;border-radius:12px 12px 0 0;padding:16px;box-sizing:border-box';
    const title = document.createElement('h2');
    title.textContent = `${hostName} · 允许“入学一件事”给您发送以下消息？`;
    title.style.cssText = 'font-size:18px;margin:0 0 4px';
    const note = document.createElement('p');
    note.textContent = req.reason;
    note.style.cssText = 'font-size:14px;color:#4e5969;margin:0 0 12px';
    sheet.append(title, note);
    const boxes: HTMLInputElement[] = [];
    for (const kind of req.kinds) {
      const label = document.createElement('label');
      label.style.cssText = 'display:flex;align-items:center;min-height:44px;font-size:15px';
      const box = document.createElement('input');
      box.type = 'checkbox';
      box.checked = true;
      box.value = kind;
      box.style.cssText = 'width:22px;height:22px;margin-right:8px';
      boxes.push(box);
      label.append(box, MESSAGE_TITLES[kind]);
      sheet.append(label);
    }
    const finish = (outcome: MessageKindName[] | 'cancelled') => {
      overlay.remove();
      resolve(outcome);
    };
    const allow = document.createElement('button');
    allow.type = 'button';
    allow.textContent = '允许';
    allow.style.cssText = 'display:block;width:100%;min-height:48px;margin:12px 0 8px;border:none;background:#1f6fd1;color:#fff;border-radius:8px;font-size:16px';
    allow.addEventListener('click', () => finish(boxes.filter((b) => b.checked).map((b) => b.value as MessageKindName)));
    const refuse = document.createElement('button');
    refuse.type = 'button';
    refuse.textContent = '拒绝';
    refuse.style.cssText = 'display:block;width:100%;min-height:48px;border:none;background:#f2f3f5;border-radius:8px;font-size:15px';
    refuse.addEventListener('click', () => finish([]));
    sheet.append(allow, refuse);
    overlay.append(sheet);
    document.body.append(overlay);
    allow.focus();
  });
}
