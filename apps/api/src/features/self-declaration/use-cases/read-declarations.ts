/**
 * A person's declaration of a round; the round's people and where each stands (HR everyone, a 所属長
 * their own staff, others themselves).
 */
import type { SelfDeclarationListPage } from '@portal/contracts';
import { allows, today } from '../../../access/access.ts';
import type { Actor } from '../../../access/actor.ts';
import { pageWindow } from '../../../shared/page.ts';
import type { SelfDeclarationContext } from '../self-declaration.context.ts';
import { personOfRow } from '../self-declaration.repository.ts';
import { day, iso } from '../self-declaration.rules.ts';

export async function getDeclaration(
  ctx: SelfDeclarationContext,
  actor: Actor,
  staffId: string,
  roundId: string,
) {
  const { toDeclaration, declarationContext } = ctx;
  const { who, round, row } = await declarationContext(actor, staffId, roundId);
  return toDeclaration(round, staffId, row, who, actor);
}

export async function listDeclarations(
  ctx: SelfDeclarationContext,
  actor: Actor,
  roundId: string,
  q: { page: number; pageSize: number; status?: 'draft' | 'submitted' | 'interviewed' | 'none' },
): Promise<SelfDeclarationListPage> {
  const { db, repo, visibleRound } = ctx;
  const round = await visibleRound(actor, roundId);
  const scope = allows(actor, 'self-declaration:manage:any')
    ? ({ kind: 'all' } as const)
    : allows(actor, 'self-declaration:interview:team')
      ? ({ kind: 'direct', actorId: actor.staffId } as const)
      : ({ kind: 'self', actorId: actor.staffId } as const);
  const { rows, total } = await repo.list(db, round, scope, q, today(), pageWindow(q.page, q.pageSize));
  return {
    items: rows.map((r) => ({
      ...personOfRow(r),
      status: r.status ?? 'none',
      submittedAt: r.submittedAt ? iso(r.submittedAt) : null,
      interviewedOn: r.interviewedOn ? day(r.interviewedOn) : null,
    })),
    page: q.page,
    pageSize: q.pageSize,
    total,
  };
}
