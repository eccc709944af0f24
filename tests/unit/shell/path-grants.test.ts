import { describe, expect, it } from 'vitest';
import { WorkbenchError } from '../../../electron/core/api/errors';
import { droppedPaths, PathGrants } from '../../../electron/main/path-grants';

describe('file paths from the renderer', () => {
  it('refuses import.file for a path the user never chose, with a message saying what to do', () => {
    const grants = new PathGrants();
    let refusal: unknown;
    try {
      grants.check('import.file', { path: '/home/ana/.ssh/id_ed25519' });
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(WorkbenchError);
    expect((refusal as WorkbenchError).code).toBe('FORBIDDEN');
    expect((refusal as WorkbenchError).message).toMatch(/Import dialog or dropped/);
  });

  it('accepts a path the dialog returned or a drop reported, again and again (password retries)', () => {
    const grants = new PathGrants();
    grants.grant(['/home/ana/Papers/brief.pdf']);
    grants.grant(droppedPaths(['/home/ana/Desktop/interview.docx']));
    for (let i = 0; i < 2; i++) {
      expect(() => grants.check('import.file', { path: '/home/ana/Papers/brief.pdf', password: 'x' })).not.toThrow();
      expect(() => grants.check('import.file', { path: '/home/ana/Desktop/interview.docx' })).not.toThrow();
    }
  });

  it('matches the path itself, not a look-alike: a sibling, a parent, or a path climbing back in', () => {
    const grants = new PathGrants();
    grants.grant(['/home/ana/Papers/brief.pdf']);
    for (const path of ['/home/ana/Papers/brief.pdf.bak', '/home/ana/Papers', '/home/ana/Papers/other.pdf', '/home/ana/Papers/../.bashrc', '', 42, undefined]) {
      expect(() => grants.check('import.file', { path }), String(path)).toThrow(WorkbenchError);
    }
    // The same file named through a redundant segment is the same grant.
    expect(() => grants.check('import.file', { path: '/home/ana/Papers/./brief.pdf' })).not.toThrow();
  });

  it('refuses to write an anonymisation key to a path the user never chose, but lets the key come back to the page', () => {
    const grants = new PathGrants();
    const replacements = [{ real: 'Arben', pseudonym: 'Besnik' }];
    expect(() => grants.check('interviews.anonymise', { docId: 'imp-1', replacements, keyPath: '/home/ana/.bashrc' })).toThrow(WorkbenchError);
    expect(() => grants.check('interviews.anonymise', { docId: 'imp-1', replacements })).not.toThrow();
  });

  it('guards the REFI-QDA project import and an export to a path, but not an export handed back to the page', () => {
    const grants = new PathGrants();
    expect(() => grants.check('exchange.importProject', { path: '/home/ana/.config/secrets.qdpx' })).toThrow(WorkbenchError);
    expect(() => grants.check('exchange.exportProject', { out: '/home/ana/.bashrc' })).toThrow(WorkbenchError);
    expect(() => grants.check('exchange.exportProject', { format: 'qdpx' })).not.toThrow();
    grants.grant(['/home/ana/Projects/north.qdpx']);
    expect(() => grants.check('exchange.importProject', { path: '/home/ana/Projects/north.qdpx' })).not.toThrow();
  });

  it('guards a recording’s transcript as it guards the recording, and the transcript added later', () => {
    const grants = new PathGrants();
    grants.grant(['/home/ana/Recordings/interview-3.ogg']);
    expect(() => grants.check('import.file', { path: '/home/ana/Recordings/interview-3.ogg', transcript: '/home/ana/.ssh/id_ed25519' })).toThrow(WorkbenchError);
    expect(() => grants.check('import.addTranscript', { docId: 'imp-abc', path: '/home/ana/Recordings/interview-3.vtt' })).toThrow(WorkbenchError);
    grants.grant(['/home/ana/Recordings/interview-3.vtt']);
    expect(() => grants.check('import.file', { path: '/home/ana/Recordings/interview-3.ogg', transcript: '/home/ana/Recordings/interview-3.vtt' })).not.toThrow();
    expect(() => grants.check('import.addTranscript', { docId: 'imp-abc', path: '/home/ana/Recordings/interview-3.vtt' })).not.toThrow();
  });

  it('lets methods without paths through, and checks nothing else', () => {
    const grants = new PathGrants();
    expect(() => grants.check('import.bytes', { fileName: 'a.pdf', base64: 'JVBERg==' })).not.toThrow();
    expect(() => grants.check('search.query', { query: 'x' })).not.toThrow();
    expect(() => grants.check(undefined, undefined)).not.toThrow();
  });

  it('takes from a drop report only well-formed paths', () => {
    expect(droppedPaths(['/a.pdf', 7, '', 'x\0y', '/b.md'])).toEqual(['/a.pdf', '/b.md']);
    expect(droppedPaths('/a.pdf')).toEqual([]);
    expect(droppedPaths(Array.from({ length: 1001 }, () => '/a.pdf'))).toEqual([]);
  });
});
