import { registerEnumType } from 'type-graphql';

/** Contract enums used by more than one subgraph; composition needs them identical. */
export enum RoleEnum {
  BOARD_MANAGER = 'BOARD_MANAGER',
  BOARD_CHAIR = 'BOARD_CHAIR',
  REVIEWER = 'REVIEWER',
  AGENCY_CONTRIBUTOR = 'AGENCY_CONTRIBUTOR',
  ANALYST = 'ANALYST',
  PANEL = 'PANEL',
  ADMIN = 'ADMIN',
}
registerEnumType(RoleEnum, { name: 'Role' });

export enum AgencySector {
  CHILDRENS_SOCIAL_CARE = 'CHILDRENS_SOCIAL_CARE',
  POLICE = 'POLICE',
  HEALTH = 'HEALTH',
  EDUCATION = 'EDUCATION',
  PROBATION = 'PROBATION',
  YOUTH_JUSTICE = 'YOUTH_JUSTICE',
  HOUSING = 'HOUSING',
  VOLUNTARY = 'VOLUNTARY',
  OTHER = 'OTHER',
}
registerEnumType(AgencySector, { name: 'AgencySector' });

export enum DeadlineStatusEnum {
  PENDING = 'PENDING',
  MET = 'MET',
  LATE = 'LATE',
  OVERDUE = 'OVERDUE',
}
registerEnumType(DeadlineStatusEnum, { name: 'DeadlineStatus' });
