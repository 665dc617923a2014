declare module 'upng-js' {
  const UPNG: {
    /** bufs: RGBA frames; cnum 0 = lossless (a palette is chosen when few colours are used). */
    encode(bufs: ArrayBuffer[], w: number, h: number, cnum: number): ArrayBuffer;
    decode(buf: ArrayBuffer): { width: number; height: number; depth: number; ctype: number };
    toRGBA8(img: { width: number; height: number }): ArrayBuffer[];
  };
  export default UPNG;
}
