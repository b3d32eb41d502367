/**
 * The one decision: may this actor take this action on this target? Every permission of the
 * vocabulary has its case below; a new permission that nobody handled fails to compile (`unhandled`).
 * The role grants the action; the scope of the permission (`:self`, `:team`, `:bureau`, `:any`)
 * decides whether it reaches the target. Services call `authorize`; they never throw a 403 themselves.
 *
 * Whether a record exists for the actor at all is decided before, by loading it through the scope
 * rules (`scope.ts`): a record out of scope is a 404 and never reaches this function.
 */
import type { Permission } from '@portal/contracts';
import { ForbiddenError } from '../shared/errors.ts';
import type { Actor } from './actor.ts';

/**
 * What the action is taken on, as far as the decision needs it. Without a target only the role is
 * checked (reads of what the scope rules already narrowed, creates of the actor's own).
 * - `person`: the person the action concerns (a `:self` action is for that person only);
 * - `supervised`: whether the actor supervises that person (team or override, never themselves), for `:team`;
 * - `bureau`: the 局・区 that owns the record (`null`: none), for `:bureau`;
 * - `inPopulation`: whether the actor is among the people a survey round asks (answering it);
 * - `mfaRequired`: whether a second factor is required of the person (removing theirs is refused).
 */
export type Target = {
  person?: string;
  supervised?: boolean;
  bureau?: string | null;
  inPopulation?: boolean;
  mfaRequired?: boolean;
};

/** Why an action was refused: a stable code the web app translates, and a message for people. */
export type Refusal = { code: string; message: string };

function unhandled(action: never): never {
  throw new Error(`Unhandled permission: ${String(action)}`);
}

const onSelf = (actor: Actor, target: Target | undefined) =>
  target?.person === undefined || target.person === actor.staffId;
const onTeam = (target: Target | undefined) => target?.supervised === undefined || target.supervised;
const onBureau = (actor: Actor, target: Target | undefined) =>
  target === undefined ||
  !('bureau' in target) ||
  (target.bureau != null && actor.bureauIds.includes(target.bureau));

/** Whether the actor may take `action` on `target`. */
export function allows(actor: Actor, action: Permission, target?: Target): boolean {
  if (!actor.permissions.has(action)) return false;
  switch (action) {
    case 'policy:read:any':
    case 'org:read:any':
    case 'org:manage:any':
    case 'staff:read:any':
    case 'staff:manage:any':
    case 'career:read:any':
    case 'audit:read:any':
    case 'roster:import:any':
    case 'training:read:any':
    case 'training:manage:any':
    case 'plan:read:any':
    case 'plan:edit:any':
    case 'dashboard:read:any':
    case 'one-on-one:read:any':
    case 'self-declaration:manage:any':
    case 'experience:search:any':
    case 'survey:manage:any':
    case 'survey:results:any':
    case 'jobs:read:any':
      return true;
    case 'staff:read:self':
    case 'career:write:self':
    case 'selfdev:write:self':
    case 'ojt:acknowledge:self':
    case 'training:apply:self':
    case 'dashboard:read:self':
    case 'notification:read:self':
    case 'one-on-one:respond:self':
    case 'self-declaration:write:self':
      return onSelf(actor, target);
    case 'survey:answer:self':
      return onSelf(actor, target) && target?.inPopulation !== false;
    case 'mfa:remove:self':
      return onSelf(actor, target) && target?.mfaRequired !== true;
    case 'staff:read:team':
    case 'career:comment:team':
    case 'selfdev:decide:team':
    case 'ojt:create:team':
    case 'ojt-plan:write:team':
    case 'training:approve:team':
    case 'dashboard:read:team':
    case 'one-on-one:write:team':
    case 'self-declaration:interview:team':
    case 'survey:results:team':
      return onTeam(target);
    case 'staff:read:bureau':
    case 'training:manage:bureau':
    case 'kpi:actual:bureau':
    case 'dashboard:read:bureau':
    case 'survey:results:bureau':
      return onBureau(actor, target);
    default:
      return unhandled(action);
  }
}

const REFUSALS: Record<'scope' | 'self' | 'team' | 'bureau', Refusal> = {
  scope: { code: 'forbidden', message: 'Your role may not do this.' },
  self: { code: 'not_self', message: 'Only the person may do this.' },
  team: { code: 'not_supervisor', message: 'Only the person’s supervisor may do this.' },
  bureau: { code: 'forbidden', message: 'Only HR and the owning 局・区 may do this.' },
};

function refusalFor(actor: Actor, actions: readonly Permission[]): Refusal {
  const held = actions.filter((a) => actor.permissions.has(a));
  if (!held.length) return REFUSALS.scope;
  const scope = held[held.length - 1]?.split(':')[2];
  return scope === 'self' || scope === 'team' || scope === 'bureau' ? REFUSALS[scope] : REFUSALS.scope;
}

/**
 * 403 unless the actor may take one of `actions` on `target`. The refusal names why (not the person,
 * not their supervisor, not the owning bureau), unless the caller gives the domain's own words.
 */
export function authorize(
  actor: Actor,
  actions: Permission | readonly Permission[],
  target?: Target,
  refusal?: Refusal,
): void {
  const list: readonly Permission[] = typeof actions === 'string' ? [actions] : actions;
  if (list.some((a) => allows(actor, a, target))) return;
  const why = refusal && list.some((a) => actor.permissions.has(a)) ? refusal : refusalFor(actor, list);
  throw new ForbiddenError(why.message, why.code);
}
