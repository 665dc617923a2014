import { View } from '@tarojs/components';
import { useMemo } from 'react';
import QRCode from 'qrcode';

/** Quiet zone of 4 modules, as ISO/IEC 18004 asks, so scanners find the code on any background. */
export const QUIET_ZONE = 4;

export interface QrRun {
  dark: boolean;
  length: number;
}

/**
 * Rows of the QR matrix with the quiet zone, run-length encoded: a long code becomes a few hundred
 * Views instead of thousands, which keeps both H5 and the mini-program fast.
 */
export function qrRows(code: string): { size: number; rows: QrRun[][] } {
  const { modules } = QRCode.create(code, { errorCorrectionLevel: 'M' });
  const size = modules.size + QUIET_ZONE * 2;
  const rows: QrRun[][] = [];
  for (let r = 0; r < size; r++) {
    const runs: QrRun[] = [];
    for (let c = 0; c < size; c++) {
      const inside = r >= QUIET_ZONE && c >= QUIET_ZONE && r < size - QUIET_ZONE && c < size - QUIET_ZONE;
      const dark = inside && modules.get(r - QUIET_ZONE, c - QUIET_ZONE) === 1;
      const last = runs[runs.length - 1];
      if (last && last.dark === dark) last.length += 1;
      else runs.push({ dark, length: 1 });
    }
    rows.push(runs);
  }
  return { size, rows };
}

interface Props {
  code: string;
  /** Target width in px; modules are whole pixels so edges stay sharp. */
  width?: number;
  label?: string;
}

/** A QR code drawn with plain Views (no canvas, no DOM): black on white, works on H5 and weapp. */
export function QrMatrix({ code, width = 300, label = '二维码' }: Props) {
  const { size, rows } = useMemo(() => qrRows(code), [code]);
  const m = Math.max(2, Math.floor(width / size));
  return (
    <View
      role='img'
      aria-label={label}
      data-testid='qr-matrix'
      data-modules={size}
      style={{ width: `${m * size}px`, height: `${m * size}px`, background: '#ffffff', display: 'flex', flexDirection: 'column', margin: '0 auto' }}
    >
      {rows.map((runs, r) => (
        <View key={r} style={{ display: 'flex', flexDirection: 'row', height: `${m}px` }}>
          {runs.map((run, i) => (
            <View key={i} data-dark={run.dark ? '1' : undefined} style={{ width: `${run.length * m}px`, height: `${m}px`, background: run.dark ? '#000000' : '#ffffff', flexShrink: 0 }} />
          ))}
        </View>
      ))}
    </View>
  );
}
