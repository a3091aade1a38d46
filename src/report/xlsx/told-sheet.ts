import type { ReportSection } from '../presentation/section.js';
import type { Sheet } from './write-workbook.js';

/**
 * A sheet with its section's heading and paragraphs as the first table's note: they say what
 * the figures are (the tariff's title and statuses, the scenario a range is of, whose reading
 * the DSG plan's rows are), and a workbook that dropped them showed the figures bare.
 */
export function toldSheet(name: string, section: ReportSection): Sheet {
  const [first, ...rest] = section.tables;
  const note = [`${section.title}.`, ...(section.paragraphs ?? []), first?.note]
    .filter(Boolean)
    .join(' ');
  return { name, tables: first ? [{ ...first, note }, ...rest] : [] };
}
