import type { Router } from 'express';
import { ask, answer, boardsLookup, grants, InternalContractError, type InternalTransport } from '..';

type Handler = (req: { body: unknown }, res: { status(code: number): { json(body: unknown): void }; json(body: unknown): void }) => Promise<void>;

/** A router that keeps the handlers, and a call to one that says what it answered. */
function fakeRouter() {
  const handlers = new Map<string, Handler>();
  const router = { post: (path: string, handler: Handler) => handlers.set(path, handler) } as unknown as Router;
  const call = async (path: string, body: unknown) => {
    let reply: { status: number; body: unknown } = { status: 0, body: undefined };
    await handlers.get(path)!(
      { body },
      { status: (status) => ({ json: (b) => void (reply = { status, body: b }) }), json: (b) => void (reply = { status: 200, body: b }) },
    );
    return reply;
  };
  return { router, call };
}

describe('answer: the answering side of an internal route', () => {
  it('hands the handler the body as the route declares it, defaults filled in', async () => {
    const { router, call } = fakeRouter();
    const seen: unknown[] = [];
    answer(router, grants, async (holder) => {
      seen.push(holder);
      return { reviewIds: ['r1'], incidentIds: ['i1'] };
    });
    expect(await call('/grants', { board: 'LEEDS' })).toEqual({ status: 200, body: { reviewIds: ['r1'], incidentIds: ['i1'] } });
    expect(seen).toEqual([{ roles: [], board: 'LEEDS' }]);
  });

  it('refuses a body that does not fit with 400, naming the field, and never runs the handler', async () => {
    const { router, call } = fakeRouter();
    const handler = jest.fn();
    answer(router, boardsLookup, handler);
    const reply = await call('/boards/lookup', { codes: 'LEEDS' });
    expect(reply.status).toBe(400);
    expect(JSON.stringify(reply.body)).toContain('codes');
    expect(handler).not.toHaveBeenCalled();
  });
});

describe('ask: the asking side', () => {
  const transport = (reply: unknown): InternalTransport & { asked: unknown[] } => {
    const asked: unknown[] = [];
    return { asked, post: async <T>(service: string, path: string, body: unknown) => (asked.push({ service, path, body }), reply as T) };
  };

  it('asks the route’s service at its path and returns the checked answer', async () => {
    const t = transport({ boards: [{ code: 'LEEDS', name: 'Leeds', partnershipArrangementsFrom: null }] });
    expect(await ask(t, boardsLookup, { codes: ['LEEDS'] })).toEqual({ boards: [{ code: 'LEEDS', name: 'Leeds', partnershipArrangementsFrom: null }] });
    expect(t.asked).toEqual([{ service: 'agencies', path: '/boards/lookup', body: { codes: ['LEEDS'] } }]);
  });

  it('refuses an answer that does not fit the route, saying which service and route', async () => {
    const t = transport({ boards: [{ code: 'LEEDS' }] });
    await expect(ask(t, boardsLookup, { codes: ['LEEDS'] })).rejects.toThrow(InternalContractError);
    await expect(ask(t, boardsLookup, { codes: ['LEEDS'] })).rejects.toThrow(/agencies service's answer to \/boards\/lookup/);
  });
});
