/** Temperature sensors: each drifts along its own slow wave, plus measurement noise. */
import { draw, hashPair } from './hash';
import { VALUE_DRAW, type ValueMaker } from './types';

/** Salt that separates the per-sensor parameters from the per-record streams. */
const SENSORS = 0x73656e73;

export function sensorValues(seedKey: number, keys: number): ValueMaker {
  const sensorsKey = hashPair(seedKey, SENSORS);
  return (stream, ts) => {
    const k = Math.floor(draw(stream, VALUE_DRAW) * keys);
    // A sensor's character depends only on (seed, sensor), so its readings form one curve.
    const own = hashPair(sensorsKey, k);
    const baseC = 16 + 8 * draw(own, 0);
    const amplitudeC = 1 + 4 * draw(own, 1);
    const periodMs = 30_000 + 90_000 * draw(own, 2);
    const phase = draw(own, 3);
    const noiseC = draw(stream, VALUE_DRAW + 1) - 0.5;
    const celsius = baseC + amplitudeC * wave(ts / periodMs + phase) + noiseC;
    const sensor = `sensor-${k}`;
    return { sensor, key: sensor, value: Math.round(celsius * 10) / 10, unit: 'C' };
  };
}

/**
 * A sine-like wave of period 1 in [-1, 1] made of two parabolas (smooth: C1). Math.sin is
 * implementation-approximated by the spec; this keeps readings identical across engines.
 */
export function wave(phase: number): number {
  const f = phase - Math.floor(phase);
  return f <= 0.5 ? 16 * f * (0.5 - f) : -16 * (f - 0.5) * (1 - f);
}
