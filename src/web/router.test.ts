import { describe, expect, it } from 'vitest';
import { matchRoute, safeNextPath } from './router.ts';

describe('router', () => {
  it('maps the fixed Indonesian paths and tolerates a trailing slash', () => {
    expect(matchRoute('/')).toEqual({ name: 'home' });
    expect(matchRoute('/dasbor')).toEqual({ name: 'dashboard' });
    expect(matchRoute('/dasbor/')).toEqual({ name: 'dashboard' });
    expect(matchRoute('/masuk')).toEqual({ name: 'login' });
    expect(matchRoute('/admin')).toEqual({ name: 'admin' });
    expect(matchRoute('/apa-ini')).toEqual({ name: 'notFound' });
  });

  it('reads a region code from /wilayah/:code, dotted or not, and rejects non-codes', () => {
    expect(matchRoute('/wilayah/5301')).toEqual({ name: 'region', code: '5301' });
    expect(matchRoute('/wilayah/53.01.01')).toEqual({ name: 'region', code: '530101' });
    expect(matchRoute('/wilayah/537')).toEqual({ name: 'notFound' });
  });

  it('reads a child id from /anak/:id and the follow-up list path', () => {
    const id = '0b7e1c2a-4d5f-4a6b-8c9d-0e1f2a3b4c5d';
    expect(matchRoute(`/anak/${id}`)).toEqual({ name: 'child', id });
    expect(matchRoute(`/anak/${id.toUpperCase()}`)).toEqual({ name: 'child', id });
    expect(matchRoute('/anak/123')).toEqual({ name: 'notFound' });
    expect(matchRoute('/tindak-lanjut')).toEqual({ name: 'followUp' });
  });

  it('follows ?next= only to paths on this site', () => {
    expect(safeNextPath('/admin')).toBe('/admin');
    expect(safeNextPath('//evil.example')).toBeNull();
    expect(safeNextPath('https://evil.example')).toBeNull();
    expect(safeNextPath('/\\evil.example')).toBeNull();
    expect(safeNextPath(null)).toBeNull();
  });
});
