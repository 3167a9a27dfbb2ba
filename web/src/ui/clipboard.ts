// Copying text for the person to paste elsewhere (a guest link, the meeting's
// chat). Kept apart from the button so it can be tested without a browser.

/** The part of the Clipboard API used here. */
export interface TextClipboard {
  writeText(text: string): Promise<void>;
}

/**
 * Puts `text` on the clipboard; resolves false when the browser has no
 * clipboard or refuses. The write starts before anything is awaited, so it
 * still counts as part of the click that asked for it.
 */
export function copyText(text: string, clipboard: TextClipboard | undefined = globalThis.navigator?.clipboard): Promise<boolean> {
  if (!clipboard) return Promise.resolve(false);
  try {
    return clipboard.writeText(text).then(
      () => true,
      () => false,
    );
  } catch {
    return Promise.resolve(false);
  }
}
