import { describe, expect, it } from 'vitest';
import { addedTransferWarnings } from '../../src/core/scenario/added-transfers.js';
import type { Scenario } from '../../src/core/scenario/types.js';
import { d, model } from './builders.js';

const base = model({
  funding: [
    { financialYear: 2025, line: 'opening_balance', amount: d('0') },
    { financialYear: 2026, line: 'block_transfer', amount: d('3000') },
  ],
  // The Schools Forum's 0.5%, as loadModel reads it from policy/schools-forum-transfer-limit.json.
  transferLimit: d('0.005'),
});

/** A scenario adding a transfer of `share` of a £1,000,000 schools block in 2026-27, as solve's --vary transfer does. */
const adding = (share: string): Scenario => ({
  id: 's',
  label: 's',
  assumptions: {},
  levers: [],
  inheritedLevers: 0,
  funding: [
    {
      financialYear: 2026,
      line: 'block_transfer',
      amount: d(share).times('1000000'),
      share: d(share),
      schoolsBlock: d('1000000'),
    },
  ],
});

describe("addedTransferWarnings: the Forum's 0.5% for a transfer a scenario adds", () => {
  it("counts the model's own transfer of that year: £3,000 + £2,500 is 0.55%, over £5,000", () => {
    const issues = addedTransferWarnings(base, adding('0.0025'));
    expect(issues.map((issue) => issue.code)).toEqual(['TRANSFER_NEEDS_DISAPPLICATION']);
    expect(issues[0]!.message).toBe(
      'block transfers of £5,500.00 in 2026-27 are 0.55% of the schools block of £1,000,000.00, above the 0.5% (£5,000.00) a Schools Forum can approve',
    );
  });

  it('£3,000 + £2,000 is exactly the limit: no warning; nor is a scenario adding no stated block', () => {
    expect(addedTransferWarnings(base, adding('0.002'))).toEqual([]);
    const plain = adding('0.9');
    expect(
      addedTransferWarnings(base, {
        ...plain,
        funding: [{ financialYear: 2026, line: 'block_transfer', amount: d('900000') }],
      }),
    ).toEqual([]);
  });
});
