/**
 * The one swc transform: `pnpm build` compiles production's dist/ with it and
 * jest runs the tests with it, so production runs what the tests ran
 * (decorator metadata included: type-graphql and TypeORM read it).
 */
module.exports = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true },
    target: 'es2022',
    keepClassNames: true,
  },
  module: { type: 'commonjs' },
};
