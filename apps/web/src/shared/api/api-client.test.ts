import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, apiFetch } from './api-client.ts';

function respond(status: number, body: unknown, contentType = 'application/json') {
  const fetchMock = vi.fn(
    async () =>
      new Response(typeof body === 'string' ? body : JSON.stringify(body), {
        status,
        headers: { 'content-type': contentType },
      }),
  );
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

async function caught(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('apiFetch', () => {
  it('returns the JSON of a successful answer, checked by the schema', async () => {
    const fetchMock = respond(200, { status: 'ok' });
    const schema = {
      parse: (data: unknown) => {
        if ((data as { status?: unknown }).status !== 'ok') throw new Error('bad');
        return data as { status: 'ok' };
      },
    };
    await expect(apiFetch('/api/health', { schema })).resolves.toEqual({ status: 'ok' });
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/health');
    expect(init.credentials).toBe('same-origin');
  });

  it('turns a validation problem into an ApiError with its field errors', async () => {
    respond(
      400,
      {
        type: 'https://portal.example/problems/validation',
        title: '入力内容に誤りがあります',
        status: 400,
        detail: '2件の項目を確認してください',
        code: 'validation',
        requestId: 'req-42',
        errors: [
          { field: 'body.minutes', message: '1以上の数を入力してください' },
          { field: 'body.date', message: '日付の形式が正しくありません' },
        ],
      },
      'application/problem+json; charset=utf-8',
    );
    const error = await caught(apiFetch('/api/ojt-sessions', { method: 'POST', json: { minutes: 0 } }));
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(400);
    expect(error.code).toBe('validation');
    expect(error.message).toBe('2件の項目を確認してください');
    expect(error.requestId).toBe('req-42');
    expect(error.errors).toEqual([
      { field: 'body.minutes', message: '1以上の数を入力してください' },
      { field: 'body.date', message: '日付の形式が正しくありません' },
    ]);
  });

  it('keeps the code of other problems (401, 404, 409)', async () => {
    respond(
      401,
      { type: 'about:blank', title: 'Unauthorized', status: 401, code: 'unauthorized' },
      'application/problem+json',
    );
    const unauthenticated = await caught(apiFetch('/api/policy'));
    expect([unauthenticated.status, unauthenticated.code, unauthenticated.errors]).toEqual([
      401,
      'unauthorized',
      [],
    ]);

    respond(
      404,
      { type: 'about:blank', title: 'Not Found', status: 404, code: 'not_found' },
      'application/problem+json',
    );
    expect((await caught(apiFetch('/api/staff/x'))).code).toBe('not_found');
  });

  it('falls back on a code by status when the answer is not our problem shape', async () => {
    respond(503, '<html>Service Unavailable</html>', 'text/html');
    const error = await caught(apiFetch('/api/policy'));
    expect([error.status, error.code]).toEqual([503, 'internal']);

    respond(403, { title: 'Forbidden', status: 403 }, 'application/problem+json');
    const forbidden = await caught(apiFetch('/api/audit-log'));
    expect([forbidden.status, forbidden.code, forbidden.message]).toEqual([403, 'forbidden', 'Forbidden']);
  });

  it('reports a network failure as status 0', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => {
        throw new TypeError('Failed to fetch');
      }),
    );
    const error = await caught(apiFetch('/api/policy'));
    expect([error.status, error.code]).toEqual([0, 'network']);
  });

  it('reports an answer that breaks the contract', async () => {
    respond(200, { unexpected: true });
    const schema = {
      parse: (): never => {
        throw new Error('invalid');
      },
    };
    const error = await caught(apiFetch('/api/policy', { schema }));
    expect([error.status, error.code]).toEqual([200, 'invalid_response']);
  });

  it('sends JSON bodies with their content type', async () => {
    const fetchMock = respond(201, { id: '1' });
    await apiFetch('/api/ojt-sessions', { method: 'POST', json: { minutes: 30 } });
    const [, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(init.body).toBe('{"minutes":30}');
    expect(new Headers(init.headers).get('content-type')).toBe('application/json');
  });
});
