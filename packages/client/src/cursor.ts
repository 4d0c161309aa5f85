import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import type { Client } from './client';

/** The shape of every list with cursors in the API. */
export interface Connection<TNode> {
  edges: { node: TNode; cursor: string }[];
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
}

export interface Page<TNode, TData> {
  nodes: TNode[];
  /** Where to start next time: this page's last cursor, or the one it started from when it was empty. */
  cursor: string | null;
  hasNextPage: boolean;
  data: TData;
}

type PagedVariables = { after?: string | null; first?: number | null };

/**
 * Walks a list page by page from `variables.after` (the start when absent),
 * following `pageInfo.endCursor` until `hasNextPage` is false. Save each page's
 * `cursor` once its nodes are handled and pass it as `after` next time: a feed
 * such as `panelNotifications` then resumes where it stopped.
 */
export async function* pages<TData, TVariables extends PagedVariables, TNode>(
  client: Client,
  document: TypedDocumentNode<TData, TVariables>,
  variables: TVariables,
  connection: (data: TData) => Connection<TNode>,
): AsyncGenerator<Page<TNode, TData>> {
  let after = variables.after ?? null;
  for (;;) {
    const data = await client.request(document, ...([{ ...variables, after }] as never as [TVariables]));
    const { edges, pageInfo } = connection(data);
    const cursor = pageInfo.endCursor ?? edges.at(-1)?.cursor ?? after;
    yield { nodes: edges.map((edge) => edge.node), cursor, hasNextPage: pageInfo.hasNextPage, data };
    // An empty page that claims more would loop forever on the same cursor.
    if (!pageInfo.hasNextPage || !edges.length || cursor === after) return;
    after = cursor;
  }
}

/** Every node of a list, following cursors (mind the size of what you ask for). */
export async function allNodes<TData, TVariables extends PagedVariables, TNode>(
  client: Client,
  document: TypedDocumentNode<TData, TVariables>,
  variables: TVariables,
  connection: (data: TData) => Connection<TNode>,
): Promise<TNode[]> {
  const nodes: TNode[] = [];
  for await (const page of pages(client, document, variables, connection)) nodes.push(...page.nodes);
  return nodes;
}
