/**
 * Printed invitation letters (`POST /api/invitations?format=pdf`) through the real app and database:
 * the file is read back with PDF.js, the way a viewer reads it.
 */

import { permissionsOf } from '@portal/contracts';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../src/access/actor.ts';
import { signIn, useTestApp } from './app.ts';
import { useTestSmtp } from './smtp.ts';

const smtp = useTestSmtp();
const ctx = useTestApp({ env: () => ({ SMTP_URL: smtp().url, PUBLIC_URL: 'https://jinzai.city.example' }) });

/** Each page's text, in order, as PDF.js extracts it. */
async function pagesOf(pdf: Buffer): Promise<string[]> {
  const doc = await getDocument({ data: new Uint8Array(pdf), isEvalSupported: false, useSystemFonts: false })
    .promise;
  const pages: string[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const content = await (await doc.getPage(n)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(''));
  }
  await doc.destroy();
  return pages;
}

describe('invitation letters as PDF', () => {
  it('prints one page per person with their name, login id and link; nothing is mailed', async () => {
    const { app, database } = ctx();
    const hr = await signIn(app, 'demo-hr');
    const people = await database.db.staff.findMany({
      where: { passwordHash: null, disabledAt: null, email: { not: null } },
      select: { id: true, loginId: true, nameJa: true },
      orderBy: { employeeNumber: 'desc' },
      take: 3,
    });
    expect(people).toHaveLength(3);
    const mailsBefore = smtp().messages.length;

    const res = await app.inject({
      method: 'POST',
      url: '/api/invitations?format=pdf',
      headers: { cookie: hr },
      payload: { staffIds: people.map((p) => p.id) },
    });
    expect(res.statusCode).toBe(201);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toContain('invitations.pdf');
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    // the font is a subset: a few hundred kilobytes, not the 5 MB of the whole face
    expect(res.rawPayload.length).toBeLessThan(400_000);

    const pages = await pagesOf(res.rawPayload);
    expect(pages).toHaveLength(3);
    const tokens = await database.db.accountToken.findMany({
      where: { staffId: { in: people.map((p) => p.id) }, kind: 'invitation', usedAt: null },
    });
    expect(tokens).toHaveLength(3);
    for (const person of people) {
      const page = pages.find((p) => p.includes(person.loginId));
      expect(page, person.loginId).toBeDefined();
      expect(page).toContain(`${person.nameJa} 様`);
      expect(page).toMatch(/有効期限：令和\d+年\d+月\d+日/);
      const link = page?.match(/https:\/\/jinzai\.city\.example\/invitation\/[\w-]{43}/)?.[0];
      expect(link, `${person.loginId}'s link`).toBeDefined();
      // the printed link is the person's own live invitation
      const signUp = await app.inject({
        method: 'POST',
        url: '/api/auth/password',
        payload: { token: link?.split('/').pop(), password: 'short' },
      });
      expect(signUp.statusCode).toBe(400);
      expect(signUp.json().errors[0].code).toBe('password_too_short');
    }
    expect(new Set(pages.map((p) => p.match(/invitation\/([\w-]{43})/)?.[1])).size).toBe(3);
    expect(smtp().messages.length).toBe(mailsBefore);
  });

  it('refuses more letters than one file holds before writing anything', async () => {
    const { app, database } = ctx();
    const hr = await database.db.staff.findFirstOrThrow({ where: { loginId: 'demo-hr' } });
    const actor: Actor = {
      staffId: hr.id,
      sessionId: 'test',
      roles: ['staff', 'hr_admin'],
      permissions: new Set(permissionsOf(['staff', 'hr_admin'])),
      teamPaths: [],
      overrideStaffIds: [],
      bureauIds: [],
    };
    const people = await database.db.staff.findMany({
      where: { passwordHash: null, disabledAt: null },
      select: { id: true },
      take: 3,
    });
    const tokensBefore = await database.db.accountToken.count();
    const refused = await app.services.account
      .inviteMany(
        actor,
        { staffIds: people.map((p) => p.id) },
        { ip: null, requestId: null },
        {
          sendMail: false,
          atMost: 2,
        },
      )
      .catch((error: unknown) => error);
    expect(refused).toMatchObject({
      status: 400,
      extra: { errors: [{ field: 'query.format', code: 'too_many_letters', params: { max: 2, count: 3 } }] },
    });
    expect(await database.db.accountToken.count()).toBe(tokensBefore);
  });

  it('is HR’s alone', async () => {
    const { app, database } = ctx();
    const person = await database.db.staff.findFirstOrThrow({ where: { passwordHash: null } });
    for (const who of ['demo-exec', 'demo-supervisor', 'demo-staff']) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/invitations?format=pdf',
        headers: { cookie: await signIn(app, who) },
        payload: { staffIds: [person.id] },
      });
      expect(res.statusCode, who).toBe(403);
    }
  });
});
