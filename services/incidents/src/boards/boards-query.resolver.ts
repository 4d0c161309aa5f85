import { boardsQueryResolver } from '@scr/graphql-kit';
import { BoardReference } from './board.reference';

/** The boards list from this subgraph's copy of the directory, so a question about this subgraph's board fields asks no other part first. */
export const BoardsQueryResolver = boardsQueryResolver(BoardReference);
