import type { Issue } from '../core/issue.js';
import type { NffParameters } from '../core/nff/parameters.js';
import type { NffResult } from '../core/nff/result.js';
import { formatFinancialYear } from '../core/period.js';
import { toPence } from '../core/rounding.js';
import { fitText } from './fit-width.js';
import { withThousands } from '../core/thousands.js';
import { issuesOut, jsonText, rawNumber, type JsonOut, warningLines } from './json.js';
import { listParameters, sourcesLine, standingLine } from './nff-parameters.js';
import { nffColumns, nffRecords, nffTableColumns, percentText, shareText } from './nff-rows.js';
import { type Record_, renderRecords } from './records.js';

export interface NffRenderInput {
  readonly result: NffResult;
  readonly parameters: NffParameters;
  readonly only?: string;
}

export function renderNffCsv({ result, only }: NffRenderInput): string {
  return renderRecords('csv', nffColumns(result), nffRecords(result, only));
}

/**
 * The step totals, areas down; change per head as a percentage; the parameters' standing beneath.
 * Given a `width`, the steps wrap into blocks beside the area (src/report/fit-width.ts).
 */
export function renderNffTable(
  { result, parameters, only }: NffRenderInput,
  width?: number,
): string {
  const records = nffRecords(result, only, { percent: true });
  const year = formatFinancialYear(result.financialYear);
  const head = `High-needs NFF ${year} (${result.mode === 'formula' ? 'formula' : 'rollover: formula suspended'}), £; parameters ${parameters.source ?? ''}: ${parameters.title}`;
  const foot: string[] = [];
  if (result.mode === 'formula') {
    foot.push(
      `floor ${percentText(result.floor)}%, gains cap ${percentText(result.cap)}% per head of the population aged 2–18 against the baseline; compared: ${parameters.mode === 'formula' ? parameters.floorCap.compare.elements.join(' + ') : ''}`,
    );
    if (result.solvedCap)
      foot.push(
        `gains cap solved by bisection in ${result.solvedCap.iterations} steps: the allocations add up to the national total £${withThousands(toPence(result.solvedCap.target))} to less than £${result.solvedCap.tolerance.toFixed()}`,
      );
  } else {
    foot.push(
      `allocation = baseline allocation × (1 + ${result.upliftRate.toFixed()}) + rolled-in grants + import/export`,
    );
  }
  const capSolved = result.mode === 'formula' && result.solvedCap !== undefined;
  foot.push(`parameter values — ${standingLine(parameters, capSolved)} (docs/nff.md)`);
  const sources = sourcesLine(parameters, capSolved);
  if (sources) foot.push(sources);
  const table = renderRecords('table', nffTableColumns(result), records, {
    width,
    keys: ['area_code', 'area_name'],
  });
  return `${fitText(head, width)}\n${table}\n${fitText(foot.join('\n'), width)}\n`;
}

/** Exact number literals, never through a float; the parameters' values with their standing. */
export function renderNffJson(
  { result, parameters, only }: NffRenderInput,
  issues: readonly Issue[],
): string {
  const columns = nffColumns(result);
  const records = nffRecords(result, only).map((record) => jsonRecord(record, columns));
  const solved = result.mode === 'formula' && result.solvedCap !== undefined;
  const document: JsonOut = {
    financial_year: formatFinancialYear(result.financialYear),
    mode: result.mode,
    parameters: {
      source: parameters.source ?? null,
      title: parameters.title,
      values: listParameters(parameters).map((v) => ({
        name: v.name,
        value: v.value ? rawNumber(v.value.toFixed()) : (v.text ?? null),
        status: v.status,
        reference: v.reference,
        ...(v.notes ? { notes: v.notes } : {}),
        // The file's cap, which a solved cap replaced: listed, but not what the figures used.
        ...(solved && v.name === 'floorCap.cap' ? { used: false } : {}),
      })),
      references: parameters.references.map((r) => ({
        id: r.id ?? null,
        title: r.title,
        url: r.url,
      })),
    },
    ...(result.mode === 'formula'
      ? {
          floor: rawNumber(result.floor.toFixed()),
          cap: rawNumber(shareText(result.cap)),
          solved_cap: result.solvedCap
            ? {
                cap: rawNumber(shareText(result.solvedCap.cap)),
                target: rawNumber(toPence(result.solvedCap.target)),
                iterations: rawNumber(String(result.solvedCap.iterations)),
                tolerance: rawNumber(result.solvedCap.tolerance.toFixed()),
              }
            : null,
          unit_values: result.unitValues.map((u) => ({
            factor: u.id,
            unit_value: rawNumber(u.unitValue.toDecimalPlaces(12).toFixed()),
          })),
        }
      : { uplift: rawNumber(result.upliftRate.toFixed()) }),
    areas: only === undefined ? records.slice(0, -1) : records,
    // null for one area (--area), not left out: a script reading `total` finds the same keys
    // whatever the options (an analyst's trial of the JSON's shape).
    total: only === undefined ? records[records.length - 1]! : null,
    warnings: warningLines(issues),
    issues: issuesOut(issues),
  };
  return jsonText(document);
}

function jsonRecord(record: Record_, columns: readonly string[]): JsonOut {
  return Object.fromEntries(
    columns.map((c) => {
      const value = record[c];
      return [
        c,
        value === undefined ? null : typeof value === 'string' ? value : rawNumber(value.figure),
      ];
    }),
  );
}
