/**
 * 1on1 / 面談 use cases. A supervisor records (or schedules) a 1on1 with a person of theirs; the person,
 * their supervisors and HR read it; only the author ever reads the private notes, and only on a single
 * record they asked for — never in a list, never in the audit log in clear
 * (docs/decisions/045-one-on-one-private-notes.md). Each use case asks the access module first.
 */
import {
  fiscalYearOf,
  fiscalYearRange,
  type OneOnOne,
  type OneOnOneCreate,
  type OneOnOnePage,
  type OneOnOneQuery,
} from '@portal/contracts';
import {
  assertOneOnOnesVisible,
  assertSupervisorOfAll,
  oneOnOneWhere,
  supervisedAmong,
  today,
} from '../../access/access.ts';
import type { Actor, RequestMeta } from '../../access/actor.ts';
import type { Db } from '../../db/client.ts';
import { BadRequestError, type FieldError } from '../../shared/errors.ts';
import { type WriteResult, write } from '../../shared/write.ts';
import { expandPolicyLinks, loadPolicyCatalog, type PolicyCatalog } from '../policy/policy-links.ts';
import type { OneOnOneRepository, OneOnOneRow, OneOnOneWhere } from './one-on-one.repository.ts';

const isoDate = (d: Date) => d.toISOString().slice(0, 10);
const personOf = (p: { id: string; nameJa: string; nameEn: string }) => ({
  id: p.id,
  name: p.nameJa,
  nameEn: p.nameEn,
});

/** 400 naming each unknown link, against one read of the policy. */
export function checkLinks(
  catalog: PolicyCatalog,
  links: { staffImageIds: readonly string[]; initiativeIds: readonly string[] },
  errors: FieldError[],
) {
  links.staffImageIds.forEach((id, i) => {
    if (!catalog.staffImages.has(id)) {
      errors.push({ field: `body.staffImageIds.${i}`, message: 'not a 目指す職員像 of the policy' });
    }
  });
  links.initiativeIds.forEach((id, i) => {
    if (!catalog.initiatives.has(id)) {
      errors.push({ field: `body.initiativeIds.${i}`, message: 'not an initiative of the policy' });
    }
  });
}

/**
 * The day of a 1on1: today when left out. A held one is today or earlier, back to the start of the
 * previous 年度 (as OJT); a scheduled one is today or later, within the next year.
 */
export function meetingDay(status: 'held' | 'scheduled', heldOn: string | undefined, errors: FieldError[]) {
  const todayIso = isoDate(today());
  const day = heldOn ?? todayIso;
  if (status === 'held') {
    const earliest = fiscalYearRange(fiscalYearOf(todayIso) - 1).from;
    if (day > todayIso || day < earliest) {
      errors.push({ field: 'body.heldOn', message: `a held 1on1 falls between ${earliest} and ${todayIso}` });
    }
  } else {
    const latest = `${Number(todayIso.slice(0, 4)) + 1}${todayIso.slice(4)}`;
    if (day < todayIso || day > latest) {
      errors.push({
        field: 'body.heldOn',
        message: `a scheduled 1on1 falls between ${todayIso} and ${latest}`,
      });
    }
  }
  return day;
}

/** Each action's owner is the person or the author. */
export function checkOwners(
  actions: readonly { ownerId: string }[],
  allowed: readonly string[],
  errors: FieldError[],
) {
  actions.forEach((a, i) => {
    if (!allowed.includes(a.ownerId)) {
      errors.push({ field: `body.actions.${i}.ownerId`, message: 'the person or the author' });
    }
  });
}

export function createOneOnOneService(deps: { db: Db; oneOnOnes: OneOnOneRepository }) {
  const { db, oneOnOnes } = deps;

  /**
   * The record as the reader may see it. `editable`: the ids the reader may correct (they wrote them
   * and still supervise the person). `privateNotes`: given only when the reader is the author and asked
   * for this one record.
   */
  function toView(
    r: OneOnOneRow,
    catalog: PolicyCatalog,
    actor: Actor,
    editable: ReadonlySet<string>,
    privateNotes?: string,
  ): OneOnOne {
    const isAuthor = r.authorId === actor.staffId;
    const isPerson = r.staffId === actor.staffId;
    return {
      id: r.id,
      staff: personOf(r.staff),
      author: personOf(r.author),
      status: r.status,
      heldOn: isoDate(r.heldOn),
      fiscalYear: r.fiscalYear,
      minutes: r.minutes,
      kind: r.kind,
      topics: r.topics,
      sharedNotes: r.sharedNotes,
      ...(isAuthor && privateNotes !== undefined ? { privateNotes } : {}),
      staffAgenda: r.staffAgenda,
      staffNotes: r.staffNotes,
      acknowledgedAt: r.acknowledgedAt?.toISOString() ?? null,
      staffImageIds: r.staffImageIds,
      initiativeIds: r.initiativeIds,
      policyLinks: expandPolicyLinks(catalog, r),
      actions: r.actions.map((a) => ({
        id: a.id,
        owner: personOf(a.owner),
        text: a.text,
        dueOn: a.dueOn ? isoDate(a.dueOn) : null,
        doneAt: a.doneAt?.toISOString() ?? null,
        version: a.version,
        canUpdate: a.ownerId === actor.staffId || isAuthor,
      })),
      version: r.version,
      createdAt: r.createdAt.toISOString(),
      updatedAt: r.updatedAt.toISOString(),
      canEdit: editable.has(r.id),
      canAcknowledge: isPerson && r.status === 'held',
      canWriteAgenda: isPerson && r.status === 'scheduled',
    };
  }

  /** Of these records, those the reader may correct: theirs, of people they still supervise (one query). */
  async function editableAmong(actor: Actor, rows: readonly OneOnOneRow[]): Promise<Set<string>> {
    const mine = rows.filter((r) => r.authorId === actor.staffId);
    if (!mine.length || !actor.permissions.has('one-on-one:write:team')) return new Set();
    const supervised = await supervisedAmong(db, actor, [...new Set(mine.map((r) => r.staffId))]);
    return new Set(mine.filter((r) => supervised.has(r.staffId)).map((r) => r.id));
  }

  /** The stored answer of a replay is JSON: dates came back as strings. */
  const revive = (r: OneOnOneRow): OneOnOneRow => ({
    ...r,
    heldOn: new Date(r.heldOn),
    createdAt: new Date(r.createdAt),
    updatedAt: new Date(r.updatedAt),
    acknowledgedAt: r.acknowledgedAt ? new Date(r.acknowledgedAt) : null,
    actions: r.actions.map((a) => ({
      ...a,
      dueOn: a.dueOn ? new Date(a.dueOn) : null,
      doneAt: a.doneAt ? new Date(a.doneAt) : null,
    })),
  });

  return {
    async list(actor: Actor, query: OneOnOneQuery): Promise<OneOnOnePage> {
      if (query.from && query.to && query.from > query.to) {
        throw new BadRequestError('`from` must not be after `to`.', [
          { field: 'query.from', message: 'after query.to' },
        ]);
      }
      if (query.staffId) await assertOneOnOnesVisible(db, actor, query.staffId);
      const filters: OneOnOneWhere[] = [oneOnOneWhere(actor)];
      if (query.staffId) filters.push({ staffId: query.staffId });
      if (query.authorId)
        filters.push({ authorId: query.authorId === 'me' ? actor.staffId : query.authorId });
      if (query.status) filters.push({ status: query.status });
      if (query.from || query.to) {
        filters.push({
          heldOn: {
            ...(query.from ? { gte: new Date(`${query.from}T00:00:00Z`) } : {}),
            ...(query.to ? { lte: new Date(`${query.to}T00:00:00Z`) } : {}),
          },
        });
      }
      const [{ items, total }, catalog] = await Promise.all([
        oneOnOnes.page({ AND: filters }, query.page, query.pageSize),
        loadPolicyCatalog(db),
      ]);
      const editable = await editableAmong(actor, items);
      // a list never carries private notes, not even the author's own
      return {
        items: items.map((r) => toView(r, catalog, actor, editable)),
        page: query.page,
        pageSize: query.pageSize,
        total,
      };
    },

    async create(
      actor: Actor,
      input: OneOnOneCreate,
      key: string | undefined,
      meta: RequestMeta,
    ): Promise<WriteResult<OneOnOne>> {
      await assertSupervisorOfAll(db, actor, [input.staffId], 'one-on-one:write:team');
      const catalog = await loadPolicyCatalog(db);
      const errors: FieldError[] = [];
      const day = meetingDay(input.status, input.heldOn, errors);
      checkLinks(catalog, input, errors);
      checkOwners(input.actions, [input.staffId, actor.staffId], errors);
      if (errors.length) throw new BadRequestError('Some fields of the 1on1 are not valid.', errors);

      const result = await write<OneOnOneRow>(db, {
        actorId: actor.staffId,
        meta,
        idempotency: { operation: 'one-on-one.create', key, body: input },
        run: async (tx) => {
          const id = crypto.randomUUID();
          const row = await oneOnOnes.create(
            tx,
            {
              id,
              staffId: input.staffId,
              authorId: actor.staffId,
              status: input.status,
              heldOn: new Date(`${day}T00:00:00Z`),
              fiscalYear: fiscalYearOf(day),
              minutes: input.minutes,
              kind: input.kind,
              topics: input.topics,
              sharedNotes: input.sharedNotes,
              staffImageIds: [...new Set(input.staffImageIds)],
              initiativeIds: [...new Set(input.initiativeIds)],
            },
            input.privateNotes,
            input.actions.map((a) => ({
              text: a.text,
              ownerId: a.ownerId,
              dueOn: a.dueOn ? new Date(`${a.dueOn}T00:00:00Z`) : null,
            })),
          );
          return {
            status: 201,
            body: row,
            audit: {
              action: 'one-on-one.create',
              entityType: 'one_on_one',
              entityId: id,
              // the private notes are never written here in clear: only whether there are any
              after: {
                staffId: input.staffId,
                status: input.status,
                heldOn: day,
                minutes: input.minutes,
                kind: input.kind,
                topics: input.topics,
                sharedNotes: input.sharedNotes,
                hasPrivateNotes: input.privateNotes !== '',
                actions: input.actions,
                staffImageIds: input.staffImageIds,
                initiativeIds: input.initiativeIds,
              },
            },
          };
        },
      });
      const row = result.replayed ? revive(result.body) : result.body;
      // the author reads their private notes back as they now are (a replay does not store them)
      const privateNotes = await oneOnOnes.privateNote(db, row.id, actor.staffId);
      return {
        status: result.status,
        replayed: result.replayed,
        body: toView(row, catalog, actor, new Set([row.id]), privateNotes),
      };
    },
  };
}

export type OneOnOneService = ReturnType<typeof createOneOnOneService>;
