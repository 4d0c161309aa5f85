import { parseArgs } from 'node:util';
import { ROLES, signDevToken, type Role } from '@scr/auth';
import { loadConfig } from '@scr/config';

/**
 * `pnpm token --role BOARD_MANAGER --board LEEDS`: prints a development bearer token;
 * with `--url`, the explorer's address with the token in it (the page moves it into its headers).
 */
async function main() {
  const { values } = parseArgs({
    options: {
      role: { type: 'string', multiple: true },
      board: { type: 'string' },
      agency: { type: 'string' },
      reviewer: { type: 'string' },
      sub: { type: 'string' },
      expires: { type: 'string', default: '8h' },
      url: { type: 'boolean', default: false },
    },
  });
  const roles = (values.role ?? []) as Role[];
  const unknown = roles.filter((r) => !(ROLES as readonly string[]).includes(r));
  if (!roles.length || unknown.length) {
    console.error(`usage: pnpm token --role <${ROLES.join('|')}> [--board CODE] [--agency ID] [--reviewer ID] [--sub NAME] [--url]`);
    process.exit(2);
  }
  const config = loadConfig();
  const token = await signDevToken(
    config,
    {
      subject: values.sub ?? `dev-${roles[0]!.toLowerCase()}${values.board ? `-${values.board.toLowerCase()}` : ''}`,
      roles,
      board: values.board,
      agency: values.agency,
      reviewer: values.reviewer,
    },
    values.expires,
  );
  console.log(values.url ? `http://localhost:${config.gatewayPort}/graphql?token=${token}` : token);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
