export { createClient, type Client, type ClientOptions } from './client';
export { API_ERROR_CODES, ApiError, isApiErrorCode, type ApiErrorCode, type GraphQLErrorEntry } from './errors';
export { allNodes, pages, type Connection, type Page } from './cursor';
export { DEFAULT_TOLERANCE_SECONDS, verifyPanelSignature } from './panel-signature';
// The operations in src/operations as typed document nodes (XxxDocument), with their result and variable types.
export * from './generated/graphql';
