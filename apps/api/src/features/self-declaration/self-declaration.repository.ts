/**
 * The 自己申告 feature's Prisma access, by concern: rounds (with their キャリア選択 fields and 庁内公募
 * posts), declarations, the 配慮事項 kept apart (`considerations.repository.ts`), the SQL behind the
 * round's population, progress and export, and the experience map. Composed here into one repository;
 * every function takes the client it runs on.
 */
import type { Keyring } from '../../shared/sealed-text.ts';
import { createConsiderationRepository } from './considerations.repository.ts';
import { exportRepository } from './declaration-export.repository.ts';
import { declarationRepository } from './declarations.repository.ts';
import { experienceRepository } from './experience.repository.ts';
import { populationRepository } from './population.repository.ts';
import { roundRepository } from './rounds.repository.ts';

export type { ConsiderationColumns } from './considerations.repository.ts';
export type { ExportRow } from './declaration-export.repository.ts';
export {
  type DeclarationContentColumns,
  type DeclarationRow,
  declarationSelect,
} from './declarations.repository.ts';
export type { ExperienceLineRow, ExperienceSearchRow } from './experience.repository.ts';
export { type ListRow, personOfRow } from './population.repository.ts';
export { type RoundData, type RoundRow, type RoundWhere, roundSelect } from './rounds.repository.ts';

/** `keys`: those that seal and open the 配慮事項 (`null`: none configured — they can be neither read nor written). */
export function createSelfDeclarationRepository(keys: Keyring | null) {
  return {
    ...roundRepository,
    ...declarationRepository,
    ...createConsiderationRepository(keys),
    ...populationRepository,
    ...exportRepository,
    ...experienceRepository,
  };
}

export type SelfDeclarationRepository = ReturnType<typeof createSelfDeclarationRepository>;
