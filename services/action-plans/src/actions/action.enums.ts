import { registerEnumType } from 'type-graphql';

export enum ActionStatus {
  NOT_STARTED = 'NOT_STARTED',
  IN_PROGRESS = 'IN_PROGRESS',
  COMPLETED = 'COMPLETED',
  DROPPED = 'DROPPED',
}
export enum Rag {
  RED = 'RED',
  AMBER = 'AMBER',
  GREEN = 'GREEN',
}
export enum ImpactRating {
  NOT_EVIDENCED = 'NOT_EVIDENCED',
  PARTIAL = 'PARTIAL',
  EVIDENCED = 'EVIDENCED',
}

registerEnumType(ActionStatus, { name: 'ActionStatus' });
registerEnumType(Rag, { name: 'Rag' });
registerEnumType(ImpactRating, { name: 'ImpactRating' });
