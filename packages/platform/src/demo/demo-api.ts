import { signDevToken, type Principal } from '@scr/auth';
import type { Config } from '@scr/config';
import { gql } from './graphql-client';

/**
 * The demo seed's view of the platform: signed tokens for the people who do
 * each step, and the public mutations they call. Every record goes through
 * the gateway, so the seed obeys the same rules (deadlines, independence,
 * permissions) as a real user.
 */
export class DemoApi {
  private readonly tokens = new Map<string, string>();

  constructor(
    private readonly config: Config,
    readonly url: string,
  ) {}

  async token(principal: Omit<Principal, 'service'>): Promise<string> {
    const key = JSON.stringify(principal);
    if (!this.tokens.has(key)) this.tokens.set(key, await signDevToken(this.config, principal));
    return this.tokens.get(key)!;
  }

  admin = () => this.token({ subject: 'demo-admin', roles: ['ADMIN'] });
  manager = (board: string) => this.token({ subject: `demo-manager-${board.toLowerCase()}`, roles: ['BOARD_MANAGER'], board });
  chair = (board: string) => this.token({ subject: `demo-chair-${board.toLowerCase()}`, roles: ['BOARD_CHAIR'], board });
  contributor = (agency: string) => this.token({ subject: `demo-contributor-${agency}`, roles: ['AGENCY_CONTRIBUTOR'], agency });
  reviewer = (reviewer: string) => this.token({ subject: `demo-reviewer-${reviewer}`, roles: ['REVIEWER'], reviewer });

  /** Runs `mutation($input: <Type>!) { <name>(input: $input) { <fields> } }` and answers the field. */
  async call<T = { id: string }>(token: string, name: string, inputType: string, input: Record<string, unknown>, fields = 'id'): Promise<T> {
    const data = await gql<Record<string, T>>(this.url, token, `mutation($input: ${inputType}!) { ${name}(input: $input) { ${fields} } }`, { input });
    const answer = data[name];
    if (answer === undefined) throw new Error(`The demo API answered ${name} with no data.`);
    return answer;
  }

  query<T>(token: string, query: string, variables: Record<string, unknown> = {}): Promise<T> {
    return gql<T>(this.url, token, query, variables);
  }
}
