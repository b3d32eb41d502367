import { z } from 'zod';
import { LocalizedText } from '../common/common.schemas.ts';
import { PriorityTagCode } from './policy.schemas.ts';

/**
 * What every record writes to link itself to the policy: 目指す職員像 and 主な取組 by id. The 重点取組方針
 * tags follow from the initiatives.
 */
export const PolicyLinkIds = z.object({
  staffImageIds: z.array(z.uuid()).max(4).default([]),
  initiativeIds: z.array(z.uuid()).max(13).default([]),
});
export type PolicyLinkIds = z.infer<typeof PolicyLinkIds>;

export const PolicyLink = z.object({ id: z.uuid(), code: z.string(), title: LocalizedText });
export type PolicyLink = z.infer<typeof PolicyLink>;

/** What every record reads back: labelled links, for chips that lead to the policy pages. */
export const PolicyLinks = z.object({
  staffImages: z.array(PolicyLink),
  initiatives: z.array(PolicyLink),
  tagCodes: z.array(PriorityTagCode.or(z.string())),
});
export type PolicyLinks = z.infer<typeof PolicyLinks>;
