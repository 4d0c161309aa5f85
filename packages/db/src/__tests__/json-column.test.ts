import { jsonArray, MalformedColumnError, parseJsonArray, stringItem, stringList, type ItemKind } from '../json-column';

describe('stringList', () => {
  const column = stringList('reviewers.qualifications');

  it('stores a list as the JSON text these columns always held, and reads it back', () => {
    const stored = column.to(['Social work (HCPC)', 'Ünïcode "quoted" \\ text', '']);
    expect(stored).toBe('["Social work (HCPC)","Ünïcode \\"quoted\\" \\\\ text",""]');
    expect(column.from(stored)).toEqual(['Social work (HCPC)', 'Ünïcode "quoted" \\ text', '']);
    expect(column.from('[]')).toEqual([]);
  });

  it('reads rows written before the transformer: JSON.stringify of a list', () => {
    const legacy = JSON.stringify(['a', 'b']);
    expect(column.from(legacy)).toEqual(['a', 'b']);
  });

  it('passes null and undefined through (a nullable column, a property not being written)', () => {
    expect(column.to(undefined)).toBeUndefined();
    expect(column.to(null)).toBeNull();
    expect(column.from(null)).toBeNull();
    expect(column.from(undefined)).toBeUndefined();
  });

  it.each([
    ['text that is not JSON', '["unterminated', /reviewers\.qualifications: the stored text \(14 characters\) is not JSON/],
    ['a JSON object', '{"a":1}', /reviewers\.qualifications: the stored JSON is not a list \(object\)/],
    ['JSON null', 'null', /the stored JSON is not a list \(null\)/],
    ['a JSON string', '"x"', /the stored JSON is not a list \(string\)/],
    ['a list holding a number', '["a",2]', /reviewers\.qualifications: item 1 of the stored list is not a string/],
    ['a list holding null', '[null]', /item 0 of the stored list is not a string/],
    ['a number, not text', 42, /the stored value is a number, not JSON text/],
  ])('refuses a stored value that is %s, naming the column', (_what, stored, message) => {
    expect(() => column.from(stored)).toThrow(MalformedColumnError);
    expect(() => column.from(stored)).toThrow(message);
  });

  it('never puts the stored text in its message (the columns hold what users wrote)', () => {
    let message = '';
    try {
      column.from('["Private note about a child');
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/is not JSON/);
    expect(message).not.toContain('Private');
  });

  it.each([
    ['a string', 'not a list'],
    ['a list holding a number', ['a', 1]],
    ['an object', { 0: 'a' }],
  ])('refuses to store %s', (_what, value) => {
    expect(() => column.to(value)).toThrow(/reviewers\.qualifications: the value to store is not a list of strings/);
  });
});

describe('jsonArray', () => {
  const positive: ItemKind<number> = { is: (v): v is number => typeof v === 'number' && v > 0, name: 'positive number' };

  it('checks items with the kind it is given', () => {
    const column = jsonArray('t.c', positive);
    expect(column.from('[1,2.5]')).toEqual([1, 2.5]);
    expect(() => column.from('[1,-1]')).toThrow('t.c: item 1 of the stored list is not a positive number');
    expect(() => column.to([0])).toThrow('t.c: the value to store is not a list of positive numbers');
  });
});

describe('parseJsonArray', () => {
  it('reads JSON text from elsewhere (a shipped row) with the same checks', () => {
    expect(parseJsonArray('shipped audit row', stringItem, '["x"]')).toEqual(['x']);
    expect(() => parseJsonArray('shipped audit row', stringItem, '[1]')).toThrow('shipped audit row: item 0 of the stored list is not a string');
  });
});
