/**
 * Local accounts: invitations (one-time, expiring, kept only as a hash), setting a password from an
 * invitation or a reset link, changing one's password, HR resetting a person's MFA, and who holds
 * 人材育成部門 administration. Mail goes out after the write has committed.
 */
import { createHash, randomBytes } from 'node:crypto';
import type {
  BulkInvitationRequest,
  ChangePasswordRequest,
  Invitation,
  SetPasswordRequest,
} from '@portal/contracts';
import type { FastifyBaseLogger } from 'fastify';
import { assertStaffVisible, authorize, inForce, staffWhere } from '../../access/access.ts';
import type { Actor, RequestMeta } from '../../access/actor.ts';
import type { Db } from '../../db/client.ts';
import type { Env } from '../../env.ts';
import type { Mailer } from '../../mail/mailer.ts';
import { invitationMail, passwordResetMail } from '../../mail/templates.ts';
import { AppError, ConflictError, NotFoundError } from '../../shared/errors.ts';
import { write } from '../../shared/write.ts';
import { recordAudit } from '../audit/audit.writer.ts';
import { createAuthRepository } from './auth.repository.ts';
import { hashPassword, verifyPassword } from './password.ts';
import { checkPassword, normalisePassword } from './password-policy.ts';
import { createThrottleRepository } from './throttle.repository.ts';

/** A reset link lives one hour; an invitation INVITATION_TTL_HOURS. */
const RESET_TTL_SECONDS = 3600;

/** Reset mails per login id and hour: enough for a lost mail, too few to flood a person's inbox. */
export const RESET_MAILS_PER_HOUR = 3;

/** The command line acts as "system": no person, recorded so in the audit log. */
export type Inviter = Actor | 'system';

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
const newToken = () => randomBytes(32).toString('base64url');

export function createAccountService(deps: { db: Db; env: Env; mailer: Mailer; log?: FastifyBaseLogger }) {
  const { db, env, mailer } = deps;
  const repo = createAuthRepository(db);
  const link = (kind: 'invitation' | 'reset', token: string) =>
    `${env.publicUrl}/${kind === 'invitation' ? 'invitation' : 'password-reset'}/${token}`;

  async function mail(to: string | null, message: Parameters<Mailer['send']>[1]): Promise<boolean> {
    if (!mailer.enabled || !to) return false;
    try {
      await mailer.send(to, message);
      return true;
    } catch (err) {
      deps.log?.error({ err }, 'could not send a mail');
      return false;
    }
  }

  /** One invitation each, in one transaction with their audit entries; then the mails. */
  async function invitePeople(
    inviter: Inviter,
    people: { id: string; loginId: string; nameJa: string; email: string | null }[],
    meta: RequestMeta | undefined,
    options: { sendMail: boolean },
  ): Promise<Invitation[]> {
    const expiresAt = new Date(Date.now() + env.invitationTtlSeconds * 1000);
    const actorId = inviter === 'system' ? null : inviter.staffId;
    const tokens = people.map((p) => ({ person: p, token: newToken() }));
    await write(db, {
      actorId,
      meta,
      timeoutMs: 120_000,
      run: async (tx) => {
        await createAuthRepository(tx).createTokens(
          tokens.map(({ person, token }) => ({
            staffId: person.id,
            kind: 'invitation' as const,
            tokenHash: hashToken(token),
            expiresAt,
            createdById: actorId,
          })),
        );
        return {
          body: null,
          audit: tokens.map(({ person }) => ({
            action: 'account.invite' as const,
            entityType: 'staff' as const,
            entityId: person.id,
            after: { expiresAt, ...(inviter === 'system' ? { actor: 'system' } : {}) },
          })),
        };
      },
    });
    const out: Invitation[] = [];
    for (const { person, token } of tokens) {
      const url = link('invitation', token);
      const mailed = options.sendMail
        ? await mail(
            person.email,
            invitationMail({ name: person.nameJa, loginId: person.loginId, url, expiresAt }),
          )
        : false;
      out.push({
        staffId: person.id,
        loginId: person.loginId,
        name: person.nameJa,
        url,
        expiresAt: expiresAt.toISOString(),
        mailed,
      });
    }
    return out;
  }

  function canInvite(actor: Actor) {
    authorize(actor, 'staff:manage:any');
  }

  return {
    /** HR (or the command line) invites one person, or renews their invitation. */
    async invite(inviter: Inviter, staffId: string, meta?: RequestMeta): Promise<Invitation> {
      if (inviter !== 'system') {
        await assertStaffVisible(db, inviter, staffId);
        canInvite(inviter);
      }
      const [person] = await repo.peopleToInvite({ id: staffId });
      if (!person) throw new ConflictError('A disabled account cannot be invited.', 'account_disabled');
      const [invitation] = await invitePeople(inviter, [person], meta, { sendMail: true });
      return invitation as Invitation;
    },

    async inviteByLogin(loginId: string): Promise<Invitation> {
      const [person] = await repo.peopleToInvite({ loginId });
      if (!person)
        throw new NotFoundError(`No enabled person has the login id ${loginId}.`, 'staff_not_found');
      const [invitation] = await invitePeople('system', [person], undefined, { sendMail: true });
      return invitation as Invitation;
    },

    /** A selection, a unit (with everything under it), or everyone without an account yet. */
    async inviteMany(
      actor: Actor,
      request: BulkInvitationRequest,
      meta: RequestMeta,
      options: { sendMail: boolean; atMost?: number },
    ): Promise<Invitation[]> {
      canInvite(actor);
      const filters: ReturnType<typeof staffWhere>[] = [staffWhere(actor)];
      if (request.staffIds) filters.push({ id: { in: request.staffIds } });
      if (request.orgUnitId) {
        const unit = await repo.unitPath(request.orgUnitId);
        if (!unit) throw new NotFoundError('No such unit.', 'org_unit_not_found');
        filters.push({
          assignments: { some: { ...inForce(), orgUnit: { path: { startsWith: unit.path } } } },
        });
      }
      if (request.withoutAccount) filters.push({ passwordHash: null });
      const people = await repo.peopleToInvite({ AND: filters });
      // refused before anything is written: no invitation is made that its letter would not carry
      if (options.atMost !== undefined && people.length > options.atMost) {
        const message = `At most ${options.atMost} letters at once; this selection has ${people.length}. Choose a unit, or take CSV.`;
        throw new AppError(400, 'validation', message, {
          errors: [
            {
              field: 'query.format',
              message,
              code: 'too_many_letters',
              params: { max: options.atMost, count: people.length },
            },
          ],
        });
      }
      return invitePeople(actor, people, meta, options);
    },

    /** Sets the password from an invitation or reset token; ends every session of the person. */
    async setPassword(input: SetPasswordRequest, meta: RequestMeta): Promise<void> {
      const token = await repo.tokenByHash(hashToken(input.token));
      const now = new Date();
      if (!token || token.usedAt || token.expiresAt <= now) {
        throw new AppError(410, 'token_gone', 'This link has been used or has expired. Ask for a new one.');
      }
      const staff = await repo.accountById(token.staffId);
      if (!staff || staff.disabledAt) {
        throw new AppError(410, 'token_gone', 'This link has been used or has expired. Ask for a new one.');
      }
      const refusal = checkPassword(input.password, {
        loginId: staff.loginId,
        names: [staff.nameJa, staff.nameEn, staff.nameKana],
        mfa: Boolean(staff.mfaEnabledAt),
      });
      if (refusal) throw passwordRefused(refusal);
      const hash = await hashPassword(normalisePassword(input.password));
      await write(db, {
        actorId: staff.id,
        meta,
        run: async (tx) => {
          const r = createAuthRepository(tx);
          if (!(await r.useToken(token.id, now))) {
            throw new AppError(
              410,
              'token_gone',
              'This link has been used or has expired. Ask for a new one.',
            );
          }
          await r.setPassword(staff.id, hash, now);
          await r.deleteSessionsOf(staff.id);
          return {
            body: null,
            audit: {
              action: token.kind === 'invitation' ? 'account.password_set' : 'account.password_reset',
              entityType: 'staff',
              entityId: staff.id,
            },
          };
        },
      });
    },

    /** Always the same answer; a link goes out only when mail is on and the person has an address. */
    async requestReset(loginId: string, meta: RequestMeta): Promise<void> {
      const staff = await repo.accountByLogin(loginId);
      // Counted per login id whether or not it exists, so the answer and its cost reveal nothing.
      const requested = await createThrottleRepository(db).raise(
        `reset:login:${loginId.trim().toLowerCase()}`,
        3600,
      );
      const throttled = requested.count > RESET_MAILS_PER_HOUR;
      if (throttled || !staff || staff.disabledAt || !staff.email || !mailer.enabled) {
        await recordAudit(db, {
          actorId: staff?.id ?? null,
          action: 'account.reset_requested',
          after: throttled ? { loginId, sent: false, throttled: true } : { loginId, sent: false },
          meta,
        });
        return;
      }
      const token = newToken();
      const expiresAt = new Date(Date.now() + RESET_TTL_SECONDS * 1000);
      await write(db, {
        actorId: staff.id,
        meta,
        run: async (tx) => {
          await createAuthRepository(tx).replaceToken({
            staffId: staff.id,
            kind: 'reset',
            tokenHash: hashToken(token),
            expiresAt,
            createdById: null,
          });
          return { body: null, audit: { action: 'account.reset_requested', after: { loginId, sent: true } } };
        },
      });
      await mail(
        staff.email,
        passwordResetMail({
          name: staff.nameJa,
          loginId: staff.loginId,
          url: link('reset', token),
          expiresAt,
        }),
      );
    },

    /** Needs the current password; every other session of the person ends. */
    async changePassword(actor: Actor, input: ChangePasswordRequest, meta: RequestMeta): Promise<void> {
      const staff = await repo.accountById(actor.staffId);
      if (!staff) throw new NotFoundError();
      if (!(await verifyPassword(staff.passwordHash, normalisePassword(input.currentPassword)))) {
        throw new AppError(400, 'validation', 'The current password is wrong.', {
          errors: [
            {
              field: 'body.currentPassword',
              message: 'The current password is wrong.',
              code: 'password_wrong',
            },
          ],
        });
      }
      const refusal = checkPassword(input.password, {
        loginId: staff.loginId,
        names: [staff.nameJa, staff.nameEn, staff.nameKana],
        mfa: Boolean(staff.mfaEnabledAt),
      });
      if (refusal) throw passwordRefused(refusal);
      const hash = await hashPassword(normalisePassword(input.password));
      await write(db, {
        actorId: staff.id,
        meta,
        run: async (tx) => {
          const r = createAuthRepository(tx);
          await r.setPassword(staff.id, hash, new Date());
          await r.deleteSessionsOf(staff.id, actor.sessionId);
          return {
            body: null,
            audit: { action: 'account.password_changed', entityType: 'staff', entityId: staff.id },
          };
        },
      });
    },

    /** HR removes a person's TOTP and recovery codes (they enrol again at their next sign-in). */
    async resetMfa(actor: Actor, staffId: string, meta: RequestMeta): Promise<void> {
      await assertStaffVisible(db, actor, staffId);
      authorize(actor, 'staff:manage:any');
      await write(db, {
        actorId: actor.staffId,
        meta,
        run: async (tx) => {
          const r = createAuthRepository(tx);
          await r.disableTotp(staffId);
          await r.deleteSessionsOf(staffId);
          return {
            body: null,
            audit: { action: 'account.mfa_reset', entityType: 'staff', entityId: staffId },
          };
        },
      });
    },

    /** Grants or revokes hr_admin from the command line; never revokes the last one. */
    async setHrAdmin(loginId: string, grant: boolean): Promise<'changed' | 'unchanged'> {
      const result = await write(db, {
        actorId: null,
        run: async (tx) => {
          const r = createAuthRepository(tx);
          await r.lockHrAdmins();
          const staff = await r.systemRoles(loginId);
          if (!staff) throw new NotFoundError(`No person has the login id ${loginId}.`, 'staff_not_found');
          const has = staff.systemRoles.includes('hr_admin');
          if (has === grant) return { body: 'unchanged' as const };
          if (!grant && !staff.disabledAt && (await r.countHrAdmins()) <= 1) {
            throw new ConflictError(
              'This is the last HR administrator: grant another one first.',
              'last_hr_admin',
            );
          }
          await r.setSystemRoles(staff.id, grant ? ['hr_admin'] : []);
          return {
            body: 'changed' as const,
            audit: {
              action: grant ? 'staff.grant_role' : 'staff.revoke_role',
              entityType: 'staff',
              entityId: staff.id,
              before: { systemRoles: staff.systemRoles },
              after: { role: 'hr_admin', actor: 'system' },
            },
          };
        },
      });
      return result.body;
    },
  };
}

function passwordRefused(refusal: { code: string; message: string; params?: Record<string, number> }) {
  return new AppError(400, 'validation', refusal.message, {
    errors: [
      { field: 'body.password', message: refusal.message, code: refusal.code, params: refusal.params },
    ],
  });
}

export type AccountService = ReturnType<typeof createAccountService>;
