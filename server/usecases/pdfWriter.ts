/**
 * A minimal PDF 1.4 writer for one-page documents with Chinese text and filled rectangles.
 * Pure TS, no dependencies, same output in node and the browser.
 *
 * Chinese cannot use the standard 14 fonts and no CJK font ships in npm here, so text uses the
 * predefined Adobe CJK font STSong-Light (Type0, UniGB-UCS2-H, Adobe-GB1), which every
 * conforming reader supplies itself: nothing is embedded. Text is written as UTF-16BE hex strings,
 * which keeps the whole file ASCII and so byte offsets equal string offsets.
 */

export interface PdfText {
  x: number;
  y: number;
  size: number;
  text: string;
}

export interface PdfRect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface PdfPage {
  /** Points; A4 by default. */
  width?: number;
  height?: number;
  texts: PdfText[];
  /** Filled black. */
  rects: PdfRect[];
  /** Thin stroked lines (x1, y1, x2, y2). */
  lines?: [number, number, number, number][];
}

export const A4 = { width: 595.28, height: 841.89 } as const;

/** UTF-16BE hex of a string; characters outside the BMP (not in UCS-2) become a full-width "？". */
export function utf16beHex(text: string): string {
  let hex = '';
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0x3f;
    const unit = cp > 0xffff ? 0xff1f : cp;
    hex += unit.toString(16).toUpperCase().padStart(4, '0');
  }
  return hex;
}

const num = (n: number) => (Math.round(n * 100) / 100).toString();

function contentStream(page: PdfPage): string {
  const ops: string[] = [];
  if (page.rects.length > 0) {
    ops.push('0 g');
    for (const r of page.rects) ops.push(`${num(r.x)} ${num(r.y)} ${num(r.w)} ${num(r.h)} re`);
    ops.push('f');
  }
  if (page.lines && page.lines.length > 0) {
    ops.push('0.6 G 0.5 w');
    for (const [x1, y1, x2, y2] of page.lines) ops.push(`${num(x1)} ${num(y1)} m ${num(x2)} ${num(y2)} l S`);
  }
  for (const t of page.texts) {
    ops.push(`BT /F1 ${num(t.size)} Tf ${num(t.x)} ${num(t.y)} Td <${utf16beHex(t.text)}> Tj ET`);
  }
  return ops.join('\n');
}

/** The bytes of a one-page PDF. */
export function writePdf(page: PdfPage, title: string): Uint8Array {
  const width = page.width ?? A4.width;
  const height = page.height ?? A4.height;
  const content = contentStream(page);
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${num(width)} ${num(height)}] /Resources << /Font << /F1 4 0 R >> >> /Contents 7 0 R >>`,
    '<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [5 0 R] >>',
    // CIDs 1..95 are Adobe-GB1's proportional Latin: give them half width so digits do not gape.
    '<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> /FontDescriptor 6 0 R /DW 1000 /W [1 95 500] >>',
    '<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    `<< /Title <FEFF${utf16beHex(title)}> /Producer (ruxue-mock) >>`,
  ];
  let out = '%PDF-1.4\n%\xE2\xE3\xCF\xD3\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xrefAt = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) out += `${String(offset).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info ${objects.length} 0 R >>\nstartxref\n${xrefAt}\n%%EOF\n`;
  // Latin-1 to bytes: every character above is < 256 (the binary-marker comment included).
  const bytes = new Uint8Array(out.length);
  for (let i = 0; i < out.length; i++) bytes[i] = out.charCodeAt(i) & 0xff;
  return bytes;
}
