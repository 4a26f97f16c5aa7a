export * from './credentials.module';
export * from './is-acceptable-password.decorator';
export * from './password-hasher';
export * from './password-normalization';
export * from './password-policy';
export * from './password-problem.exception';
export * from './recovery-codes';
export * from './totp';
