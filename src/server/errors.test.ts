import { describe, expect, it } from 'vitest';
import { loggableError } from './errors.ts';

describe('logging unexpected errors', () => {
  it('keeps what locates the bug and drops the values a database error quotes', () => {
    const pgError = Object.assign(
      new Error('duplicate key value violates unique constraint "child_nik_key"'),
      {
        code: '23505',
        constraint: 'child_nik_key',
        table: 'child',
        detail: 'Key (nik)=(5301044103250001) already exists.',
      },
    );
    const logged = loggableError(pgError);
    expect(logged).toMatchObject({ code: '23505', constraint: 'child_nik_key', table: 'child' });
    expect(JSON.stringify(logged)).not.toContain('5301044103250001');
  });
});
