import { Entity, PrimaryColumn } from 'typeorm';

/** An agency is a member of one or more boards. */
@Entity('agency_boards')
export class AgencyMembership {
  @PrimaryColumn({ name: 'agency_id', type: 'varchar', length: 36 })
  agencyId: string;

  @PrimaryColumn({ name: 'board_code', type: 'varchar', length: 32 })
  boardCode: string;
}
