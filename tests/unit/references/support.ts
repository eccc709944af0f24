import { join } from 'node:path';
import { repoRoot } from '../../helpers/core';

export { call } from '../team/support';

export const referenceFixtures = join(repoRoot, 'tests/fixtures/references');
export const fixture = (name: string): string => join(referenceFixtures, name);
