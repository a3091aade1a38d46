import { describe, expect, it } from 'vitest';
import { lineChart } from '../../src/report/svg/line-chart.js';

/*
 * Found reading the national report in a browser: "Areas in deficit by year" (0 to 3 areas)
 * labelled its y axis 0, 1, 1, 2, 2, 3, 3, ticks at half an area printed whole. A count axis now
 * has whole ticks only, and a money axis as many decimals of £m as its step needs, so no two
 * ticks of an axis read alike.
 */
const tickTexts = (unit: 'money' | 'count', values: number[]): string[] => {
  const svg = lineChart({
    id: 'c',
    title: 't',
    desc: 'd',
    categories: values.map((_, i) => String(i)),
    series: [{ label: 's', values }],
    unit,
  });
  const axis = /<g class="axis y-axis"[^>]*>(.*?)<\/g><g class="axis x-axis"/.exec(svg)![1]!;
  return [...axis.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!);
};

describe('y axis ticks', () => {
  it('areas in deficit, 0 to 3: 0, 1, 2, 3', () => {
    expect(tickTexts('count', [3, 3, 1, 0])).toEqual(['0', '1', '2', '3']);
  });

  it('pupils, 0 to 3,500: unchanged, every 500', () => {
    expect(tickTexts('count', [2642.38, 3270.61])).toEqual([
      '0',
      '500',
      '1,000',
      '1,500',
      '2,000',
      '2,500',
      '3,000',
      '3,500',
    ]);
  });

  it('a small balance, £0 to £40,000: £m to as many places as the step needs', () => {
    const texts = tickTexts('money', [-5000, 40000]);
    expect(new Set(texts).size).toBe(texts.length);
    expect(texts).toEqual(['-£0.01m', '£0.00m', '£0.01m', '£0.02m', '£0.03m', '£0.04m']);
  });

  it('the example balances, -£40m to £0: one decimal, as before', () => {
    expect(tickTexts('money', [-38256392.3, -19749018.3])).toEqual([
      '-£40.0m',
      '-£35.0m',
      '-£30.0m',
      '-£25.0m',
      '-£20.0m',
      '-£15.0m',
      '-£10.0m',
      '-£5.0m',
      '£0.0m',
    ]);
  });
});
