// The meeting's chat as text to paste into the case or the journal: the
// server never stores it, so staff copy it before the meeting ends. Pure.

import { formatClockTime } from '../cases/deadline';
import type { ChatLine } from './mesh';

/** One line of the transcript: "HH:MM Name: text", in Stockholm time, the text on one line. */
export function transcriptLine(line: ChatLine): string {
  // The English form of the clock time is the 24-hour "HH:MM".
  const time = line.at ? formatClockTime(line.at, 'en') : '';
  const text = line.text.replace(/\s*[\r\n]+\s*/g, ' ').trim();
  return [time, `${line.name.trim() || '–'}: ${text}`].filter((s) => s !== '').join(' ');
}

/** The whole chat: the heading line ("Chatt från videomöte 2026-11-24"), then one line per message in the order they came. */
export function chatTranscript(heading: string, lines: readonly ChatLine[]): string {
  return [heading, ...lines.map(transcriptLine)].join('\n');
}
