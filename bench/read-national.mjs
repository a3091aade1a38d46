// Reads a national model as `highneeds batch` does (every CSV through csv-parse, split by area,
// identical cohort rows tallied) and exits without modelling an area: the floor under the batch's
// wall, against csv-parse alone (bench/parse-only.mjs) on its cohort file. Spawned by
// bench/batch.mjs in a fresh process, so it pays Node's start-up and this module graph's loading.
// Usage: node bench/read-national.mjs <national-model-dir>   (build first: npm run build)
import { readBatchSources } from '../dist/io/batch/read-sources.js';
import { DEFAULT_LIMITS } from '../dist/io/limits.js';
import { defaultTariffDir } from '../dist/cli/version.js';

const sources = await readBatchSources(process.argv[2], DEFAULT_LIMITS, defaultTariffDir());
if (sources.tasks.length === 0 || sources.issues.some((issue) => issue.severity === 'error'))
  process.exit(1);
