import { Decimal } from 'decimal.js';
import type { Explanation } from '../core/explain/explain.js';
import type { ExplainNode, InputValue } from '../core/explain/node.js';
import { formatFinancialYear } from '../core/period.js';
import { toPence } from '../core/rounding.js';
import { shownAmounts } from './explain-shown.js';
import { jsonText, type JsonOut, rawNumber } from './json.js';

const snake = (key: string): string => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** An exact amount as a JSON number written from its decimal text (never through a float). */
const exact = (value: Decimal): JsonOut => rawNumber(value.toFixed());

function inputOut(value: InputValue): JsonOut {
  if (Decimal.isDecimal(value)) return exact(value as Decimal);
  if (typeof value === 'number') return rawNumber(String(value));
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(inputOut);
  return Object.fromEntries(
    Object.entries(value as Record<string, InputValue>).map(([k, v]) => [snake(k), inputOut(v)]),
  );
}

/**
 * `explain --format json`: the same tree as the table, as data, with a schema version so a
 * copy can be archived with a plan (docs/explain.md, "JSON"). Each part has its `amount` as
 * shown (rounded so that the parts add up to the figure exactly) and its `exact` value.
 */
export function renderExplainJson(explanation: Explanation): string {
  const { shown, rounding } = shownAmounts(explanation.tree);
  const node = (n: ExplainNode): JsonOut => ({
    label: n.label,
    amount: rawNumber(toPence(shown.get(n)!)),
    exact: exact(n.value),
    ...(n.rule ? { rule: n.rule } : {}),
    ...(n.sign ? { sign: rawNumber(String(n.sign)) } : {}),
    ...(n.annualMonths ? { annual_months: exact(n.annualMonths) } : {}),
    ...(n.figure ? { figure: n.figure } : {}),
    ...(rounding.has(n) ? { rounding: rawNumber(toPence(rounding.get(n)!)) } : {}),
    ...(n.inputs ? { inputs: inputOut(n.inputs as InputValue) } : {}),
    ...(n.children ? { parts: n.children.map(node) } : {}),
  });
  return jsonText({
    schema_version: rawNumber(String(explanation.schemaVersion)),
    area: { code: explanation.area.code, name: explanation.area.name },
    scenario: explanation.scenario
      ? { id: explanation.scenario.id, label: explanation.scenario.label }
      : null,
    tariff: {
      id: explanation.tariff.id,
      title: explanation.tariff.title,
      references: explanation.tariff.references.map((r) => ({
        ...(r.id ? { id: r.id } : {}),
        title: r.title,
        url: r.url,
      })),
    },
    ...(explanation.switchedTo
      ? {
          switched_to: explanation.switchedTo.map((to) => ({
            lever: to.lever,
            from: to.from,
            id: to.id,
            title: to.title,
            settings: to.settings ? [...to.settings] : null,
          })),
        }
      : {}),
    financial_year: formatFinancialYear(explanation.financialYear),
    figure: explanation.figure,
    setting: explanation.setting ?? null,
    unit: explanation.unit,
    how: explanation.how,
    tree: node(explanation.tree),
  });
}
