import { ageWindow, checkEligibility, eligibleStage } from './eligibility';

describe('幼升小 2024', () => {
  it('born on or before 2018-08-31', () => {
    expect(checkEligibility('2018-08-31', 'primary', 2024)).toEqual({ eligible: true, stage: 'primary' });
    expect(checkEligibility('2018-09-01', 'primary', 2024)).toEqual({
      eligible: false, stage: 'primary', reason: 'tooYoung',
      message: '2024年幼升小须在2018年8月31日及以前出生（当年8月31日前满6周岁），该子女年龄未到',
    });
  });
  it('one delayed cohort accepted, older refused', () => {
    expect(checkEligibility('2016-09-01', 'primary', 2024).eligible).toBe(true);
    expect(checkEligibility('2016-08-31', 'primary', 2024)).toMatchObject({ eligible: false, reason: 'tooOld' });
  });
});

describe('小升初 2024', () => {
  it('window 2011-09-01 .. 2013-08-31', () => {
    expect(ageWindow('junior', 2024)).toEqual({ earliest: '2011-09-01', latest: '2013-08-31' });
    expect(checkEligibility('2013-08-31', 'junior', 2024).eligible).toBe(true);
    expect(checkEligibility('2011-09-01', 'junior', 2024).eligible).toBe(true);
    expect(checkEligibility('2013-09-01', 'junior', 2024)).toMatchObject({ reason: 'tooYoung' });
    expect(checkEligibility('2011-08-31', 'junior', 2024)).toMatchObject({ reason: 'tooOld' });
  });
});

describe('eligibleStage', () => {
  it('picks the stage', () => {
    expect(eligibleStage('2018-03-15', 2024)).toEqual({ stage: 'primary' });
    expect(eligibleStage('2012-03-15', 2024)).toEqual({ stage: 'junior' });
    expect(eligibleStage('2020-03-15', 2024).stage).toBeNull();
    expect(eligibleStage('2015-03-15', 2024)).toEqual({ stage: null, note: '该子女不在2024年幼升小、小升初的年龄范围内' });
    expect(checkEligibility('bad', 'primary', 2024)).toMatchObject({ reason: 'invalidDate' });
  });
});
