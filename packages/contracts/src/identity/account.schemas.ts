/**
 * Local accounts: sign-in with a second factor, invitations, setting and changing passwords, TOTP.
 */
import { z } from 'zod';

/** The longest password accepted (ASVS 6.2.9 asks for at least 64). */
export const PASSWORD_MAX = 256;
/** Without a second factor (ASVS 6.2.1) */
export const PASSWORD_MIN = 15;
/** With TOTP enrolled */
export const PASSWORD_MIN_WITH_MFA = 8;

export const LoginResponse = z.object({
  expiresAt: z.string(),
  /** The password was right; the session is pending until `POST /api/auth/mfa` */
  mfaRequired: z.boolean(),
  /** The person must enrol TOTP before anything else (HR administrators and executives) */
  mfaEnrolmentRequired: z.boolean(),
});
export type LoginResponse = z.infer<typeof LoginResponse>;

export const MfaCodeRequest = z.object({ code: z.string().trim().min(6).max(32) });
export type MfaCodeRequest = z.infer<typeof MfaCodeRequest>;

export const SetPasswordRequest = z.object({
  token: z.string().trim().min(16).max(128),
  password: z.string().min(1).max(1024),
});
export type SetPasswordRequest = z.infer<typeof SetPasswordRequest>;

export const ChangePasswordRequest = z.object({
  currentPassword: z.string().min(1).max(1024),
  password: z.string().min(1).max(1024),
});
export type ChangePasswordRequest = z.infer<typeof ChangePasswordRequest>;

export const PasswordResetRequest = z.object({ loginId: z.string().trim().min(1).max(64) });
export type PasswordResetRequest = z.infer<typeof PasswordResetRequest>;

/** Why a password is refused: the web app explains each code in the reader's language. */
export const PASSWORD_REFUSALS = [
  'password_too_short',
  'password_too_long',
  'password_common',
  'password_personal',
] as const;

export const Invitation = z.object({
  staffId: z.string(),
  loginId: z.string(),
  name: z.string(),
  url: z.string(),
  expiresAt: z.string(),
  /** Sent by mail (mail is on and the person has an address) */
  mailed: z.boolean(),
});
export type Invitation = z.infer<typeof Invitation>;

export const InvitationCreated = Invitation.pick({ url: true, expiresAt: true, mailed: true });
export type InvitationCreated = z.infer<typeof InvitationCreated>;

export const BulkInvitationRequest = z
  .object({
    staffIds: z.array(z.uuid()).min(1).max(20_000).optional(),
    orgUnitId: z.uuid().optional(),
    withoutAccount: z.literal(true).optional(),
  })
  .refine((v) => [v.staffIds, v.orgUnitId, v.withoutAccount].filter((x) => x !== undefined).length === 1, {
    message: 'Give exactly one of staffIds, orgUnitId or withoutAccount.',
    path: ['staffIds'],
  });
export type BulkInvitationRequest = z.infer<typeof BulkInvitationRequest>;

/** `csv` for a mail merge, `pdf` for printed letters (one page each, at most MAX_INVITATION_LETTERS). */
export const BulkInvitationQuery = z.object({ format: z.enum(['json', 'csv', 'pdf']).default('json') });

/** Letters in one PDF: a unit or a few at a time (≈15 ms a page); CSV has no such bound. */
export const MAX_INVITATION_LETTERS = 2000;

export const BulkInvitationResult = z.object({ items: z.array(Invitation) });
export type BulkInvitationResult = z.infer<typeof BulkInvitationResult>;

export const TotpEnrolment = z.object({
  secret: z.string(),
  uri: z.string(),
  /** The URI as a QR code (SVG) to scan with an authenticator app */
  qrSvg: z.string(),
});
export type TotpEnrolment = z.infer<typeof TotpEnrolment>;

export const RecoveryCodes = z.object({ recoveryCodes: z.array(z.string()) });
export type RecoveryCodes = z.infer<typeof RecoveryCodes>;

export const AccountState = z.object({
  mfaEnabled: z.boolean(),
  /** TOTP is required for this person (HR administrators and executives outside demo mode) */
  mfaRequired: z.boolean(),
  /** `enrol`: this session may only enrol TOTP */
  stage: z.enum(['full', 'enrol']),
  mail: z.boolean(),
});
export type AccountState = z.infer<typeof AccountState>;
