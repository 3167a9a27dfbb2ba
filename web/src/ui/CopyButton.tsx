import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { copyText } from './clipboard';
import { Status } from './Status';

interface Props {
  /** What is copied; a new text clears the last outcome. */
  text: string;
  /** The button's content (its accessible name). */
  children: ComponentChildren;
  /** Said once copied, and when it failed (how to do it by hand, where that is possible). */
  copiedText: string;
  failedText: string;
}

/** A button that copies `text` to the clipboard, and a live region that says whether it worked. */
export function CopyButton({ text, children, copiedText, failedText }: Props) {
  const [outcome, setOutcome] = useState<'idle' | 'copied' | 'failed'>('idle');
  useEffect(() => setOutcome('idle'), [text]);
  return (
    <>
      <button type="button" class="button button--secondary" onClick={() => void copyText(text).then((ok) => setOutcome(ok ? 'copied' : 'failed'))}>
        {children}
      </button>
      <Status>{outcome === 'copied' ? copiedText : outcome === 'failed' ? failedText : ''}</Status>
    </>
  );
}
