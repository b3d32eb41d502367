/**
 * 1on1 / 面談 use cases. A supervisor records (or schedules) a 1on1 with a person of theirs; the person,
 * their supervisors and HR read it; only the author ever reads the private notes, and only on a single
 * record they asked for — never in a list, never in the audit log in clear
 * (docs/decisions/045-one-on-one-private-notes.md). Each use case asks the access module first.
 */
import {
  type AuditAction,
  fiscalYearOf,
  fiscalYearRange,
  ONE_ON_ONE_DEFAULT_INTERVAL_DAYS,
  type OneOnOne,
  type OneOnOneAcknowledge,
  type OneOnOneAction,
  type OneOnOneActionUpdate,
  type OneOnOneAgenda,
  type OneOnOneCadence,
  type OneOnOneCadenceWrite,
  type OneOnOneCreate,
  type OneOnOnePage,
  type OneOnOneQuery,
  type OneOnOneTeam,
  type OneOnOneUpdate,
  type OpenOneOnOneActionPage,
  type PageQuery,
} from '@portal/contracts';
import {
  assertOneOnOnesVisible,
  assertSupervisorOfAll,
  authorize,
  isSupervisorOf,
  oneOnOneWhere,
  supervisedAmong,
  today,
} from '../../access/access.ts';
import type { Actor, RequestMeta } from '../../access/actor.ts';
import type { Db, Tx } from '../../db/client.ts';
import { BadRequestError, ConflictError, type FieldError, NotFoundError } from '../../shared/errors.ts';
import { guardUpdated, refuseStale, type WriteResult, write } from '../../shared/write.ts';
import { expandPolicyLinks, loadPolicyCatalog, type PolicyCatalog } from '../policy/policy-links.ts';
import { tellAboutMeeting, tellAuthorAcknowledged } from './one-on-one.notices.ts';
import type { ActionRow, OneOnOneRepository, OneOnOneRow, OneOnOneWhere } from './one-on-one.repository.ts';

const isoDate = (d: Date) => d.toISOString().slice(0, 10);
/** What a notice says of a 1on1 */
const meeting = (r: Pick<OneOnOneRow, 'id' | 'staffId' | 'authorId' | 'status' | 'heldOn'>) => ({
  id: r.id,
  staffId: r.staffId,
  authorId: r.authorId,
  status: r.status,
  heldOn: isoDate(r.heldOn),
});
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

  const notFound = () => new NotFoundError('No such 1on1.', 'one_on_one_not_found');

  /** The record in the actor's scope, or 404. */
  async function load(actor: Actor, id: string): Promise<OneOnOneRow> {
    const found = await oneOnOnes.find(db, { AND: [{ id }, oneOnOneWhere(actor)] });
    if (!found) throw notFound();
    return found;
  }

  /** The record as the reader now sees it, for a 409's `current` and for answers (private notes to the author). */
  async function view(actor: Actor, id: string): Promise<OneOnOne> {
    const [row, catalog] = await Promise.all([oneOnOnes.byId(db, id), loadPolicyCatalog(db)]);
    if (!row) throw notFound();
    const [editable, privateNotes] = await Promise.all([
      editableAmong(actor, [row]),
      row.authorId === actor.staffId
        ? oneOnOnes.privateNote(db, id, actor.staffId)
        : Promise.resolve(undefined),
    ]);
    return toView(row, catalog, actor, editable, privateNotes);
  }

  /** 403 unless the actor wrote the record and still supervises the person (decision 009's rule). */
  async function assertAuthor(actor: Actor, row: OneOnOneRow): Promise<void> {
    authorize(actor, 'one-on-one:write:team');
    authorize(
      actor,
      'one-on-one:write:team',
      { supervised: row.authorId === actor.staffId },
      { code: 'not_author', message: 'Only the supervisor who recorded the 1on1 may change it.' },
    );
    authorize(actor, 'one-on-one:write:team', { supervised: await isSupervisorOf(db, actor, row.staffId) });
  }

  /** What the audit log keeps of a record: everything but the private notes' text. */
  const audited = (r: OneOnOneRow, hasPrivateNotes: boolean) => ({
    staffId: r.staffId,
    status: r.status,
    heldOn: isoDate(r.heldOn),
    minutes: r.minutes,
    kind: r.kind,
    topics: r.topics,
    sharedNotes: r.sharedNotes,
    hasPrivateNotes,
    staffImageIds: r.staffImageIds,
    initiativeIds: r.initiativeIds,
    version: r.version,
  });

  function toAction(
    a: ActionRow,
    actor: Actor,
  ): OneOnOneAction & {
    oneOnOneId: string;
    heldOn: string;
    staff: ReturnType<typeof personOf>;
    author: ReturnType<typeof personOf>;
  } {
    return {
      id: a.id,
      owner: personOf(a.owner),
      text: a.text,
      dueOn: a.dueOn ? isoDate(a.dueOn) : null,
      doneAt: a.doneAt?.toISOString() ?? null,
      version: a.version,
      canUpdate: a.ownerId === actor.staffId || a.oneOnOne.authorId === actor.staffId,
      oneOnOneId: a.oneOnOne.id,
      heldOn: isoDate(a.oneOnOne.heldOn),
      staff: personOf(a.oneOnOne.staff),
      author: personOf(a.oneOnOne.author),
    };
  }

  /**
   * The person's own answer to a 1on1 (acknowledgement, agenda): only the person, only in the status it
   * belongs to (else 409 with the record), on the one write path; `run` changes it and says what to audit.
   */
  async function respond(
    actor: Actor,
    id: string,
    meta: RequestMeta,
    spec: {
      status: OneOnOneRow['status'];
      notPerson: string;
      wrongStatus: [message: string, code: string];
      run: (tx: Tx, found: OneOnOneRow) => Promise<{ action: AuditAction; before: unknown; after: unknown }>;
    },
  ): Promise<OneOnOne> {
    const found = await load(actor, id);
    authorize(
      actor,
      'one-on-one:respond:self',
      { person: found.staffId },
      { code: 'not_person', message: spec.notPerson },
    );
    if (found.status !== spec.status) {
      throw new ConflictError(spec.wrongStatus[0], spec.wrongStatus[1], await view(actor, id));
    }
    await write(db, {
      actorId: actor.staffId,
      meta,
      what: '1on1',
      current: () => view(actor, id),
      run: async (tx) => {
        const { action, before, after } = await spec.run(tx, found);
        return {
          body: null,
          audit: { action, entityType: 'one_on_one', entityId: id, before, after },
        };
      },
    });
    return view(actor, id);
  }

  /** The supervisor's cadence, or the default when they have set none. */
  async function cadenceOf(supervisorId: string): Promise<OneOnOneCadence> {
    const row = await oneOnOnes.cadence(db, supervisorId);
    return row
      ? { intervalDays: row.intervalDays, version: row.version, isDefault: false }
      : { intervalDays: ONE_ON_ONE_DEFAULT_INTERVAL_DAYS, version: 0, isDefault: true };
  }

  return {
    async get(actor: Actor, id: string): Promise<OneOnOne> {
      await load(actor, id);
      return view(actor, id);
    },

    /**
     * The author corrects a record: stale version → 409 `stale_version`; once acknowledged, a change of
     * date, minutes or status → 409 `one_on_one_acknowledged`; both with the current record.
     */
    async update(actor: Actor, id: string, input: OneOnOneUpdate, meta: RequestMeta): Promise<OneOnOne> {
      const found = await load(actor, id);
      await assertAuthor(actor, found);
      const catalog = await loadPolicyCatalog(db);
      const errors: FieldError[] = [];
      const foundDay = isoDate(found.heldOn);
      // an unchanged date stays valid even when it has left the window a new record may take
      const day =
        input.heldOn === foundDay && input.status === found.status
          ? foundDay
          : meetingDay(input.status, input.heldOn, errors);
      checkLinks(catalog, input, errors);
      checkOwners(input.addActions, [found.staffId, actor.staffId], errors);
      if (errors.length) throw new BadRequestError('Some fields of the 1on1 are not valid.', errors);
      const confirmedChanged =
        day !== foundDay || input.minutes !== found.minutes || input.status !== found.status;
      if (found.acknowledgedAt && confirmedChanged && input.version === found.version) {
        throw new ConflictError(
          'The person has acknowledged this 1on1: its date, minutes and status stay as they are.',
          'one_on_one_acknowledged',
          await view(actor, id),
        );
      }
      const before = await oneOnOnes.privateNote(db, id, actor.staffId);
      await write(db, {
        actorId: actor.staffId,
        meta,
        what: '1on1',
        current: () => view(actor, id),
        run: async (tx) => {
          guardUpdated(
            await oneOnOnes.update(tx, id, input.version, {
              heldOn: new Date(`${day}T00:00:00Z`),
              fiscalYear: fiscalYearOf(day),
              status: input.status,
              minutes: input.minutes,
              kind: input.kind,
              topics: input.topics,
              sharedNotes: input.sharedNotes,
              staffImageIds: [...new Set(input.staffImageIds)],
              initiativeIds: [...new Set(input.initiativeIds)],
            }),
          );
          await oneOnOnes.setPrivateNote(tx, id, actor.staffId, input.privateNotes);
          await oneOnOnes.addActions(
            tx,
            id,
            input.addActions.map((a) => ({
              text: a.text,
              ownerId: a.ownerId,
              dueOn: a.dueOn ? new Date(`${a.dueOn}T00:00:00Z`) : null,
            })),
          );
          const after = await oneOnOnes.byId(tx, id);
          if (!after) return refuseStale();
          // held at last: the person is asked to acknowledge it; new actions' owners learn of them
          await tellAboutMeeting(tx, meeting(after), {
            announce: found.status === 'scheduled' && after.status === 'held',
            actionOwners: input.addActions.map((a) => a.ownerId),
          });
          return {
            body: null,
            audit: {
              action: 'one-on-one.update',
              entityType: 'one_on_one',
              entityId: id,
              before: audited(found, before !== ''),
              after: {
                ...audited(after, input.privateNotes !== ''),
                privateNotesChanged: before !== input.privateNotes,
                addedActions: input.addActions,
              },
            },
          };
        },
      });
      return view(actor, id);
    },

    /** The author deletes a record the person has not acknowledged (else 409 `one_on_one_acknowledged`). */
    async remove(actor: Actor, id: string, version: number, meta: RequestMeta): Promise<void> {
      const found = await load(actor, id);
      await assertAuthor(actor, found);
      if (found.acknowledgedAt) {
        throw new ConflictError(
          'The person has acknowledged this 1on1: it can no longer be deleted.',
          'one_on_one_acknowledged',
          await view(actor, id),
        );
      }
      const hadPrivateNotes = (await oneOnOnes.privateNote(db, id, actor.staffId)) !== '';
      await write(db, {
        actorId: actor.staffId,
        meta,
        what: '1on1',
        current: () => view(actor, id),
        run: async (tx) => {
          guardUpdated(await oneOnOnes.delete(tx, id, version));
          return {
            body: null,
            audit: {
              action: 'one-on-one.delete',
              entityType: 'one_on_one',
              entityId: id,
              before: { ...audited(found, hadPrivateNotes), actions: found.actions.map((a) => a.text) },
            },
          };
        },
      });
    },

    /** The person confirms a held 1on1, with their own notes; it moves the version on; the author is told. */
    async acknowledge(actor: Actor, id: string, input: OneOnOneAcknowledge, meta: RequestMeta) {
      return respond(actor, id, meta, {
        status: 'held',
        notPerson: 'Only the person may acknowledge their 1on1.',
        wrongStatus: ['A scheduled 1on1 is acknowledged once it has been held.', 'one_on_one_not_held'],
        run: async (tx, found) => {
          guardUpdated(
            await oneOnOnes.update(tx, id, found.version, {
              acknowledgedAt: found.acknowledgedAt ?? new Date(),
              ...(input.staffNotes === undefined ? {} : { staffNotes: input.staffNotes }),
            }),
          );
          await tellAuthorAcknowledged(tx, meeting(found));
          return {
            action: 'one-on-one.acknowledge',
            before: { acknowledgedAt: found.acknowledgedAt, staffNotes: found.staffNotes },
            after: { staffNotes: input.staffNotes ?? found.staffNotes },
          };
        },
      });
    },

    /** The person writes their agenda for a scheduled 1on1 (versioned). */
    async writeAgenda(actor: Actor, id: string, input: OneOnOneAgenda, meta: RequestMeta) {
      return respond(actor, id, meta, {
        status: 'scheduled',
        notPerson: 'Only the person writes the agenda of their 1on1.',
        wrongStatus: [
          'The agenda is written before the 1on1; this one has been held.',
          'one_on_one_not_scheduled',
        ],
        run: async (tx, found) => {
          guardUpdated(await oneOnOnes.update(tx, id, input.version, { staffAgenda: input.staffAgenda }));
          return {
            action: 'one-on-one.agenda',
            before: { staffAgenda: found.staffAgenda },
            after: { staffAgenda: input.staffAgenda },
          };
        },
      });
    },

    /** The action's owner or the 1on1's author marks it done or open again. */
    async updateAction(actor: Actor, id: string, input: OneOnOneActionUpdate, meta: RequestMeta) {
      const found = await oneOnOnes.action(db, { id, oneOnOne: oneOnOneWhere(actor) });
      if (!found) throw new NotFoundError('No such action.', 'one_on_one_action_not_found');
      authorize(
        actor,
        ['one-on-one:respond:self', 'one-on-one:write:team'],
        { person: found.ownerId, supervised: found.oneOnOne.authorId === actor.staffId },
        { code: 'not_action_owner', message: 'Only the action’s owner or the 1on1’s author may update it.' },
      );
      const current = async () => {
        const row = await oneOnOnes.action(db, { id });
        if (!row) throw new NotFoundError('No such action.', 'one_on_one_action_not_found');
        return toAction(row, actor);
      };
      await write(db, {
        actorId: actor.staffId,
        meta,
        what: 'action',
        current,
        run: async (tx) => {
          const done = input.done;
          const unchanged = done === (found.doneAt !== null);
          guardUpdated(
            await oneOnOnes.updateAction(tx, id, input.version ?? found.version, {
              doneAt: done ? (unchanged ? found.doneAt : new Date()) : null,
              doneById: done ? actor.staffId : null,
            }),
          );
          return {
            body: null,
            audit: {
              action: 'one-on-one.action.update',
              entityType: 'one_on_one_action',
              entityId: id,
              before: { done: found.doneAt !== null },
              after: { done },
            },
          };
        },
      });
      return current();
    },

    /** Open actions on the reader's side: those they own, and those of the 1on1s they wrote. */
    async openActions(actor: Actor, query: PageQuery): Promise<OpenOneOnOneActionPage> {
      const { items, total } = await oneOnOnes.pageActions(
        {
          doneAt: null,
          oneOnOne: oneOnOneWhere(actor),
          OR: [{ ownerId: actor.staffId }, { oneOnOne: { authorId: actor.staffId } }],
        },
        query.page,
        query.pageSize,
      );
      return {
        items: items.map((a) => toAction(a, actor)),
        page: query.page,
        pageSize: query.pageSize,
        total,
      };
    },

    async cadence(actor: Actor): Promise<OneOnOneCadence> {
      authorize(actor, 'one-on-one:write:team');
      return cadenceOf(actor.staffId);
    },

    /** The supervisor sets their team's cadence (version 0 for the first time; stale → 409). */
    async setCadence(actor: Actor, input: OneOnOneCadenceWrite, meta: RequestMeta): Promise<OneOnOneCadence> {
      authorize(actor, 'one-on-one:write:team');
      const found = await oneOnOnes.cadence(db, actor.staffId);
      const current = () => cadenceOf(actor.staffId);
      try {
        await write(db, {
          actorId: actor.staffId,
          meta,
          what: 'cadence',
          current,
          run: async (tx) => {
            if (input.version === 0) {
              if (found) return refuseStale();
              await oneOnOnes.createCadence(tx, actor.staffId, input.intervalDays);
            } else {
              guardUpdated(
                await oneOnOnes.updateCadence(tx, actor.staffId, input.version, input.intervalDays),
              );
            }
            return {
              body: null,
              audit: {
                action: 'one-on-one.cadence',
                entityType: 'one_on_one_cadence',
                entityId: actor.staffId,
                before: found ? { intervalDays: found.intervalDays } : undefined,
                after: { intervalDays: input.intervalDays },
              },
            };
          },
        });
      } catch (error) {
        // two first saves at once: the primary key lets one through
        if ((error as { code?: string }).code !== 'P2002') throw error;
        throw new ConflictError('The cadence was changed by someone else.', 'stale_version', await current());
      }
      return current();
    },

    /** The supervisor's team: days since each person's last 1on1, who is overdue against the cadence. */
    async team(actor: Actor, query: PageQuery): Promise<OneOnOneTeam> {
      authorize(actor, 'one-on-one:write:team');
      const todayIso = isoDate(today());
      const fiscalYear = fiscalYearOf(todayIso);
      const cadence = await cadenceOf(actor.staffId);
      const { items, totals } = await oneOnOnes.team({
        actorId: actor.staffId,
        teamPaths: actor.teamPaths,
        overrideStaffIds: actor.overrideStaffIds,
        fiscalYear,
        today: todayIso,
        fyStart: fiscalYearRange(fiscalYear).from,
        intervalDays: cadence.intervalDays,
        page: query.page,
        pageSize: query.pageSize,
      });
      return {
        fiscalYear,
        cadence,
        totals,
        items: items.map((r) => ({
          staff: { id: r.id, name: r.nameJa, nameEn: r.nameEn },
          lastOn: r.lastOn,
          daysSinceLast: r.daysSinceLast,
          meetingsThisYear: r.meetings,
          nextScheduledOn: r.nextOn,
          overdue: r.overdue,
          openActions: r.openActions,
        })),
        page: query.page,
        pageSize: query.pageSize,
        total: totals.members,
      };
    },

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
          await tellAboutMeeting(tx, meeting(row), {
            announce: true,
            actionOwners: input.actions.map((a) => a.ownerId),
          });
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
