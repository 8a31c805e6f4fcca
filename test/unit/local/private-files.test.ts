import { chmodSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makePrivateDir, writePrivateFile } from '#local/emulators/private-files.ts';

const mode = (path: string) => statSync(path).mode & 0o777;

describe('files that hold secrets', () => {
  it('are written owner-only, also over a file anyone could read', () => {
    const dir = mkdtempSync(join(tmpdir(), 'portico-private-'));
    const fresh = join(dir, 'fresh.json');
    const older = join(dir, 'older.json');
    writeFileSync(older, 'old', { mode: 0o644 });
    chmodSync(older, 0o644);

    writePrivateFile(fresh, 'secret');
    writePrivateFile(older, 'new secret');

    expect([mode(fresh), mode(older)]).toEqual([0o600, 0o600]);
    expect(readFileSync(older, 'utf8')).toBe('new secret');
  });

  it('live in folders made owner-only, also existing ones', () => {
    const parent = mkdtempSync(join(tmpdir(), 'portico-private-'));
    const existing = join(parent, 'existing');
    mkdirSync(existing, { mode: 0o755 });
    chmodSync(existing, 0o755);

    makePrivateDir(existing);
    makePrivateDir(join(parent, 'new', 'nested'));

    expect([mode(existing), mode(join(parent, 'new', 'nested'))]).toEqual([0o700, 0o700]);
  });
});
