import type { Decimal } from 'decimal.js';
import type { ExplainNode } from '../core/explain/node.js';
import { largestRemainder } from './largest-remainder.js';
import { Dec } from '../core/decimal.js';
import { penceValue } from '../core/rounding.js';

/** A part that makes the shown parts add up to the shown figure, when the figures rounded on their own do not. */
export const ROUNDING_LABEL = 'rounding';

/**
 * Each node's amount as shown (pence, or hundredths of a pupil): the figure rounded as the
 * summary rounds it, and its parts rounded so that they add up to it exactly (largest
 * remainder), down the tree. A part that is a figure of its own keeps the value the summary
 * prints for it, and a part already exact to the penny its own value; if those then miss the
 * total by a penny, with no other part to share it, a `rounding` part says so.
 */
export function shownAmounts(root: ExplainNode): {
  shown: Map<ExplainNode, Decimal>;
  rounding: Map<ExplainNode, Decimal>;
} {
  const shown = new Map<ExplainNode, Decimal>();
  const rounding = new Map<ExplainNode, Decimal>();
  const visit = (node: ExplainNode, amount: Decimal) => {
    shown.set(node, amount);
    const children = node.children ?? [];
    if (children.length === 0) return;
    const signed = (c: ExplainNode, v: Decimal) => (c.sign === -1 ? v.negated() : v);
    // Figures of their own keep their printed value, and amounts given to the penny (an opening
    // balance, a funding line) their own: showing an input a penny off what was typed reads as an
    // error. The other parts share what is left.
    const fixed = children.map((c) =>
      c.figure !== undefined
        ? penceValue(c.value)
        : c.value.decimalPlaces() <= 2
          ? c.value
          : undefined,
    );
    const taken = children.reduce(
      (t, c, i) => (fixed[i] ? t.plus(signed(c, fixed[i])) : t),
      new Dec(0),
    );
    const free = children.flatMap((c, i) => (fixed[i] ? [] : [i]));
    const shared = largestRemainder(
      amount.minus(taken),
      free.map((i) => signed(children[i]!, children[i]!.value)),
      2,
    );
    const amounts = children.map((c, i) => fixed[i] ?? signed(c, shared[free.indexOf(i)]!));
    if (free.length === 0 && !taken.eq(amount)) rounding.set(node, amount.minus(taken));
    children.forEach((child, i) => visit(child, amounts[i]!));
  };
  visit(root, penceValue(root.value));
  return { shown, rounding };
}
