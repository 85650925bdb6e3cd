import type { Migration } from '../migration.js';
import { foundation } from './20261121053000_foundation.js';

/**
 * Every migration the engine knows, oldest first. Entries are only ever appended: a released
 * migration is never edited or removed, because databases in the field have recorded its id.
 */
export const migrations: readonly Migration[] = [foundation];
