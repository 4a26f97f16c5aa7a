import type { Request, Response } from 'express';
import { shouldCompress } from './configure-http';

const req = (path: string) => ({ path, headers: { 'accept-encoding': 'gzip' } }) as unknown as Request;
const res = (contentType: string) => ({ getHeader: (name: string) => (name.toLowerCase() === 'content-type' ? contentType : undefined) }) as unknown as Response;

describe('shouldCompress', () => {
  it('compresses JSON answers of the API and the static client', () => {
    expect(shouldCompress(req('/api/clients'), res('application/json; charset=utf-8'))).toBe(true);
    expect(shouldCompress(req('/main-ABC.js'), res('text/javascript; charset=UTF-8'))).toBe(true);
  });

  it('never compresses sign-in and CSRF-token answers (they carry secrets: BREACH)', () => {
    expect(shouldCompress(req('/api/auth/login'), res('application/json; charset=utf-8'))).toBe(false);
    expect(shouldCompress(req('/api/auth/csrf'), res('application/json; charset=utf-8'))).toBe(false);
  });

  it('leaves already compressed types alone', () => {
    expect(shouldCompress(req('/api/evaluation/reports/1/file'), res('application/pdf'))).toBe(false);
    expect(shouldCompress(req('/favicon.png'), res('image/png'))).toBe(false);
  });
});
