/**
 * Every record of the portal links to the policy in force: to 目指す職員像 (`staffImageIds`) and 主な取組
 * (`initiativeIds`), and through the initiatives' tags to the 重点取組方針. Writers check the ids here
 * (400 naming the field), and readers expand them into labelled links.
 */
import type { PolicyLink, PolicyLinks } from '@portal/contracts';
import type { Db, Tx } from '../../db/client.ts';
import { BadRequestError, type FieldError } from '../../shared/errors.ts';
import { catalogRows } from './policy.repository.ts';

export type PolicyCatalog = {
  staffImages: Map<string, PolicyLink>;
  initiatives: Map<string, PolicyLink & { tagCodes: string[] }>;
};

/** The policy in force's 職員像 and initiatives, by id. Small (4 + 13 rows): read once per request. */
export async function loadPolicyCatalog(db: Db | Tx): Promise<PolicyCatalog> {
  const policy = await catalogRows(db);
  const staffImages = new Map<string, PolicyLink>();
  const initiatives = new Map<string, PolicyLink & { tagCodes: string[] }>();
  for (const s of policy?.staffImages ?? []) {
    staffImages.set(s.id, { id: s.id, code: s.code, title: { ja: s.titleJa, en: s.titleEn } });
  }
  for (const i of policy?.initiatives ?? []) {
    initiatives.set(i.id, {
      id: i.id,
      code: i.code,
      title: { ja: i.titleJa, en: i.titleEn },
      tagCodes: i.tagCodes,
    });
  }
  return { staffImages, initiatives };
}

/** 400 naming the field unless every id is a 職員像 / initiative of the policy in force. */
export async function assertPolicyLinks(
  db: Db | Tx,
  links: { staffImageIds?: readonly string[]; initiativeIds?: readonly string[] },
  fieldPrefix = '',
): Promise<void> {
  const catalog = await loadPolicyCatalog(db);
  const errors: FieldError[] = [];
  links.staffImageIds?.forEach((id, i) => {
    if (!catalog.staffImages.has(id)) {
      errors.push({ field: `${fieldPrefix}staffImageIds.${i}`, message: 'not a 目指す職員像 of the policy' });
    }
  });
  links.initiativeIds?.forEach((id, i) => {
    if (!catalog.initiatives.has(id)) {
      errors.push({ field: `${fieldPrefix}initiativeIds.${i}`, message: 'not an initiative of the policy' });
    }
  });
  if (errors.length) throw new BadRequestError('Some policy links are unknown.', errors);
}

/** Expands stored ids into labelled links (unknown ids are dropped), with the tags they carry. */
export function expandPolicyLinks(
  catalog: PolicyCatalog,
  links: { staffImageIds: readonly string[]; initiativeIds: readonly string[] },
): PolicyLinks {
  const staffImages = links.staffImageIds.flatMap((id) => catalog.staffImages.get(id) ?? []);
  const initiatives = links.initiativeIds.flatMap((id) => {
    const found = catalog.initiatives.get(id);
    return found ? [{ id: found.id, code: found.code, title: found.title }] : [];
  });
  const tagCodes = [
    ...new Set(links.initiativeIds.flatMap((id) => catalog.initiatives.get(id)?.tagCodes ?? [])),
  ].sort();
  return { staffImages, initiatives, tagCodes };
}
