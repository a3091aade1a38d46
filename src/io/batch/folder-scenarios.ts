import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { warning, type Issue } from '../../core/issue.js';
import { displayPath } from '../files.js';

/**
 * SCENARIOS_NOT_READ: a batch over a folder of model folders runs the scenarios of the
 * scenarios.json beside the folders (README, "National batch"), never a folder's own; one
 * there is said, so that a folder modelled as given is not read as its plan.
 */
export function folderScenariosNotRead(folders: readonly string[]): Issue[] {
  return folders
    .map((folder) => path.join(folder, 'scenarios.json'))
    .filter((file) => existsSync(file))
    .map((file) => {
      const name = path.basename(path.dirname(file));
      return warning(
        'SCENARIOS_NOT_READ',
        `not read: a batch over a folder of model folders runs the scenarios of a scenarios.json beside the folders, so "${name}" is modelled under those (as given, when there is none)`,
        { file: displayPath(file) },
        `for this folder's own scenarios run highneeds project ${displayPath(path.dirname(file))} --scenario ID, or compare; for every folder, put the scenarios beside the folders`,
      );
    });
}

/** UNKNOWN_SCENARIO's hint when the batch folder has no scenarios.json to name its ids. */
export function noScenariosHint(root: string, hasFile: boolean): string {
  if (hasFile) return 'scenarios.json defines none';
  return existsSync(path.join(root, 'model.json'))
    ? 'the national model has no scenarios.json'
    : "there is no scenarios.json beside the model folders (a folder's own is not read by batch: run project or compare on that folder)";
}
