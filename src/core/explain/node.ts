import type { Decimal } from 'decimal.js';
import { TWELVE, ZERO } from '../decimal.js';

/** A named input of a part, as data: text, a count of months, an exact amount, or a list or record of them. */
export type InputValue =
  string | number | Decimal | readonly InputValue[] | { readonly [name: string]: InputValue };

/**
 * One part of an explained figure (docs/explain.md). `value` is in the figure's unit (£, or
 * pupils); how it follows from the children is its `rule`:
 * - `sum`: the children's values added in order, a child with `sign` −1 subtracted;
 * - `twelfths`: the children's `annualMonths` (annual amounts summed over months) added in
 *   order and divided by 12 once, as the costing does; the node's own `annualMonths` is that sum.
 * A node without children is an input, described by `inputs`.
 */
export interface ExplainNode {
  readonly label: string;
  readonly value: Decimal;
  readonly rule?: 'sum' | 'twelfths';
  readonly sign?: -1;
  readonly annualMonths?: Decimal;
  /** This part is a figure of the summary in its own right: explain it with --figure. */
  readonly figure?: string;
  readonly inputs?: Readonly<Record<string, InputValue>>;
  readonly children?: readonly ExplainNode[];
}

/** The children folded as the node's rule says, from zero, in order: what the projection computed. */
function foldChildren(node: ExplainNode): { value: Decimal; annualMonths?: Decimal } {
  const children = node.children ?? [];
  if (node.rule === 'twelfths') {
    const annualMonths = children.reduce((total, c) => total.plus(c.annualMonths ?? ZERO), ZERO);
    return { value: annualMonths.div(TWELVE), annualMonths };
  }
  return {
    value: children.reduce(
      (total, c) => (c.sign === -1 ? total.minus(c.value) : total.plus(c.value)),
      ZERO,
    ),
  };
}

/** Where a node's value is not exactly its children's, by its rule: a path and the two values, one per problem. */
export function unreconciled(node: ExplainNode, path = node.label): string[] {
  const problems: string[] = [];
  if (node.rule && node.children) {
    const folded = foldChildren(node);
    if (!folded.value.eq(node.value))
      problems.push(`${path}: ${node.value.toString()} ≠ ${folded.value.toString()}`);
    if (node.annualMonths && folded.annualMonths && !folded.annualMonths.eq(node.annualMonths))
      problems.push(`${path} (annual × months): ${node.annualMonths.toString()}`);
  }
  for (const child of node.children ?? [])
    problems.push(...unreconciled(child, `${path} › ${child.label}`));
  return problems;
}
