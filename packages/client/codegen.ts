import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Types and typed document nodes for the operations in src/operations, from the
 * gateway's committed public schema. `pnpm --filter @scr/client codegen` writes
 * src/generated; `pnpm client:check` (run by `pnpm test`) fails when they drift.
 */
const config: CodegenConfig = {
  schema: '../../gateway/schema.graphql',
  documents: ['src/operations/*.graphql'],
  ignoreNoDocuments: false,
  generates: {
    'src/generated/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false, gqlTagName: 'graphql' },
      config: {
        // Dates travel as ISO strings ("2026-03-31", "2026-03-31T09:00:00.000Z").
        scalars: { Date: 'string', DateTime: 'string' },
        enumsAsTypes: true,
        useTypeImports: true,
        avoidOptionals: { field: true, inputValue: false, object: false, defaultValue: false },
      },
    },
  },
};

export default config;
