export const ROLES = ['BOARD_MANAGER', 'BOARD_CHAIR', 'REVIEWER', 'AGENCY_CONTRIBUTOR', 'ANALYST', 'PANEL', 'ADMIN'] as const;
export type Role = (typeof ROLES)[number];

/** Who is calling, as the verified token says. Services act with `service: true`. */
export interface Principal {
  subject: string;
  roles: Role[];
  board?: string;
  agency?: string;
  reviewer?: string;
  service?: boolean;
}

export const hasRole = (p: Principal | undefined, ...roles: Role[]): boolean => !!p && p.roles.some((r) => roles.includes(r));

/** The board's own manager or chair: the only people who see its records in full. */
export const isBoardStaff = (p: Principal | undefined): p is Principal & { board: string } => !!p?.board && hasRole(p, 'BOARD_MANAGER', 'BOARD_CHAIR');

export const isBoardStaffOf = (p: Principal | undefined, boardCode: string): boolean => isBoardStaff(p) && p.board === boardCode;
