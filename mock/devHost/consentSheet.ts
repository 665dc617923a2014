/**
 * The dev host's consent sheet for pushes (订阅消息), as 渝快办 or WeChat would show it: the module's
 * reason, one choice per kind, 允许 / 拒绝. Plain DOM, because it belongs to the host, not the module.
 */
import type { NotifyConsentRequest } from '@contract/bridge';
import type { MessageKindName } from '@contract/enums';
import { MESSAGE_TITLES } from '@/domain/labels';
import { hostSheet } from './hostSheet';

export function showConsentSheet(req: NotifyConsentRequest, hostName = '渝快办'): Promise<MessageKindName[] | 'cancelled'> {
  return new Promise((resolve) => {
    const frame = hostSheet({ label: `${hostName} 消息订阅（模拟）`, testId: 'consent-sheet', title: `${hostName} · 允许“入学一件事”给您发送以下消息？`, note: req.reason });
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
      frame.sheet.append(label);
    }
    const finish = (outcome: MessageKindName[] | 'cancelled') => {
      frame.close();
      resolve(outcome);
    };
    frame.button('允许', () => finish(boxes.filter((b) => b.checked).map((b) => b.value as MessageKindName)));
    frame.button('拒绝', () => finish([]), true);
    frame.open();
  });
}
