/** The e-admission notice (电子入学通知书, Q27) as a one-page PDF with the report code's QR. */
import { create as createQr } from 'qrcode';
import type { AdmissionNotice } from '@contract/reportCode';
import { formatMonthDayTime, toMs } from '@/domain/time';
import { A4, writePdf, type PdfRect, type PdfText } from './pdfWriter';

const QR_SIZE = 180;

/** Dark modules of the QR as rectangles, runs of a row merged to keep the file small. */
export function qrRects(code: string, left: number, bottom: number, size: number): PdfRect[] {
  const { modules } = createQr(code, { errorCorrectionLevel: 'M' });
  const n = modules.size;
  const cell = size / n;
  const rects: PdfRect[] = [];
  for (let row = 0; row < n; row++) {
    let col = 0;
    while (col < n) {
      if (!modules.get(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < n && modules.get(row, col)) col++;
      rects.push({ x: left + start * cell, y: bottom + (n - 1 - row) * cell, w: (col - start) * cell, h: cell });
    }
  }
  return rects;
}

function cnDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${Number(m[1])}年${Number(m[2])}月${Number(m[3])}日` : iso;
}

export function noticePdf(notice: AdmissionNotice): Uint8Array {
  const left = 72;
  const texts: PdfText[] = [];
  const line = (y: number, text: string, size = 13) => texts.push({ x: left, y, size, text });
  texts.push({ x: 150, y: 760, size: 22, text: '重庆市义务教育学校入学通知书' });
  // The reviewed full name: the school matches the printed notice to the child.
  line(720, `${notice.childName} 同学（证件号码 ${notice.childIdMasked}）：`, 14);
  line(690, `经审核，你已被 ${notice.schoolName} 录取。`, 14);
  line(664, '请按时持本通知书和报到码到校报到。', 14);
  line(620, `录取学校：${notice.schoolName}`);
  line(598, `学校地址：${notice.schoolAddress}`);
  line(576, `报到时间：${cnDate(notice.reportDate)}`);
  line(554, `办件编号：${notice.applicationNumber}`);
  const qrBottom = 320;
  const qrLeft = (A4.width - QR_SIZE) / 2;
  texts.push({ x: qrLeft + 36, y: qrBottom + QR_SIZE + 16, size: 13, text: '报到码（报到时出示）' });
  texts.push({ x: left, y: qrBottom - 30, size: 11, text: '报到码也可在“我的子女—详情”中查看，学校老师扫码核验。' });
  texts.push({ x: left, y: 180, size: 12, text: `签发时间：${formatMonthDayTime(toMs(notice.issuedAt))}（${cnDate(notice.issuedAt)}）` });
  texts.push({ x: left, y: 156, size: 12, text: '重庆市教育委员会 · 入学一件事（模拟环境生成，仅供测试）' });
  return writePdf(
    {
      texts,
      rects: qrRects(notice.reportCode.code, qrLeft, qrBottom, QR_SIZE),
      lines: [[left, 740, A4.width - left, 740], [left, 530, A4.width - left, 530]],
    },
    `入学通知书 ${notice.applicationNumber}`,
  );
}
