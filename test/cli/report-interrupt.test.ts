import { spawn } from 'node:child_process';
import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Scenario } from '../../src/core/scenario/types.js';
import { openModel } from '../../src/io/open-model.js';
import { reportScenarioSteps } from '../../src/report/presentation/report-model.js';
import { BIN, ROOT } from '../helpers/exec.js';
import { anyRead, markUnread, readsRecorded } from '../helpers/kill-run.js';

/**
 * Ctrl-C while `report` projects its scenarios, their breakdowns and savings: the run ends at the
 * next step (reportScenarioSteps yields after each, and the command gives the event loop a turn
 * there), not once every scenario is built. That was 1-3 s on a big model, found at a stop;
 * test/report/report-scenario-steps.test.ts checks only that the steps yield, and this sends the
 * signal to the built binary end to end.
 */
const scratch = mkdtempSync(path.join(tmpdir(), 'highneeds-report-interrupt-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Enough scenarios that building them all takes many times as long as one step. */
const SCENARIOS = 60;

/**
 * The example over 20 financial years rather than 5 (each projection and breakdown some four
 * times the work), with SCENARIOS scenarios of a projection and a breakdown each (no base, so no
 * attribution, the longest step), each moving another share of independent placements: no two
 * share a demand, which the report's cache would make nearly free. Its own dsg-plan-map.csv is the
 * last input report reads before it projects: once it is read, the projections are next.
 */
function slowModel(dir: string): void {
  cpSync(path.join(ROOT, 'fixtures/example'), dir, { recursive: true });
  const manifest = path.join(dir, 'model.json');
  writeFileSync(
    manifest,
    readFileSync(manifest, 'utf8').replace('"horizon": "2030-31"', '"horizon": "2045-46"'),
  );
  copyFileSync(path.join(ROOT, 'templates/dsg-plan-map.csv'), path.join(dir, 'dsg-plan-map.csv'));
  const scenarios = Array.from({ length: SCENARIOS }, (_, i) => ({
    id: `returns-${i + 1}`,
    label: `${i + 1}% of independent placements back to a special academy`,
    levers: [
      {
        id: 'independent-returns',
        label: 'Independent placements back to a local special academy',
        kind: 'move-placements',
        share: ((i + 1) / 100).toFixed(2),
        filter: { setting: 'independent' },
        to: { setting: 'special-academy', band: '5' },
        profile: { shape: 'step', from: '2027/28' },
      },
    ],
  }));
  writeFileSync(path.join(dir, 'scenarios.json'), JSON.stringify({ scenarios }, null, 2));
}

const model = path.join(scratch, 'model');
const map = path.join(model, 'dsg-plan-map.csv');

/**
 * The CPU time this machine takes to build one of the model's scenarios as report does: the
 * median of three, warm (the first, which compiles the code, is not counted). CPU time, not wall
 * time: on a machine shared with other work the wall time of the same steps varied threefold
 * within a minute, and a wall-clock measure let a run that heard the signal only at the end pass.
 * Finishing the projections the run still had to make when the signal came takes about
 * SCENARIOS times this.
 */
let perScenarioCpuMs: number;
beforeAll(() => {
  slowModel(model);
  const open = openModel(model);
  expect(open.issues.filter((issue) => issue.severity === 'error')).toEqual([]);
  const build = (scenario: Scenario): number => {
    const start = process.cpuUsage();
    const steps = reportScenarioSteps(open.model!, [scenario], open.scenarios);
    while (!steps.next().done);
    const used = process.cpuUsage(start);
    return (used.user + used.system) / 1000;
  };
  const [first, ...next] = open.scenarios.slice(0, 4);
  build(first!);
  perScenarioCpuMs = next.map(build).sort((a, b) => a - b)[1]!;
});

/** Linux's clock ticks a second in /proc (USER_HZ, 100 wherever Linux runs). */
const TICKS_PER_SECOND = 100;

/** The CPU time a process has used so far, from /proc/PID/stat (utime and stime); undefined once it has gone. */
function cpuMsOf(pid: number): number | undefined {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined;
  }
  // The fields after the command's name, which is in brackets and may hold spaces: state is the third field.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
}

interface Interrupted {
  readonly code: number | null;
  readonly stderr: string;
  /** The CPU time the run used from the signal to its end, as last seen (every 2 ms). */
  readonly cpuAfterMs: number;
  /** The wall time from the signal to the run's end. */
  readonly endedAfterMs: number;
}

/** report --out, sent one SIGINT as soon as it has read dsg-plan-map.csv: it is projecting. */
function interruptedWhileProjecting(out: string): Promise<Interrupted> {
  markUnread([map]);
  const read = anyRead([map]);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, 'report', model, '--out', out], {
      cwd: ROOT,
      env: { PATH: process.env['PATH'] ?? '', NO_COLOR: '1' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (data: Buffer) => (stderr += data.toString('utf8')));
    let sent: { at: number; cpuMs: number } | undefined;
    let cpuMs = 0;
    // One signal only: a second while the run exits on the first would kill it outright.
    const poll = setInterval(() => {
      cpuMs = cpuMsOf(child.pid!) ?? cpuMs;
      if (sent || !read()) return;
      sent = { at: performance.now(), cpuMs };
      child.kill('SIGINT');
    }, 2);
    // A run that never hears it is stopped, and fails the test, rather than running on.
    const unheard = setTimeout(() => child.kill('SIGKILL'), 120_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearInterval(poll);
      clearTimeout(unheard);
      resolve({
        code,
        stderr,
        cpuAfterMs: sent ? cpuMs - sent.cpuMs : Number.NaN,
        endedAfterMs: sent ? performance.now() - sent.at : Number.NaN,
      });
    });
  });
}

// Where a read leaves no access time (a file system mounted noatime) there is no telling when the
// projections begin, and without /proc no telling the CPU time a run used: the test has nothing
// to go on there, and is skipped rather than guessed at.
it.runIf(
  existsSync('/proc/self/stat') && readsRecorded(path.join(ROOT, 'fixtures/example/model.json')),
)(
  'report interrupted while it projects exits 130 at its next step, and writes nothing',
  async () => {
    const outDir = path.join(scratch, 'out');
    mkdirSync(outDir);
    const before = readdirSync(model).sort();
    const { code, stderr, cpuAfterMs, endedAfterMs } = await interruptedWhileProjecting(
      path.join(outDir, 'report.html'),
    );
    expect(code, stderr).toBe(130);
    expect(stderr).toBe('highneeds: interrupted (SIGINT); earlier output files are unchanged\n');
    // No report, no temporary file beside it or in the model folder.
    expect(readdirSync(outDir)).toEqual([]);
    expect(readdirSync(model).sort()).toEqual(before);
    // Heard within a step, where finishing every scenario first took SCENARIOS scenarios' work: a
    // sixth of that is ten scenarios as measured here (a run's own, warmer, are some half as
    // long), room for the first step's compiling. Without the steps' turns a run went on to use
    // some sixteen times the CPU it now uses after the signal.
    const projectionsCpuMs = SCENARIOS * perScenarioCpuMs;
    expect(
      cpuAfterMs,
      `used ${Math.round(cpuAfterMs)} ms of CPU (${Math.round(endedAfterMs)} ms) after the signal; the projections take about ${Math.round(projectionsCpuMs)} ms of CPU`,
    ).toBeLessThan(projectionsCpuMs / 6);
  },
  120_000,
);
