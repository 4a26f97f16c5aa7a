import type { ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { accountKey } from './account-key';
import { AuthController } from './auth.controller';

const USER = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';
const on = (handler: (...args: never[]) => unknown) => ({ getHandler: () => handler }) as unknown as ExecutionContext;
const request = (body: object, userId?: string) => ({ body, ip: '203.0.113.9', session: userId ? { userId } : {} }) as unknown as Request;

describe('accountKey', () => {
  it('counts a sign-in against the e-mail tried, however it is written', () => {
    expect(accountKey(request({ email: ' Julia.Neumann@BH.example ' }), on(AuthController.prototype.login))).toBe('account:julia.neumann@bh.example');
    // A signed-in session does not move the sign-in's counter to its own account.
    expect(accountKey(request({ email: 'victim@bh.example' }, USER), on(AuthController.prototype.login))).toBe('account:victim@bh.example');
    expect(accountKey(request({ email: 42 }), on(AuthController.prototype.login))).toBe('ip:203.0.113.9');
  });

  it('counts the signed-in steps against the session account, never an e-mail sent along', () => {
    for (const handler of [AuthController.prototype.changePassword, AuthController.prototype.verifyTotp, AuthController.prototype.recover]) {
      expect(accountKey(request({ email: 'victim@bh.example' }, USER), on(handler))).toBe(`user:${USER}`);
    }
  });
});
