import DataLoader from 'dataloader';
import { In } from 'typeorm';
import type { Config } from '@scr/config';
import type { Database } from '@scr/db';
import { InternalClient, type RequestContext } from '@scr/graphql-kit';
import { Reviewer } from './reviewers/reviewer.entity';

export interface ReviewsContext extends RequestContext {
  db: Database;
  internal: InternalClient;
  loaders: { reviewerById: DataLoader<string, Reviewer | null> };
}

export function createContext(config: Config, db: Database, base: RequestContext): ReviewsContext {
  const reviewerById = new DataLoader<string, Reviewer | null>(async (ids) => {
    const rows = await db.manager.find(Reviewer, { where: { id: In([...ids]) } });
    return ids.map((id) => rows.find((r) => r.id === id) ?? null);
  });
  return { ...base, db, internal: new InternalClient(config), loaders: { reviewerById } };
}
