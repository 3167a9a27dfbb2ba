// Makes a photo small enough to send: redrawn on a canvas as JPEG with the
// longest side at most 1600 px, at lower qualities until it fits. Small
// JPEG and PNG files are sent as they are. Needs the DOM; the decisions are
// in image.ts (tested).

import { fitWithin, JPEG_QUALITIES, needsReencode, UPLOAD_LIMIT } from './image';

export interface PreparedImage {
  blob: Blob;
  type: string;
}

/** The browser cannot read the picture (e.g. HEIC in some browsers) and it cannot be sent as it is. */
export class ImageUnreadable extends Error {
  constructor() {
    super('image unreadable');
    this.name = 'ImageUnreadable';
  }
}

/** Even redrawn at the lowest quality the picture is larger than allowed. */
export class ImageTooLarge extends Error {
  constructor() {
    super('image too large');
    this.name = 'ImageTooLarge';
  }
}

function toBlob(canvas: HTMLCanvasElement, quality: number): Promise<Blob | null> {
  return new Promise((resolve) => canvas.toBlob(resolve, 'image/jpeg', quality));
}

export async function prepareImage(file: Blob, limit = UPLOAD_LIMIT): Promise<PreparedImage> {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  } catch {
    if (!needsReencode(file.type, file.size, 0, 0, limit)) return { blob: file, type: file.type };
    throw new ImageUnreadable();
  }
  try {
    if (!needsReencode(file.type, file.size, bitmap.width, bitmap.height, limit)) return { blob: file, type: file.type };
    const { width, height } = fitWithin(bitmap.width, bitmap.height);
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const context = canvas.getContext('2d');
    if (!context) throw new ImageUnreadable();
    // Transparent parts of a PNG become white, not black, in a JPEG.
    context.fillStyle = '#fff';
    context.fillRect(0, 0, width, height);
    context.drawImage(bitmap, 0, 0, width, height);
    for (const quality of JPEG_QUALITIES) {
      const blob = await toBlob(canvas, quality);
      if (blob && blob.size <= limit) return { blob, type: 'image/jpeg' };
    }
    throw new ImageTooLarge();
  } finally {
    bitmap.close();
  }
}
