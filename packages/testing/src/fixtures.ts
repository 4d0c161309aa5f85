import { addDays, todayInLondon } from '@scr/calendar';
import type { TestPlatform } from './test-platform';

export const BOARDS = ['BRADFORD', 'CALDERDALE', 'KIRKLEES', 'LEEDS', 'WAKEFIELD'] as const;

export const REPORT_INCIDENT = `mutation Report($input: ReportIncidentInput!) {
  reportIncident(input: $input) {
    id reference notifiable notificationDueOn notifiedOn notificationStatus version awareOn occurredOn
    board { code }
    children { pseudonym ageBand sex ethnicity socialCareStatus identity { fullName dateOfBirth } }
    abuseTypes
  }
}`;

/** A valid notifiable incident for the board, aware `daysAgo` days before today; override any field. */
export function incidentInput(boardCode: string, overrides: Record<string, unknown> = {}, daysAgo = 3) {
  const awareOn = addDays(todayInLondon(), -daysAgo);
  return {
    boardCode,
    criterion: 'CHILD_SERIOUSLY_HARMED',
    abuseOrNeglect: 'SUSPECTED',
    occurredOn: addDays(awareOn, -1),
    awareOn,
    abuseTypes: ['PHYSICAL'],
    summary: 'Test incident',
    children: [
      {
        pseudonym: 'Child A',
        fullName: 'Alex Example',
        dateOfBirth: addDays(awareOn, -3 * 365),
        sex: 'FEMALE',
        socialCareStatus: 'CHILD_IN_NEED',
      },
    ],
    ...overrides,
  };
}

/** Tokens for a board's staff. */
export async function boardTokens(t: TestPlatform, board: string) {
  return {
    manager: await t.token({ subject: `manager-${board}`, roles: ['BOARD_MANAGER'], board }),
    chair: await t.token({ subject: `chair-${board}`, roles: ['BOARD_CHAIR'], board }),
  };
}

export async function reportIncident(t: TestPlatform, token: string, input: Record<string, unknown>) {
  const result = await t.gql<{ reportIncident: { id: string; reference: string; version: number } }>(token, REPORT_INCIDENT, { input });
  if (result.errors?.length) throw new Error(`reportIncident failed: ${JSON.stringify(result.errors)}`);
  return result.data!.reportIncident;
}

export function errorCode(result: { errors?: { extensions?: { code?: string } }[] }): string | undefined {
  return result.errors?.[0]?.extensions?.code;
}
