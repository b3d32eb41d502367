import { fiscalYearOf, type SelfDeclaration, type SelfDeclarationInterviewData } from '@portal/contracts';
import { authorize, today } from '../../../access/access.ts';
import type { Actor, RequestMeta } from '../../../access/actor.ts';
import { BadRequestError, ConflictError } from '../../../shared/errors.ts';
import { guardUpdated } from '../../../shared/write.ts';
import type { SelfDeclarationContext } from '../self-declaration.context.ts';
import { day } from '../self-declaration.rules.ts';

/**
 * The 所属長 records the 面談 and their opinion, on a submitted declaration (also after the window:
 * 面談 follow the submissions). The 面談 is a 1on1 of kind `self_declaration` — the one named, or
 * one recorded here — so it counts with the 1on1 records.
 */
export async function recordInterview(
  ctx: SelfDeclarationContext,
  actor: Actor,
  staffId: string,
  roundId: string,
  body: SelfDeclarationInterviewData,
  meta: RequestMeta,
): Promise<SelfDeclaration> {
  const { db, repo, declarationContext, current, writeDeclaration } = ctx;
  const { who, row } = await declarationContext(actor, staffId, roundId);
  authorize(
    actor,
    'self-declaration:interview:team',
    { supervised: who.directSupervisor },
    { code: 'not_direct_supervisor', message: 'Only the person’s 所属長 records the 面談.' },
  );
  if (!row || row.status === 'draft') {
    throw new ConflictError(
      'The declaration has not been submitted yet.',
      'not_submitted',
      await current(actor, staffId, roundId),
    );
  }
  const heldOn = new Date(`${body.heldOn}T00:00:00Z`);
  if (heldOn > today()) {
    throw new BadRequestError('The 面談 cannot be in the future.', [
      { field: 'body.heldOn', message: 'after today', code: 'date_in_future' },
    ]);
  }
  if (body.oneOnOneId) {
    const linked = await repo.interviewOneOnOne(db, body.oneOnOneId, staffId, actor.staffId);
    if (!linked || (linked.selfDeclaration && linked.selfDeclaration.id !== row.id)) {
      throw new BadRequestError('Not a 自己申告面談 of yours with this person.', [
        {
          field: 'body.oneOnOneId',
          message: 'not a 1on1 of kind self_declaration you held with this person',
          code: 'invalid_value',
        },
      ]);
    }
  }
  return writeDeclaration(actor, staffId, roundId, meta, async (tx) => {
    const oneOnOneId =
      body.oneOnOneId ??
      (await repo.createInterviewOneOnOne(tx, {
        staffId,
        authorId: actor.staffId,
        heldOn,
        fiscalYear: fiscalYearOf(body.heldOn),
        minutes: body.minutes,
      }));
    guardUpdated(
      Number(
        await repo.recordInterview(tx, row.id, body.version, {
          interviewedOn: heldOn,
          interviewerId: actor.staffId,
          supervisorOpinion: body.opinion,
          oneOnOneId,
        }),
      ),
    );
    return {
      body: null,
      audit: {
        action: 'self_declaration.interview',
        entityType: 'self_declaration',
        entityId: row.id,
        before: {
          version: row.version,
          status: row.status,
          interviewedOn: row.interviewedOn ? day(row.interviewedOn) : null,
          supervisorOpinion: row.supervisorOpinion,
          oneOnOneId: row.oneOnOneId,
        },
        after: {
          version: body.version + 1,
          status: 'interviewed',
          interviewedOn: body.heldOn,
          supervisorOpinion: body.opinion,
          oneOnOneId,
        },
      },
    };
  });
}
