import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

/** Kernel clock ticks a second, the unit of /proc/<pid>/stat's CPU times (100 on Linux almost always). */
const TICKS_PER_SECOND = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/**
 * The fields of /proc/<pid>/stat after the command name (field 3, the state,
 * comes first); undefined when the process is gone or this is not Linux.
 */
function statFields(pid: number | string): string[] | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces: count fields after its closing parenthesis.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return undefined;
  }
}

/** Every process id on the machine, from /proc (none when this is not Linux). */
function processIds(): number[] {
  try {
    return readdirSync('/proc')
      .filter((entry) => /^\d+$/.test(entry))
      .map(Number);
  } catch {
    return [];
  }
}

/** CPU time (user + system) a process has used so far, in ms, from /proc (Linux); undefined when it cannot be read. */
export function cpuMillis(pid: number): number | undefined {
  const fields = statFields(pid);
  const ticks = Number(fields?.[11]) + Number(fields?.[12]);
  return Number.isFinite(ticks) ? (ticks * 1000) / TICKS_PER_SECOND : undefined;
}

/** The pid of a MySQL-compatible server on this machine (mariadbd or mysqld), to count its CPU with the platform's. */
export function localDatabaseServerPid(): number | undefined {
  return processIds().find((pid) => {
    try {
      const name = readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
      return name === 'mariadbd' || name === 'mysqld';
    } catch {
      // The process ended while the list was read.
      return false;
    }
  });
}

/** The pids of every process in a process group (a started command and all it spawned), from /proc (Linux). */
export function processGroup(groupId: number): number[] {
  // Field 5 (pgrp), the third after the command name; a process that ended meanwhile has no fields.
  return processIds().filter((pid) => Number(statFields(pid)?.[2]) === groupId);
}

/** A process's resident memory in bytes (0 when it cannot be read). */
export function rssBytes(pid: number): number {
  return kilobytesField(`/proc/${pid}/status`, 'VmRSS') * 1024;
}

/**
 * A process's proportional set size in bytes: its private pages plus its
 * share of pages it shares with other processes (Node's own code, about
 * 50 MB, which every part maps), so the parts' figures add up to memory used
 * once, where their RSS counts shared pages once per part.
 */
export function pssBytes(pid: number): number {
  return kilobytesField(`/proc/${pid}/smaps_rollup`, 'Pss') * 1024;
}

function kilobytesField(file: string, field: string): number {
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(file, 'utf8'));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}
