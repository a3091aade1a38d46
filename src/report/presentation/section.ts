import type { ReportTable } from './table-model.js';

/** A part of the HTML report: a heading, its paragraphs, at most one chart and the tables after it. */
export interface ReportSection {
  readonly id: string;
  readonly title: string;
  readonly paragraphs?: readonly string[];
  /** Inline SVG markup (src/report/svg); the chart's data is the first table. */
  readonly chart?: string;
  readonly tables: readonly ReportTable[];
}
