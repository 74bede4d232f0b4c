import { describe, expect, it } from 'vitest';
import { own } from './own';

describe('own', () => {
  it('finds a record’s own keys and never its prototype’s', () => {
    const rec: Record<string, number> = JSON.parse('{"a":1}') as Record<string, number>;
    expect(own(rec, 'a')).toBe(1);
    expect(own(rec, 'constructor')).toBeUndefined();
    expect(own(rec, '__proto__')).toBeUndefined();
    expect(own(rec, 'toString')).toBeUndefined();
    expect(own(undefined, 'a')).toBeUndefined();
  });
});
