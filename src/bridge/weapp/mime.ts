/** Mime types of images a mini-program hands back, from a temp file's extension or wx.getImageInfo's `type`. */

const BY_EXTENSION: Record<string, string> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  webp: 'image/webp',
  heic: 'image/heic',
  heif: 'image/heif',
  bmp: 'image/bmp',
};

export const extensionOf = (path: string): string => {
  const match = /\.([a-z0-9]+)(?:[?#].*)?$/i.exec(path);
  return match ? match[1].toLowerCase() : '';
};

/** The mime type a path's extension names, or null when it names none we know. */
export function mimeFromPath(path: string): string | null {
  return BY_EXTENSION[extensionOf(path)] ?? null;
}

/** wx.getImageInfo's `type` ("jpeg", "png", "heic", "unknown"…) as a mime type, or null. */
export function mimeFromImageType(type: string | undefined): string | null {
  if (!type) return null;
  return BY_EXTENSION[type.toLowerCase()] ?? null;
}

/** File extension for a mime type (for the picked image's display name). */
export function extensionFor(mime: string): string {
  if (mime === 'image/jpeg') return 'jpg';
  const found = Object.entries(BY_EXTENSION).find(([, value]) => value === mime);
  return found ? found[0] : 'bin';
}
