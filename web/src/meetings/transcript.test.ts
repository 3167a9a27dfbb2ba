import { describe, expect, it } from 'vitest';
import { translate } from '../i18n';
import { chatTranscript, transcriptLine } from './transcript';

const line = (at: string, name: string, text: string) => ({ from: name, name, text, at });

describe('the chat transcript', () => {
  it('writes each message as "HH:MM Name: text" in Stockholm time', () => {
    expect(transcriptLine(line('2026-11-24T07:05:00Z', 'Karin Ekström', 'Hej Erik'))).toBe('08:05 Karin Ekström: Hej Erik');
    // Summer time: two hours ahead of UTC; the clock is 24-hour.
    expect(transcriptLine(line('2026-06-15T13:30:00Z', 'Erik Sandberg', 'Tack'))).toBe('15:30 Erik Sandberg: Tack');
  });

  it('keeps every message on one line, and copes without a time or a name', () => {
    expect(transcriptLine(line('2026-11-24T07:05:00Z', 'Sofia Berg', 'Rad ett\r\n  rad två\n'))).toBe('08:05 Sofia Berg: Rad ett rad två');
    expect(transcriptLine(line('', 'Erik Sandberg', 'Hej'))).toBe('Erik Sandberg: Hej');
    expect(transcriptLine(line('2026-11-24T07:05:00Z', ' ', 'Hej'))).toBe('08:05 –: Hej');
  });

  it('starts with the heading line and keeps the order the messages came in', () => {
    const heading = translate('sv', 'meeting.chatTranscriptHeading', { date: '2026-11-24' });
    expect(heading).toBe('Chatt från videomöte 2026-11-24');
    const text = chatTranscript(heading, [line('2026-11-24T07:05:00Z', 'Karin Ekström', 'Hej'), line('2026-11-24T07:06:00Z', 'Erik Sandberg', 'Hej hej')]);
    expect(text).toBe('Chatt från videomöte 2026-11-24\n08:05 Karin Ekström: Hej\n08:06 Erik Sandberg: Hej hej');
    expect(chatTranscript(heading, [])).toBe('Chatt från videomöte 2026-11-24');
  });
});
