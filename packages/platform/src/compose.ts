import { composeServices } from '@apollo/composition';
import { parse, printSchema } from 'graphql';
import { SUBGRAPHS } from './subgraphs';

export interface Composition {
  supergraphSdl: string;
  apiSchemaSdl: string;
}

/** Composes the subgraphs' SDL into the supergraph the gateway serves. */
export async function composeSupergraph(): Promise<Composition> {
  const services = await Promise.all(SUBGRAPHS.map(async (s) => ({ name: s.name, url: `http://${s.name}.invalid/graphql`, typeDefs: parse(await s.sdl()) })));
  const result = composeServices(services);
  if (result.errors?.length) {
    throw new Error(`Composition failed:\n${result.errors.map((e) => `- ${e.message}`).join('\n')}`);
  }
  return {
    supergraphSdl: result.supergraphSdl!,
    apiSchemaSdl: `${printSchema(result.schema!.toAPISchema().toGraphQLJSSchema())}\n`,
  };
}
