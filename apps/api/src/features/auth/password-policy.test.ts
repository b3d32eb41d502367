import { describe, expect, it } from 'vitest';
import { checkPassword } from './password-policy.ts';

const person = { loginId: 'k-sato', names: ['佐藤 健', 'Ken Sato'], mfa: false };

describe('password rules (ASVS 5.0 §6.2)', () => {
  it('asks for 15 characters without MFA and 8 with it, counting characters not bytes', () => {
    expect(checkPassword('a-fourteen-chr', person)?.code).toBe('password_too_short');
    expect(checkPassword('fifteen-chars!!', person)).toBeNull();
    expect(checkPassword('八文字の合言葉だ', { ...person, mfa: true })).toBeNull();
    expect(checkPassword('七文字の合言葉', { ...person, mfa: true })).toMatchObject({
      code: 'password_too_short',
      params: { min: 8 },
    });
  });

  it('takes any characters with no composition rules, up to 256', () => {
    expect(checkPassword('すべてひらがなのながいあいことばです', person)).toBeNull();
    expect(checkPassword(`${'x'.repeat(64)}y`, person)).toBeNull();
    expect(checkPassword('z'.repeat(257), person)?.code).toBe('password_too_long');
  });

  it('refuses the shipped common and breached passwords, whatever their case', () => {
    expect(checkPassword('qwertyuiop12345', person)?.code).toBe('password_common');
    expect(checkPassword('PasswordPassword', person)?.code).toBe('password_common');
  });

  it('refuses the login id or the name inside the password', () => {
    expect(checkPassword('my-k-sato-password!', person)?.code).toBe('password_personal');
    expect(checkPassword('kensato-is-my-secret', person)?.code).toBe('password_personal');
    expect(checkPassword('佐藤健のひみつのことばはとてもながい', person)?.code).toBe('password_personal');
  });
});
