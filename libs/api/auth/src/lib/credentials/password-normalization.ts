/**
 * NIST SP 800-63B 5.1.1.2: passwords are Unicode-normalised (NFKC) before they
 * are checked or hashed, so the same password typed on another keyboard or OS
 * (composed "ü" vs "u" + combining diaeresis, full-width digits) still matches.
 * Hashing and verifying both go through this — never hash a password directly.
 */
export function normalizePassword(password: string): string {
  return password.normalize('NFKC');
}
