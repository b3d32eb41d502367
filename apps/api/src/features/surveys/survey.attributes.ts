/**
 * What an answer keeps of the person (decision 050): the 局・区, the deepest unit, grade band, years of
 * service band and 若手 such that at least k people of the round's population share each of them
 * there. A unit too small is replaced by the one above it; an attribute too rare even in the 局・区 is
 * dropped; a 局・区 of fewer than k people is dropped too and the attributes are checked city-wide.
 */
import type { Attributes } from './survey.repository.ts';

export type StoredAttributes = {
  bureauId: string | null;
  unitId: string | null;
  gradeBand: string | null;
  serviceBand: string | null;
  young: boolean | null;
};

export function coarsen(a: Attributes, k: number): StoredAttributes {
  const { me } = a;
  // levels come deepest first; a unit holds the person's values when k people share each
  for (const level of a.levels) {
    if (level.n >= k && level.sameGrade >= k && level.sameService >= k && level.sameYoung >= k) {
      return {
        bureauId: me.bureauId,
        unitId: level.unitId,
        gradeBand: me.gradeBand,
        serviceBand: me.serviceBand,
        young: me.young,
      };
    }
  }
  const bureau = a.levels.find((l) => l.unitId === me.bureauId);
  const at = bureau && bureau.n >= k ? bureau : a.city;
  return {
    bureauId: at === bureau ? me.bureauId : null,
    unitId: at === bureau ? bureau.unitId : null,
    gradeBand: at.sameGrade >= k ? me.gradeBand : null,
    serviceBand: at.sameService >= k ? me.serviceBand : null,
    young: at.sameYoung >= k ? me.young : null,
  };
}
