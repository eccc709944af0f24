import { describe, expect, it } from 'vitest';
import { safeLinkTarget } from '../../../electron/core/text/safe-link';

describe('link targets in exports', () => {
  it('keeps web and mail links and anchors', () => {
    for (const href of ['https://www.kcss.org/report.pdf', 'http://example.org', 'HTTPS://EXAMPLE.ORG', 'mailto:someone@example.org', '#fn-1']) {
      expect(safeLinkTarget(href)).toBe(href);
    }
    expect(safeLinkTarget('  https://example.org/a  ')).toBe('https://example.org/a');
  });

  it('drops script, data and other schemes, however they are disguised', () => {
    const hostile = [
      'javascript:alert(1)',
      'JavaScript:alert(1)',
      ' javascript:alert(1)',
      'java\tscript:alert(1)',
      'java\nscript:alert(1)',
      '\u0001javascript:alert(1)',
      'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
      'vbscript:msgbox(1)',
      'file:///etc/passwd',
      'app://workbench/index.html',
      'relative/path.html',
      '//evil.example/',
      '',
    ];
    for (const href of hostile) expect(safeLinkTarget(href), JSON.stringify(href)).toBeUndefined();
    expect(safeLinkTarget(undefined)).toBeUndefined();
    expect(safeLinkTarget(42)).toBeUndefined();
  });
});
