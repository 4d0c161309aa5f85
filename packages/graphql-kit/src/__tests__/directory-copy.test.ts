import type { ServiceName } from '@scr/config';
import type { DirectoryNames, InternalTransport } from '@scr/internal-api';
import { DIRECTORY_COPY_FRESH_MS, DIRECTORY_MISS_RELOAD_MS, DirectoryCopy } from '../directory-copy';

/** A directory whose names the test changes, counting how often it is read. */
function fakeDirectory() {
  const names: DirectoryNames = {
    boards: [{ code: 'LEEDS', name: 'Leeds Safeguarding Children Partnership' }],
    agencies: [{ id: 'a1', name: 'West Yorkshire Police', sector: 'POLICE' }],
  };
  let reads = 0;
  let hold: Promise<void> | undefined;
  const transport: InternalTransport = {
    async post<T>(service: ServiceName, path: string): Promise<T> {
      expect([service, path]).toEqual(['agencies', '/directory/names']);
      reads += 1;
      // Answers with the names as they were when asked, even if the answer is held back.
      const answer = structuredClone(names);
      await hold;
      return answer as T;
    },
  };
  return {
    names,
    transport,
    reads: () => reads,
    holdAnswers(until: Promise<void>) {
      hold = until;
    },
  };
}

describe('DirectoryCopy: board and agency names kept beside the records that show them', () => {
  let now = 1_000_000;
  const clock = () => now;
  const waits: number[] = [];
  const wait = (ms: number) => {
    waits.push(ms);
    now += ms;
    return Promise.resolve();
  };

  it('reads the directory once for any number of names, including names asked for at the same time', async () => {
    const directory = fakeDirectory();
    const copy = new DirectoryCopy(directory.transport, clock, wait);
    const answers = await Promise.all([copy.boardName('LEEDS'), copy.agency('a1'), copy.boardName('LEEDS')]);
    expect(answers).toEqual([
      'Leeds Safeguarding Children Partnership',
      { name: 'West Yorkshire Police', sector: 'POLICE' },
      'Leeds Safeguarding Children Partnership',
    ]);
    await copy.boardName('LEEDS');
    expect(directory.reads()).toBe(1);
  });

  it('shows a renamed board at once after the directory says it changed', async () => {
    const directory = fakeDirectory();
    const copy = new DirectoryCopy(directory.transport, clock, wait);
    await copy.boardName('LEEDS');
    directory.names.boards[0]!.name = 'Leeds Children and Families Partnership';
    copy.drop();
    expect(await copy.boardName('LEEDS')).toBe('Leeds Children and Families Partnership');
  });

  it('does not keep a read that was under way when the change was announced', async () => {
    const directory = fakeDirectory();
    const copy = new DirectoryCopy(directory.transport, clock, wait);
    let release!: () => void;
    directory.holdAnswers(new Promise<void>((resolve) => (release = resolve)));
    const before = copy.boardName('LEEDS');
    directory.names.boards[0]!.name = 'Renamed';
    copy.drop();
    release();
    // The request that asked before the change may see the old name; the next one must not.
    expect(await before).toBe('Leeds Safeguarding Children Partnership');
    expect(await copy.boardName('LEEDS')).toBe('Renamed');
  });

  it('catches up by itself after DIRECTORY_COPY_FRESH_MS when a change notice was missed', async () => {
    const directory = fakeDirectory();
    const copy = new DirectoryCopy(directory.transport, clock, wait);
    await copy.boardName('LEEDS');
    directory.names.boards[0]!.name = 'Renamed';
    now += DIRECTORY_COPY_FRESH_MS - 1;
    expect(await copy.boardName('LEEDS')).toBe('Leeds Safeguarding Children Partnership');
    now += 1;
    expect(await copy.boardName('LEEDS')).toBe('Renamed');
  });

  it('reads again for an agency it does not hold (one just registered, its notice lost), waiting out a second since the last read', async () => {
    const directory = fakeDirectory();
    const copy = new DirectoryCopy(directory.transport, clock, wait);
    await copy.agency('a1');
    directory.names.agencies.push({ id: 'a2', name: 'Leeds Teaching Hospitals', sector: 'HEALTH' });
    now += 300;
    waits.length = 0;
    const [first, second] = await Promise.all([copy.agency('a2'), copy.agency('a2')]);
    expect(first).toEqual({ name: 'Leeds Teaching Hospitals', sector: 'HEALTH' });
    expect(second).toEqual(first);
    expect(waits[0]).toBe(DIRECTORY_MISS_RELOAD_MS - 300);
    // Both missed, one read.
    expect(directory.reads()).toBe(2);
  });

  it('answers an error for a code the directory does not hold, after one more read', async () => {
    const directory = fakeDirectory();
    const copy = new DirectoryCopy(directory.transport, clock, wait);
    await copy.boardName('LEEDS');
    await expect(copy.boardName('NOWHERE')).rejects.toThrow('The directory has no board "NOWHERE".');
    await expect(copy.agency('a9')).rejects.toThrow('The directory has no agency "a9".');
    expect(directory.reads()).toBe(3);
  });

  it('passes on a directory that does not answer, and asks again on the next use', async () => {
    const failing: InternalTransport = { post: () => Promise.reject(new Error('connect ECONNREFUSED')) };
    const copy = new DirectoryCopy(failing, clock, wait);
    await expect(copy.boardName('LEEDS')).rejects.toThrow('ECONNREFUSED');
    const directory = fakeDirectory();
    Object.assign(failing, { post: directory.transport.post });
    expect(await copy.boardName('LEEDS')).toBe('Leeds Safeguarding Children Partnership');
  });

  it('lists every board code in code order from the same read as the names, without reading again', async () => {
    const directory = fakeDirectory();
    directory.names.boards.unshift({ code: 'WAKEFIELD', name: 'Wakefield Together' }, { code: 'BRADFORD', name: 'Bradford Partnership' });
    const copy = new DirectoryCopy(directory.transport, clock, wait);
    expect(await copy.boardCodes()).toEqual(['BRADFORD', 'LEEDS', 'WAKEFIELD']);
    expect(await copy.boardName('WAKEFIELD')).toBe('Wakefield Together');
    expect(await copy.boardCodes()).toEqual(['BRADFORD', 'LEEDS', 'WAKEFIELD']);
    expect(directory.reads()).toBe(1);
  });
});
