import { nestsDeeperThan } from '../json-depth';

const nest = (levels: number) => {
  let value: unknown = 'x';
  for (let i = 0; i < levels; i++) value = [value];
  return value;
};

describe('nestsDeeperThan', () => {
  it('measures object and array nesting', () => {
    expect(nestsDeeperThan({ a: { b: { c: 1 } } }, 3)).toBe(false);
    expect(nestsDeeperThan({ a: { b: { c: { d: 1 } } } }, 3)).toBe(true);
    expect(nestsDeeperThan('scalar', 0)).toBe(false);
  });

  it('copes with hostile depth without overflowing the stack', () => {
    expect(nestsDeeperThan(nest(100_000), 34)).toBe(true);
    expect(nestsDeeperThan(nest(30), 34)).toBe(false);
  });
});
