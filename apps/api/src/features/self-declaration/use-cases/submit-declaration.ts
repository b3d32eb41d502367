/** The person submits their saved declaration within the window. */
import type { SelfDeclaration, SelfDeclarationSubmit } from '@portal/contracts';
import { authorize } from '../../../access/access.ts';
import type { Actor, RequestMeta } from '../../../access/actor.ts';
import { ConflictError, NotFoundError } from '../../../shared/errors.ts';
import { guardUpdated } from '../../../shared/write.ts';
import type { SelfDeclarationContext } from '../self-declaration.context.ts';
import { assertWindowOpen } from '../self-declaration.rules.ts';

export async function submitDeclaration(
  ctx: SelfDeclarationContext,
  actor: Actor,
  staffId: string,
  roundId: string,
  body: SelfDeclarationSubmit,
  meta: RequestMeta,
): Promise<SelfDeclaration> {
  const { repo, declarationContext, current, writeDeclaration } = ctx;
  const { round, row } = await declarationContext(actor, staffId, roundId);
  authorize(actor, 'self-declaration:write:self', { person: staffId });
  assertWindowOpen(round);
  if (!row)
    throw new NotFoundError('Save the declaration before submitting it.', 'self_declaration_not_found');
  if (row.status !== 'draft' && row.version === body.version) {
    throw new ConflictError(
      'The declaration is already submitted.',
      'already_submitted',
      await current(actor, staffId, roundId),
    );
  }
  return writeDeclaration(actor, staffId, roundId, meta, async (tx) => {
    guardUpdated(Number(await repo.submit(tx, row.id, body.version)));
    return {
      body: null,
      audit: {
        action: 'self_declaration.submit',
        entityType: 'self_declaration',
        entityId: row.id,
        before: { version: row.version, status: row.status },
        after: { version: row.version + 1, status: 'submitted' },
      },
    };
  });
}
