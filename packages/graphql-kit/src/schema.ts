import 'reflect-metadata';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { printSchemaWithDirectives, type IResolvers } from '@graphql-tools/utils';
import type { GraphQLSchema } from 'graphql';
import gql from 'graphql-tag';
import merge from 'lodash.merge';
import { buildSchema, createResolversMap, getMetadataStorage, type NonEmptyArray } from 'type-graphql';
import type { IRules } from 'graphql-shield';
import { DateTimeScalar } from './scalars';
import { applyPermissions } from './shield';

const FEDERATION_LINK =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable", "@external", "@requires", "@inaccessible"])';

export interface SubgraphSchemaOptions {
  resolvers: NonEmptyArray<Function>;

  orphanedTypes?: Function[];
  referenceResolvers?: IResolvers;
  permissions: IRules;
}

/** The subgraph's SDL, as composition sees it. */
export async function buildSubgraphSdl(options: Omit<SubgraphSchemaOptions, 'permissions' | 'referenceResolvers'>) {
  const schema = await typeGraphqlSchema(options);
  return `${FEDERATION_LINK}\n\n${printSchemaWithDirectives(schema)}`;
}

async function typeGraphqlSchema(options: Pick<SubgraphSchemaOptions, 'resolvers' | 'orphanedTypes'>) {
  plainFieldsReadDirectly();
  return buildSchema({
    resolvers: options.resolvers,
    orphanedTypes: options.orphanedTypes,
    // Subgraphs may have no Query of their own; composition checks the whole.
    skipCheck: true,
    validate: false,
    scalarsMap: [{ type: Date, scalar: DateTimeScalar }],
  });
}

/** type-graphql classes -> an executable Federation 2 subgraph guarded by graphql-shield. */
export async function buildFederatedSchema(options: SubgraphSchemaOptions): Promise<GraphQLSchema> {
  const schema = await typeGraphqlSchema(options);
  const subgraph = buildSubgraphSchema([
    {
      typeDefs: gql(`${FEDERATION_LINK}\n\n${printSchemaWithDirectives(schema)}`),
      resolvers: merge(createResolversMap(schema), options.referenceResolvers ?? {}) as never,
    },
  ]);
  return applyPermissions(subgraph, options.permissions);
}

/**
 * A field without a @FieldResolver is read straight off the record by
 * graphql-js's default resolver. type-graphql would otherwise wrap each one
 * to run its middlewares and auth checker, which this platform does not use
 * (permissions are guardFields'), at the cost of two objects per field per
 * row. A type may still say `simpleResolvers: false` for itself.
 */
function plainFieldsReadDirectly(): void {
  for (const type of getMetadataStorage().objectTypes) type.simpleResolvers ??= true;
}
