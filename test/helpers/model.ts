import { fileURLToPath } from 'node:url';
import { loadModel } from '../../src/io/model-folder.js';
import { project } from '../../src/core/project.js';
import type { Model } from '../../src/core/model.js';
import type { Projection } from '../../src/core/projection.js';

export const fixture = (name: string): string =>
  fileURLToPath(new URL(`../../fixtures/${name}/`, import.meta.url));

/** Loads a fixture model, failing the test with its issues if it has errors. */
export function loadFixture(name: string): Model {
  const loaded = loadModel(fixture(name));
  if (!loaded.model)
    throw new Error(
      `fixture ${name} has errors:\n${loaded.issues.map((i) => `${i.code}: ${i.message}`).join('\n')}`,
    );
  return loaded.model;
}

export function projectOrThrow(model: Model): Projection {
  const outcome = project(model);
  if (!outcome.projection)
    throw new Error(outcome.issues.map((i) => `${i.code}: ${i.message}`).join('\n'));
  return outcome.projection;
}
