import { defineLoader, groupInOrder } from '../graphql/context.js';
import {
  findDependantsOf,
  findDependenciesOf,
  findEnablesByCapability,
  findEnablesByTechnology,
  type DependencyRow,
  type EnablesRow,
} from './mapping.repository.js';

export const enablesOfTechnology = defineLoader<string, EnablesRow[]>('enablesOfTechnology', async (db, ids) =>
  groupInOrder(ids, await findEnablesByTechnology(db, ids), (r) => r.technology.id),
);

export const enablersOfCapability = defineLoader<string, EnablesRow[]>('enablersOfCapability', async (db, ids) =>
  groupInOrder(ids, await findEnablesByCapability(db, ids), (r) => r.capability.id),
);

export const dependenciesOf = defineLoader<string, DependencyRow[]>('dependenciesOf', async (db, ids) =>
  groupInOrder(ids, await findDependenciesOf(db, ids), (r) => r.dependant.id),
);

export const dependantsOf = defineLoader<string, DependencyRow[]>('dependantsOf', async (db, ids) =>
  groupInOrder(ids, await findDependantsOf(db, ids), (r) => r.dependency.id),
);
