/**
 * 自己申告: HR opens rounds (年度, window, population, キャリア選択 fields, 庁内公募 posts); each person
 * in a round's population writes their declaration and submits it within the window; their 所属長
 * records the 面談. The 配慮事項 are read and written apart: only the person, their 所属長 and HR
 * administrators get them; for anyone else they are absent, never refused (decision 048).
 * One file per use case under `use-cases/`; this binds them to one context for the routes.
 */
import type { Db } from '../../db/client.ts';
import { bindUseCases } from '../../shared/use-cases.ts';
import { createSelfDeclarationContext } from './self-declaration.context.ts';
import type { SelfDeclarationRepository } from './self-declaration.repository.ts';
import { phaseOf } from './self-declaration.rules.ts';
import { countRoundPopulation } from './use-cases/count-population.ts';
import { createRound } from './use-cases/create-round.ts';
import { experienceMap, experienceSearch } from './use-cases/experience-map.ts';
import { exportRows } from './use-cases/export-round.ts';
import { getDeclaration, listDeclarations } from './use-cases/read-declarations.ts';
import { getRound, listRounds } from './use-cases/read-rounds.ts';
import { recordInterview } from './use-cases/record-interview.ts';
import { progress } from './use-cases/round-progress.ts';
import { saveDeclaration } from './use-cases/save-declaration.ts';
import { submitDeclaration } from './use-cases/submit-declaration.ts';
import { updateRound } from './use-cases/update-round.ts';

export function createSelfDeclarationUseCases(deps: { db: Db; repo: SelfDeclarationRepository }) {
  const ctx = createSelfDeclarationContext(deps);
  return {
    phaseOf,
    ...bindUseCases(ctx, {
      listRounds,
      getRound,
      createRound,
      updateRound,
      countRoundPopulation,
      getDeclaration,
      saveDeclaration,
      submitDeclaration,
      recordInterview,
      listDeclarations,
      progress,
      exportRows,
      experienceMap,
      experienceSearch,
    }),
  };
}

export type SelfDeclarationUseCases = ReturnType<typeof createSelfDeclarationUseCases>;
