import { HttpHeaders, HttpResponse } from '@angular/common/http';
import { OBJECT_URL_LIFETIME_MS, downloadFileName, saveDownload } from './save-download';

describe('downloadFileName', () => {
  it('prefers the UTF-8 name, then the plain one, and keeps no path', () => {
    expect(downloadFileName(`attachment; filename="x.pdf"; filename*=UTF-8''Bericht%202025.pdf`, 'f')).toBe('Bericht 2025.pdf');
    expect(downloadFileName('attachment; filename="evaluation.csv"', 'f')).toBe('evaluation.csv');
    expect(downloadFileName('attachment; filename=plan.pdf', 'f')).toBe('plan.pdf');
    expect(downloadFileName('attachment; filename="../../etc/passwd"', 'f')).toBe('passwd');
  });

  it('falls back without a usable header', () => {
    expect(downloadFileName(null, 'bericht.pdf')).toBe('bericht.pdf');
    expect(downloadFileName('attachment', 'bericht.pdf')).toBe('bericht.pdf');
    expect(downloadFileName(`attachment; filename*=UTF-8''%E0%A4%A`, 'bericht.pdf')).toBe('bericht.pdf');
  });
});

describe('saveDownload', () => {
  const createObjectURL = jest.fn(() => 'blob:test/1');
  const revokeObjectURL = jest.fn();

  beforeEach(() => {
    jest.useFakeTimers();
    Object.assign(URL, { createObjectURL, revokeObjectURL });
  });

  afterEach(() => {
    jest.useRealTimers();
    jest.restoreAllMocks();
    createObjectURL.mockClear();
    revokeObjectURL.mockClear();
  });

  it('clicks a temporary download link on an object URL, removes it and revokes the URL later', () => {
    const clicked: { href: string; download: string; attached: boolean }[] = [];
    jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push({ href: this.href, download: this.download, attached: document.body.contains(this) });
    });
    const blob = new Blob(['%PDF-1.7'], { type: 'application/pdf' });
    const response = new HttpResponse({ body: blob, headers: new HttpHeaders({ 'Content-Disposition': 'attachment; filename="bericht.pdf"' }) });

    expect(saveDownload(response, 'fallback.pdf')).toBe('bericht.pdf');

    expect(createObjectURL).toHaveBeenCalledWith(blob);
    expect(clicked).toEqual([{ href: 'blob:test/1', download: 'bericht.pdf', attached: true }]);
    expect(document.querySelector('a[download]')).toBeNull();
    expect(revokeObjectURL).not.toHaveBeenCalled();
    jest.advanceTimersByTime(OBJECT_URL_LIFETIME_MS);
    expect(revokeObjectURL).toHaveBeenCalledWith('blob:test/1');
  });
});
