import { describe, expect, it } from 'vitest';
import { adviceKeys, audioLevel, equipmentTested, INITIAL_RESULT, measured, median, networkResult, rttQuality, type PreCallResult } from './precall';

const passed: PreCallResult = {
  camera: 'ok',
  microphone: 'ok',
  speaker: 'heard',
  network: { state: 'ok', rttMs: 12 },
  relay: 'ok',
};

describe('the pre-call check', () => {
  it('summarises round trips by their median and fails on any lost request', () => {
    expect(median([30, 10, 20])).toBe(20);
    expect(median([10, 20, 30, 40])).toBe(25);
    expect(median([])).toBeNull();
    expect(networkResult([12.4, 9.9, 11, 250, 10.2])).toEqual({ state: 'ok', rttMs: 11 });
    expect(networkResult([10, null, 10])).toEqual({ state: 'failed', rttMs: null });
    expect(networkResult([])).toEqual({ state: 'failed', rttMs: null });
    expect(rttQuality(40)).toBe('good');
    expect(rttQuality(300)).toBe('fair');
    expect(rttQuality(900)).toBe('poor');
  });

  it('measures the microphone’s level between silence and full', () => {
    expect(audioLevel(new Float32Array(256))).toBe(0);
    expect(audioLevel([])).toBe(0);
    const tone = Float32Array.from({ length: 256 }, (_, i) => 0.1 * Math.sin(i / 4));
    expect(audioLevel(tone)).toBeGreaterThan(0.2);
    expect(audioLevel(new Float32Array(256).fill(1))).toBe(1);
  });

  it('counts the equipment as tested when camera, microphone and connection work', () => {
    expect(equipmentTested(passed)).toBe(true);
    expect(equipmentTested({ ...passed, speaker: 'untested', relay: 'later' })).toBe(true);
    expect(equipmentTested({ ...passed, microphone: 'silent' })).toBe(false);
    expect(equipmentTested({ ...passed, camera: 'failed' })).toBe(false);
    expect(equipmentTested({ ...passed, network: { state: 'failed', rttMs: null } })).toBe(false);
  });

  it('is finished when every automatic part has an answer', () => {
    expect(measured(INITIAL_RESULT)).toBe(false);
    expect(measured({ ...passed, speaker: 'untested', relay: 'later' })).toBe(true);
    expect(measured({ ...passed, relay: 'pending' })).toBe(false);
  });

  it('advises on what failed, then gives everyone the same plain advice', () => {
    const general = ['precall.advice.wired', 'precall.advice.headset', 'precall.advice.private'];
    expect(adviceKeys(passed)).toEqual(general);
    expect(adviceKeys({ ...passed, camera: 'failed', microphone: 'silent', network: { state: 'ok', rttMs: 800 }, relay: 'failed', speaker: 'notHeard' })).toEqual([
      'precall.advice.camera',
      'precall.advice.silent',
      'precall.advice.speaker',
      'precall.advice.slow',
      'precall.advice.relay',
      ...general,
    ]);
    expect(adviceKeys({ ...passed, network: { state: 'failed', rttMs: null } })[0]).toBe('precall.advice.offline');
  });
});
