// House rules as a tool (issue 16). Syntax-only typescript-eslint (no type
// information: fast on two cores; `pnpm typecheck` does the types) plus the
// import boundaries of ARCHITECTURE.md's package graph.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const SERVICES = ['agencies', 'incidents', 'reviews', 'action-plans'];
const serviceImport = (names) => ({
  group: [...names.map((s) => `@scr/${s}-service`), ...names.map((s) => `@scr/${s}-service/**`)],
  message: 'A service never imports another service: ask it over /internal through @scr/internal-api.',
});
const relativeInto = (names) => ({
  regex: `^(\\.\\./)+(services/)?(${names.join('|')})/src(/|$)`,
  message: "A service never imports another service's files: ask it over /internal through @scr/internal-api.",
});
const gatewayImport = {
  group: ['@scr/gateway', '@scr/gateway/**'],
  message: 'Only the platform launcher starts the gateway; nothing else imports it.',
};

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', '**/generated/**', '**/*.js', '**/*.cjs', '**/*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      // require() is how the tests load better-sqlite3 (no types) and jest's swc options.
      '@typescript-eslint/no-require-imports': 'off',
      // type-graphql's and TypeORM's own signatures take the Function type (class constructors).
      '@typescript-eslint/no-unsafe-function-type': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  // Tests read untyped YAML and JSON answers.
  { files: ['**/__tests__/**/*.ts', '**/__integration__/**/*.ts', 'test/**/*.ts'], rules: { '@typescript-eslint/no-explicit-any': 'off' } },
  // Services never import each other (nor the gateway).
  ...SERVICES.map((service) => {
    const others = SERVICES.filter((s) => s !== service);
    return {
      files: [`services/${service}/**/*.ts`],
      rules: { 'no-restricted-imports': ['error', { patterns: [serviceImport(others), relativeInto(others), gatewayImport] }] },
    };
  }),
  // Packages never import a service or the gateway, nor the gateway a service;
  // packages/platform is the composition root that starts them all (launcher,
  // in-process platform, compose); packages/bench fills the services' tables
  // as they would and so may use their own rebuild statements.
  {
    files: ['packages/**/*.ts', 'gateway/**/*.ts'],
    ignores: ['packages/platform/**', 'packages/bench/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { ...serviceImport(SERVICES), message: 'Packages and the gateway never import a service.' },
            { ...gatewayImport, message: 'Packages never import the gateway.' },
            { regex: '^(\\.\\./)+(services|gateway)/', message: 'Packages never import a service or the gateway.' },
          ],
        },
      ],
    },
  },
);
