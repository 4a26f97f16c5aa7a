/** Dialog width: 32rem, or the whole width of a narrow screen (tablet portrait and below). */
export function dialogSize(): { width: string; maxWidth: string } {
  return { width: '32rem', maxWidth: '95vw' };
}
