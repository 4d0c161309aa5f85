import { boardNameResolver } from '@scr/graphql-kit';
import { BoardReference } from './board.reference';

/** A board's name from this subgraph's copy of the directory: no call to the directory to show it. */
export const BoardNameResolver = boardNameResolver(BoardReference);
