/**
 * 政策查看 (SPEC Q2: "可集中了解市教委和各区县的招生政策"): the municipal education commission's
 * policy for the year, as this server's reference data, summarising the commission's "热点30问"
 * (seed document; Q1, Q8, Q9, Q19–Q22, Q24, Q27, Q28, Q30). Its dates are read from the year's
 * calendar (never typed twice), as maintenance-aware first and last usable instants.
 */
import type { MunicipalPolicy, YearCalendar } from '@contract/api';
import { periodText, phaseDeadline, phasePeriod } from '@/domain/calendar';
import { formatMonthDay, toMs } from '@/domain/time';

export const MUNICIPAL_ISSUER = '重庆市教育委员会';

export function municipalPolicyOf(year: number, cal: YearCalendar): MunicipalPolicy {
  const range = (id: Parameters<typeof phasePeriod>[1]) => {
    const p = phasePeriod(cal, id);
    return p ? periodText(cal, p, id === 'upkeep' ? 'upkeep' : 'general') : '';
  };
  const by = (id: Parameters<typeof phasePeriod>[1]) => phaseDeadline(cal, id)?.text ?? '';
  const lottery = phasePeriod(cal, 'privateLottery');
  const lotteryDay = lottery ? formatMonthDay(toMs(lottery.start)) : '';
  const n = cal.nightly;
  return {
    issuer: MUNICIPAL_ISSUER,
    title: `${year}年重庆市义务教育阶段学校招生入学政策`,
    paragraphs: [
      `${year}年全市义务教育招生政策整体保持稳定。全市41个区县符合条件的适龄儿童少年（包括户籍“三对口”入学、民办学校招生入学、随迁子女、残疾儿童少年和其他特殊群体子女入学），统一通过“入学一件事”报名系统网上报名、网上审核、网上录取。各区县招生政策以区县教育行政部门公布的为准。`,
      `招生工作分五步：子女信息维护 ${range('upkeep')}（各区县分批开放）；正式网上报名 ${range('registration')}（各区县分批开放）；网上审核于${by('review')}前完成；家长于${by('confirmation')}前完成网上入学确认；电子入学通知书和入学“报到码”于${by('notice')}前陆续发放。`,
      `${formatMonthDay(toMs(`${n.firstDate}T00:00:00+08:00`))}至${formatMonthDay(toMs(`${n.lastDate}T00:00:00+08:00`))}期间，每日${n.from}至次日${n.to}系统维护，暂停办理${cal.maintenanceDays.length ? `；${cal.maintenanceDays.map((d) => formatMonthDay(toMs(`${d.date}T00:00:00+08:00`))).join('、')}全天系统维护` : ''}。在本区县开放时间内，报名先后不影响录取结果，请错峰办理。`,
      `公办学校实行“划片招生、就近入学”。公办、民办学校只能选择一所，不可兼报。民办学校报名时间为 ${range('privateRegistration')}；报名人数不超过招生计划的直接全部录取，超过的于${lotteryDay}统一电脑随机摇号；被录取的须在${by('privateConfirmation')}前完成入学确认，未确认的视为自动放弃。`,
      `未被民办学校录取的学生，可于 ${range('publicFallback')} 回到公办录取体系网上报名，由公办学校兜底安排，确保适龄儿童少年“应入尽入”。`,
      `报名信息提交后，区县在${cal.reviewWorkingDays}个工作日内完成审核；信息比对不一致的，按通知补正材料。残疾儿童少年、军人子女等特殊群体可通过“绿色通道”报名。无法网上报名的家庭（如没有智能手机、房屋无产权证书等），可到区县线下报名点由工作人员协助办理。`,
    ],
  };
}
