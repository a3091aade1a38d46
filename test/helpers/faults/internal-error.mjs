// dist/core/project.js with a broken invariant: the worked example's projection throws the
// InternalError the core throws for one (from the same copy of dist/ as the CLI that catches it).
import { InternalError } from '../../../dist/core/errors.js';
import { project as realProject } from '../../../dist/core/project.js';

export * from '../../../dist/core/project.js';

export function project(...args) {
  if (args[0].area.name === 'Worked Example')
    throw new InternalError('pupils not conserved stepping into AY 2026');
  return realProject(...args);
}
