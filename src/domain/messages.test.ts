import { MESSAGE_KINDS } from '@contract/enums';
import { APPLICATION_ACTIONS } from '@contract/enums';
import { messageKindOf, messageText, pushText } from './messages';

describe('messages to parents', () => {
  it('every kind has a Chinese title and a body naming the masked child', () => {
    for (const kind of MESSAGE_KINDS) {
      const t = messageText(kind, { childNameMasked: '王*涵', deadline: '2024-07-16T00:00:00+08:00', waitingPosition: 3 });
      expect(t.title).toMatch(/[\u4e00-\u9fff]/);
      expect(t.body).toContain('王*涵');
    }
    expect(messageText('confirmationDue', { childNameMasked: '王*涵', deadline: '2024-07-16T00:00:00+08:00' }).body).toBe('王*涵的入学确认将于7月15日（含当日）截止，逾期未确认视为放弃学位');
    expect(messageText('waitlisted', { childNameMasked: '王*涵', waitingPosition: 3 }).body).toContain('候补第3位');
  });

  it('a push carries the kind’s title and the masked name only: no deadline, position or reason', () => {
    for (const kind of MESSAGE_KINDS) {
      const p = pushText(kind, '王*涵');
      expect(`${p.title}${p.body}`).not.toMatch(/\d/);
      expect(p.body).toContain('王*涵');
    }
  });

  it('tells of every result a reviewer or the system makes, and not of the parent’s own steps', () => {
    const told = APPLICATION_ACTIONS.filter((a) => messageKindOf(a) !== null);
    expect(told).toEqual(['requestCorrection', 'approve', 'reject', 'drawWon', 'drawLost', 'admitWithoutLottery', 'forfeit', 'issueNotice']);
    expect(messageKindOf('drawLost', { waitingPosition: 2 })).toBe('waitlisted');
    expect(messageKindOf('drawLost', {})).toBe('notAdmitted');
  });
});
