import { randomBytes } from 'node:crypto';
import { FieldCipher, FieldDecryptionError, fieldAad } from './field-cipher';
import { parseFieldKeys } from './field-keys';

const secret = () => randomBytes(32).toString('base64');
const keysA = `a1:${secret()}`;
const keysB = `b1:${secret()}`;
const cipherWith = (list: string, active: string) => new FieldCipher(parseFieldKeys(list, active));

describe('FieldCipher', () => {
  const aad = fieldAad('conversation', '8f0c2f55-3c5e-4b8e-9d0c-0c1e2b3a4d5f', 'note');
  const cipher = cipherWith(keysA, 'a1');

  it('round-trips text (umlauts, Arabic script, empty) in the v1:<keyId>:<iv>:<tag>:<ct> format', () => {
    for (const text of ['Gespräch über Wohnungssuche, nächster Termin beim Jobcenter.', 'مرحبا', '']) {
      const value = cipher.encrypt(text, aad);
      expect(value).toMatch(/^v1:a1:[A-Za-z0-9+/]{16}:[A-Za-z0-9+/]{22}==:[A-Za-z0-9+/]*={0,2}$/);
      expect(cipher.decrypt(value, aad)).toBe(text);
    }
  });

  it('never stores the plaintext and gives a different ciphertext for the same text each time', () => {
    const text = 'Kanarienvogel-Notiz 4711';
    const first = cipher.encrypt(text, aad);
    const second = cipher.encrypt(text, aad);
    expect(first).not.toBe(second);
    expect(first).not.toContain(text);
    expect(Buffer.from(first.split(':')[4] as string, 'base64').toString('utf8')).not.toContain(text);
  });

  it('fails loudly with a wrong key under the same id (authentication), never returning garbage', () => {
    const value = cipher.encrypt('Vertraulich', aad);
    const impostor = cipherWith(`a1:${secret()}`, 'a1');
    expect(() => impostor.decrypt(value, aad)).toThrow(FieldDecryptionError);
    expect(() => impostor.decrypt(value, aad)).toThrow(expect.objectContaining({ reason: 'authenticationFailed', keyId: 'a1' }));
  });

  it('fails loudly when the key id is unknown', () => {
    const value = cipher.encrypt('Vertraulich', aad);
    expect(() => cipherWith(keysB, 'b1').decrypt(value, aad)).toThrow(expect.objectContaining({ name: 'FieldDecryptionError', reason: 'unknownKey' }));
  });

  it('binds a value to its row and field (AAD): moved elsewhere it does not decrypt', () => {
    const value = cipher.encrypt('Vertraulich', aad);
    expect(() => cipher.decrypt(value, fieldAad('conversation', '8f0c2f55-3c5e-4b8e-9d0c-0c1e2b3a4d60', 'note'))).toThrow(FieldDecryptionError);
    expect(() => cipher.decrypt(value, fieldAad('conversation', '8f0c2f55-3c5e-4b8e-9d0c-0c1e2b3a4d5f', 'agreements'))).toThrow(FieldDecryptionError);
  });

  it('detects tampering with the ciphertext, the tag or the iv', () => {
    const value = cipher.encrypt('Vertraulich und länger als ein Block', aad);
    const parts = value.split(':');
    for (const index of [2, 3, 4]) {
      const bytes = Buffer.from(parts[index] as string, 'base64');
      bytes[0] = (bytes[0] as number) ^ 1;
      const tampered = parts.map((p, i) => (i === index ? bytes.toString('base64') : p)).join(':');
      expect(() => cipher.decrypt(tampered, aad)).toThrow(FieldDecryptionError);
    }
  });

  it.each(['', 'plain text', 'v2:a1:AAAA:AAAA:AAAA', 'v1:a1:not base64!:x:y', 'v1:a1:AAAA:AAAAAAAAAAAAAAAAAAAAAA==:AAAA'])('refuses the malformed value %j', (value) => {
    expect(() => cipher.decrypt(value, aad)).toThrow(FieldDecryptionError);
  });

  it('error messages carry no part of the value', () => {
    const value = cipher.encrypt('Geheimnis', aad);
    try {
      cipherWith(`a1:${secret()}`, 'a1').decrypt(value, aad);
      throw new Error('decrypted with a wrong key');
    } catch (error) {
      expect((error as Error).message).not.toContain(value.split(':')[4]);
      expect((error as Error).message).not.toContain('Geheimnis');
    }
  });

  it('re-encrypts values of an older key under the active one; keeps current values', () => {
    const old = cipher.encrypt('Alte Notiz', aad);
    const rotated = cipherWith(`${keysA},${keysB}`, 'b1');
    const moved = rotated.reencrypt(old, aad);
    expect(rotated.keyIdOf(moved)).toBe('b1');
    expect(rotated.decrypt(moved, aad)).toBe('Alte Notiz');
    expect(rotated.reencrypt(moved, aad)).toBe(moved);
    expect(() => cipherWith(keysB, 'b1').decrypt(old, aad)).toThrow(FieldDecryptionError);
  });
});
