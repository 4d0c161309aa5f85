import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { Principal } from '@scr/auth';
import { AuditEvent, Database, insertAuditEvent, newOutboxEvent, OutboxEvent, type TransactionOptions } from '@scr/db';
import { AUDIT_EVENT_TYPE, type ShippedAuditRow } from '@scr/internal-api';
import type { RecordBoardOf } from './record-board';
import { resultFacts } from './target-ids';

export interface AuditEntry {
  operation: string;
  targetIds: string[];
  outcome: string;
  recordBoard?: string | null;
}

/** The mutation field being resolved: set by the audit middleware, read by the audited transaction. */
export interface MutationInProgress {
  operation: string;
  argIds: string[];
  recorded: boolean;
}

export const mutationInProgress = new AsyncLocalStorage<MutationInProgress>();

/**
 * Audit rows of subgraphs other than the directory travel to it through the
 * outbox. The ids travel as JSON text, as they always have: rows queued
 * before an upgrade, and a directory not yet upgraded, read them so.
 */
function shipped(row: AuditEvent): ShippedAuditRow {
  const { targetIds, at, ...rest } = row;
  return { ...rest, at: at.toISOString(), targetIdsJson: JSON.stringify(targetIds) };
}

/**
 * Writes audit rows for one request. A successful mutation's row is written in
 * the same transaction as its change; a refusal's row in a transaction of its
 * own (the refused change rolled back). Each subgraph keeps its rows and
 * ships them to the directory, which holds the consortium-wide trail.
 */
export class Auditor {
  private readonly identityReads = new Map<string, string>();
  private wroteRows = false;

  /** Whether this request wrote an audit row (committed once the request is answered, unless its change rolled back). */
  get wrote(): boolean {
    return this.wroteRows;
  }

  constructor(
    private readonly db: Database,
    private readonly service: string,
    private readonly principal: Principal | undefined,
    private readonly requestId: string,
    private readonly central: boolean,
    private readonly boardOf?: RecordBoardOf,
  ) {}

  async write(manager: EntityManager, entry: AuditEntry): Promise<void> {
    const p = this.principal;
    const row = Object.assign(new AuditEvent(), {
      id: randomUUID(),
      at: new Date(),
      service: this.service,
      // Claims are bounded when verified; cutting here too keeps a refusal auditable whatever it carried.
      subject: (p?.subject ?? 'anonymous').slice(0, 200),
      roles: [...new Set(p?.roles ?? [])].join(',').slice(0, 200),
      board: p?.board?.slice(0, 32) ?? null,
      recordBoard: entry.recordBoard?.slice(0, 32) ?? null,
      operation: entry.operation.slice(0, 100),
      targetIds: [...new Set(entry.targetIds)].slice(0, 50),
      outcome: entry.outcome.slice(0, 40),
      requestId: this.requestId,
    });
    await insertAuditEvent(manager, row, { searchable: this.central });
    if (!this.central) await manager.insert(OutboxEvent, newOutboxEvent(AUDIT_EVENT_TYPE, shipped(row)));
    this.wroteRows = true;
  }

  /**
   * A row in a transaction of its own: refusals and reads, which change
   * nothing else. A refusal naming records is filed under their board when it
   * can be found, so the attacked board's chair sees it.
   */
  standalone(entry: AuditEntry): Promise<void> {
    return this.standaloneAll([entry]);
  }

  /** Several such rows (one request's refusals and probes) in one transaction. */
  async standaloneAll(entries: AuditEntry[]): Promise<void> {
    if (!entries.length) return;
    const filed = await Promise.all(entries.map(async (entry) => ({ ...entry, recordBoard: await this.boardFor(entry) })));
    await this.db.transaction(async (manager) => {
      for (const entry of filed) await this.write(manager, entry);
    });
  }

  private async boardFor(entry: AuditEntry): Promise<string | null | undefined> {
    if (entry.recordBoard || entry.outcome === 'OK' || !entry.targetIds.length || !this.boardOf) return entry.recordBoard;
    return this.boardOf(entry.targetIds).catch(() => undefined);
  }

  /** Inside an audited transaction, just before commit: the mutation's success row. */
  async beforeCommit(manager: EntityManager, result: unknown): Promise<boolean> {
    const mutation = mutationInProgress.getStore();
    if (!mutation || mutation.recorded) return false;
    const facts = resultFacts(result);
    await this.write(manager, {
      operation: mutation.operation,
      targetIds: [...mutation.argIds, ...(facts.id ? [facts.id] : [])],
      outcome: 'OK',
      recordBoard: facts.board,
    });
    return true;
  }

  /** Reads of a child's identity are collected per incident and written once per request. */
  noteIdentityRead(incidentId: string, boardCode: string): void {
    this.identityReads.set(incidentId, boardCode);
  }

  async flushIdentityReads(): Promise<void> {
    if (!this.identityReads.size) return;
    const byBoard = new Map<string, string[]>();
    for (const [incidentId, board] of this.identityReads) byBoard.set(board, [...(byBoard.get(board) ?? []), incidentId]);
    this.identityReads.clear();
    for (const [board, ids] of byBoard) {
      await this.standalone({ operation: 'IncidentChild.identity', targetIds: ids, outcome: 'READ', recordBoard: board });
    }
  }
}

/**
 * The request's view of the database: every top-level transaction run while a
 * mutation resolves also writes that mutation's audit row before committing.
 */
export function auditedDatabase(db: Database, auditor: Auditor): Database {
  const audited = Object.create(db) as Database;
  audited.transaction = async <T>(fn: (manager: EntityManager) => Promise<T>, options?: TransactionOptions): Promise<T> => {
    let wrote = false;
    const result = await db.transaction(async (manager) => {
      const value = await fn(manager);
      wrote = await auditor.beforeCommit(manager, value);
      return value;
    }, options);
    const mutation = mutationInProgress.getStore();
    if (wrote && mutation) mutation.recorded = true;
    return result;
  };
  return audited;
}
