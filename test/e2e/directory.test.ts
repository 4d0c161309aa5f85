import { errorCode, startTestPlatform, type TestPlatform } from '@scr/testing';

let t: TestPlatform;
let admin: string;

beforeAll(async () => {
  t = await startTestPlatform();
  admin = await t.token({ subject: 'admin', roles: ['ADMIN'] });
});
afterAll(() => t.stop());

const REGISTER = `mutation($input: RegisterAgencyInput!) { registerAgency(input: $input) { id name sector boards { code } } }`;

describe('boards', () => {
  it('holds the five boards with the partnership dates of the reference data', async () => {
    const analyst = await t.token({ subject: 'an', roles: ['ANALYST'] });
    const res = await t.gql<{ boards: { code: string; kind: string; partnershipArrangementsFrom: string }[] }>(
      analyst,
      '{ boards { code name kind partnershipArrangementsFrom } }',
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.boards.map((b) => [b.code, b.partnershipArrangementsFrom, b.kind])).toEqual([
      ['BRADFORD', '2019-09-29', 'SAFEGUARDING_PARTNERSHIP'],
      ['CALDERDALE', '2019-04-01', 'SAFEGUARDING_PARTNERSHIP'],
      ['KIRKLEES', '2019-09-29', 'SAFEGUARDING_PARTNERSHIP'],
      ['LEEDS', '2019-09-01', 'SAFEGUARDING_PARTNERSHIP'],
      ['WAKEFIELD', '2019-09-29', 'SAFEGUARDING_PARTNERSHIP'],
    ]);
  });

  it('answers null for a board that does not exist', async () => {
    const res = await t.gql(admin, '{ board(code: "YORK") { code } }');
    expect(res.data).toEqual({ board: null });
  });

  it('lets ADMIN correct a board and shows the new kind at once', async () => {
    const res = await t.gql<{ updateBoard: { kind: string; partnershipArrangementsFrom: string } }>(
      admin,
      'mutation { updateBoard(input: { code: "WAKEFIELD", partnershipArrangementsFrom: "2099-01-01" }) { kind partnershipArrangementsFrom } }',
    );
    expect(res.data!.updateBoard).toEqual({ kind: 'LSCB', partnershipArrangementsFrom: '2099-01-01' });
    await t.gql(admin, 'mutation { updateBoard(input: { code: "WAKEFIELD", partnershipArrangementsFrom: "2019-09-29" }) { code } }');
  });

  it('refuses updateBoard to anyone but ADMIN, and for an unknown board', async () => {
    const chair = await t.token({ subject: 'c', roles: ['BOARD_CHAIR'], board: 'LEEDS' });
    const forbidden = await t.gql(chair, 'mutation { updateBoard(input: { code: "LEEDS", name: "Mine" }) { code } }');
    expect(errorCode(forbidden)).toBe('FORBIDDEN');
    const missing = await t.gql(admin, 'mutation { updateBoard(input: { code: "YORK", name: "York" }) { code } }');
    expect(errorCode(missing)).toBe('NOT_FOUND');
    const blank = await t.gql(admin, 'mutation { updateBoard(input: { code: "LEEDS", name: "  " }) { code } }');
    expect(errorCode(blank)).toBe('BAD_USER_INPUT');
  });

  it('refuses an impossible date with BAD_USER_INPUT, as a literal and as a variable', async () => {
    const literal = await t.gql(admin, 'mutation { updateBoard(input: { code: "LEEDS", partnershipArrangementsFrom: "2026-02-30" }) { code } }');
    expect(errorCode(literal)).toBe('BAD_USER_INPUT');
    const variable = await t.gql(admin, 'mutation($d: Date) { updateBoard(input: { code: "LEEDS", partnershipArrangementsFrom: $d }) { code } }', {
      d: '2026-02-30',
    });
    expect(errorCode(variable)).toBe('BAD_USER_INPUT');
    for (const r of [literal, variable]) {
      expect(JSON.stringify(r.body)).not.toMatch(/stack|stacktrace|INTERNAL_SERVER_ERROR|at .*\.ts/);
    }
  });
});

describe('agencies', () => {
  it('registers an agency for ADMIN and lists it under each of its boards', async () => {
    const res = await t.gql<{ registerAgency: { id: string; boards: { code: string }[] } }>(admin, REGISTER, {
      input: { name: 'West Yorkshire Police', sector: 'POLICE', boardCodes: ['LEEDS', 'BRADFORD'] },
    });
    expect(res.errors).toBeUndefined();
    const id = res.data!.registerAgency.id;
    expect(res.data!.registerAgency.boards.map((b) => b.code)).toEqual(['BRADFORD', 'LEEDS']);
    const manager = await t.token({ subject: 'm', roles: ['BOARD_MANAGER'], board: 'LEEDS' });
    const leeds = await t.gql<{ agencies: { id: string }[]; board: { agencies: { id: string }[] } }>(
      manager,
      '{ agencies(boardCode: "LEEDS") { id } board(code: "LEEDS") { agencies { id } } }',
    );
    expect(leeds.data!.agencies.map((a) => a.id)).toContain(id);
    expect(leeds.data!.board.agencies.map((a) => a.id)).toContain(id);
    const wakefield = await t.gql<{ agencies: { id: string }[] }>(manager, '{ agencies(boardCode: "WAKEFIELD") { id } }');
    expect(wakefield.data!.agencies.map((a) => a.id)).not.toContain(id);
    const one = await t.gql<{ agency: { name: string; sector: string } }>(manager, `{ agency(id: "${id}") { name sector } }`);
    expect(one.data!.agency).toEqual({ name: 'West Yorkshire Police', sector: 'POLICE' });
  });

  it('refuses registerAgency for an unknown board, no boards, a blank name, an unknown sector, or a non-admin', async () => {
    const unknownBoard = await t.gql(admin, REGISTER, { input: { name: 'X', sector: 'HEALTH', boardCodes: ['YORK'] } });
    expect(errorCode(unknownBoard)).toBe('BAD_USER_INPUT');
    const noBoards = await t.gql(admin, REGISTER, { input: { name: 'X', sector: 'HEALTH', boardCodes: [] } });
    expect(errorCode(noBoards)).toBe('BAD_USER_INPUT');
    const blank = await t.gql(admin, REGISTER, { input: { name: ' ', sector: 'HEALTH', boardCodes: ['LEEDS'] } });
    expect(errorCode(blank)).toBe('BAD_USER_INPUT');
    const sector = await t.gql(admin, REGISTER, { input: { name: 'X', sector: 'BANKING', boardCodes: ['LEEDS'] } });
    expect(errorCode(sector)).toBe('BAD_USER_INPUT');
    const manager = await t.token({ subject: 'm', roles: ['BOARD_MANAGER'], board: 'LEEDS' });
    const notAdmin = await t.gql(manager, REGISTER, { input: { name: 'X', sector: 'HEALTH', boardCodes: ['LEEDS'] } });
    expect(errorCode(notAdmin)).toBe('FORBIDDEN');
    const count = await t.gql<{ agencies: { name: string }[] }>(admin, '{ agencies { name } }');
    expect(count.data!.agencies.map((a) => a.name)).not.toContain('X');
  });
});

describe('me and authentication', () => {
  it('answers me for every role with its board, agency and reviewer', async () => {
    const reg = await t.gql<{ registerAgency: { id: string } }>(admin, REGISTER, {
      input: { name: 'Leeds Health', sector: 'HEALTH', boardCodes: ['LEEDS'] },
    });
    const agencyId = reg.data!.registerAgency.id;
    const reviewer = await t.gql<{ registerReviewer: { id: string } }>(
      admin,
      'mutation { registerReviewer(input: { name: "R. Eviewer", qualifications: ["SCR lead"] }) { id } }',
    );
    const reviewerId = reviewer.data!.registerReviewer.id;
    const cases = [
      { principal: { subject: 'bm', roles: ['BOARD_MANAGER'], board: 'KIRKLEES' }, expected: { board: { code: 'KIRKLEES' }, agency: null, reviewer: null } },
      { principal: { subject: 'bc', roles: ['BOARD_CHAIR'], board: 'LEEDS' }, expected: { board: { code: 'LEEDS' }, agency: null, reviewer: null } },
      {
        principal: { subject: 'ac', roles: ['AGENCY_CONTRIBUTOR'], agency: agencyId },
        expected: { board: null, agency: { name: 'Leeds Health' }, reviewer: null },
      },
      {
        principal: { subject: 'rv', roles: ['REVIEWER'], reviewer: reviewerId },
        expected: { board: null, agency: null, reviewer: { id: reviewerId, name: 'R. Eviewer' } },
      },
      { principal: { subject: 'an', roles: ['ANALYST'] }, expected: { board: null, agency: null, reviewer: null } },
      { principal: { subject: 'pa', roles: ['PANEL'] }, expected: { board: null, agency: null, reviewer: null } },
      { principal: { subject: 'ad', roles: ['ADMIN'] }, expected: { board: null, agency: null, reviewer: null } },
    ] as const;
    for (const c of cases) {
      const token = await t.token({ ...c.principal, roles: [...c.principal.roles] });
      const res = await t.gql<{ me: Record<string, unknown> }>(token, '{ me { subject roles board { code } agency { name } reviewer { id name } } }');
      expect(res.errors).toBeUndefined();
      expect(res.data!.me).toEqual({ subject: c.principal.subject, roles: c.principal.roles, ...c.expected });
    }
  });

  it('refuses a call without a token, and one with a bad token', async () => {
    const none = await t.gql(undefined, '{ boards { code } }');
    expect(errorCode(none)).toBe('UNAUTHENTICATED');
    expect(none.data?.boards).toBeUndefined();
    const bad = await t.gql('not-a-jwt', '{ boards { code } }');
    expect(errorCode(bad)).toBe('UNAUTHENTICATED');
    expect(bad.status).toBe(401);
  });

  it('refuses a token naming an agency, reviewer or board that does not exist with FORBIDDEN', async () => {
    for (const principal of [
      { subject: 'x', roles: ['AGENCY_CONTRIBUTOR' as const], agency: '00000000-0000-0000-0000-000000000000' },
      { subject: 'y', roles: ['REVIEWER' as const], reviewer: '00000000-0000-0000-0000-000000000000' },
      { subject: 'z', roles: ['BOARD_MANAGER' as const], board: 'YORK' },
    ]) {
      const res = await t.gql(await t.token(principal), '{ me { subject } boards { code } }');
      expect(errorCode(res)).toBe('FORBIDDEN');
      expect(res.data?.me).toBeUndefined();
    }
  });
});
