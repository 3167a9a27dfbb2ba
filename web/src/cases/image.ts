// Photos for a case: what to send as it is and what to make smaller first.
// Old phones take photos of several megabytes; the server takes at most
// 1 MiB in a request and the clinic's routine may say less. Pure — the
// canvas work is in prepareImage.ts.

/** The longest side of a photo after downscaling. */
export const MAX_EDGE = 1600;

/** Send at most this many bytes (the demo clinic's limit, under the server's 1 MiB). */
export const UPLOAD_LIMIT = 1_000_000;

/** JPEG qualities tried in turn until the photo is small enough. */
export const JPEG_QUALITIES = [0.85, 0.75, 0.6, 0.45] as const;

/** Types sent as they are when small enough. */
const SENT_AS_IS = ['image/jpeg', 'image/png'];

/** The size that fits within max × max, keeping the proportions; never enlarged. */
export function fitWithin(width: number, height: number, max = MAX_EDGE): { width: number; height: number } {
  if (width <= 0 || height <= 0) return { width: 0, height: 0 };
  const scale = Math.min(1, max / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

/** Whether a picture must be redrawn as JPEG: another type, too many bytes, or too many pixels. */
export function needsReencode(type: string, bytes: number, width: number, height: number, limit = UPLOAD_LIMIT): boolean {
  return !SENT_AS_IS.includes(type) || bytes > limit || Math.max(width, height) > MAX_EDGE;
}

/** Whether a file looks like a picture at all (by its type; the server checks the bytes). */
export function isImageType(type: string): boolean {
  return type.startsWith('image/');
}
