import type { ApolloServerPlugin } from '@apollo/server';
import type { Auditor } from './auditor';

/** Refusals of reads that the caller should know were logged; mutations are audited by their middleware. */
const AUDITED_READ_REFUSALS = ['FORBIDDEN', 'UNAUTHENTICATED', 'NOT_FOUND'];

/** Records read refusals and reads of children's identities once the answer is ready. */
export function auditPlugin<C extends { auditor: Auditor }>(): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, operation, errors }) {
          const auditor = contextValue.auditor;
          if (operation?.operation !== 'mutation') {
            const refusals = new Map<string, string>();
            for (const error of errors ?? []) {
              const code = error.extensions?.code;
              if (typeof code !== 'string' || !AUDITED_READ_REFUSALS.includes(code)) continue;
              const field = error.path?.filter((p) => typeof p === 'string').join('.') || operation?.name?.value || 'query';
              refusals.set(`${field}|${code}`, code);
            }
            for (const [key, code] of refusals) {
              await auditor.standalone({ operation: key.split('|')[0], targetIds: [], outcome: code });
            }
          }
          await auditor.flushIdentityReads();
        },
      };
    },
  };
}
