/** Types for the untyped image codecs (the server's upload check, the QR image): only what is called. */
declare module 'upng-js' {
  interface DecodedPng {
    width: number;
    height: number;
    depth: number;
    ctype: number;
    frames: unknown[];
    tabs: Record<string, unknown>;
    data: Uint8Array;
  }
  const UPNG: {
    decode(buffer: ArrayBuffer): DecodedPng;
    /** images: RGBA frames; colours 0 = lossless (a palette is chosen when few colours are used). */
    encode(images: ArrayBuffer[], width: number, height: number, colours: number): ArrayBuffer;
    toRGBA8(img: { width: number; height: number }): ArrayBuffer[];
  };
  export default UPNG;
}

declare module 'pako' {
  export class Inflate {
    constructor(options?: { chunkSize?: number });
    push(data: Uint8Array, mode?: boolean): boolean;
    onData(chunk: Uint8Array): void;
    onEnd(status: number): void;
    err: number;
    msg: string;
    ended: boolean;
  }
}
