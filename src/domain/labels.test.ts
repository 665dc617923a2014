import { eligibilityText } from './labels';

describe('eligibilityText', () => {
  it('names the stage and the grade a child may apply for', () => {
    expect(eligibilityText({ eligibleStage: 'primary' })).toEqual({ ok: true, text: '可报名：幼升小（入读一年级）' });
    expect(eligibilityText({ eligibleStage: 'junior' })).toEqual({ ok: true, text: '可报名：小升初（入读七年级）' });
  });

  it("gives the server's reason when the child may not apply this year, and a plain one without it", () => {
    expect(eligibilityText({ eligibleStage: null, eligibilityNote: '2018年9月1日至2019年8月31日出生的适龄儿童可报名' })).toEqual({ ok: false, text: '2018年9月1日至2019年8月31日出生的适龄儿童可报名' });
    expect(eligibilityText({ eligibleStage: null })).toEqual({ ok: false, text: '该子女今年不在报名年龄范围内' });
  });
});
