import { spawnSync } from 'node:child_process';
import path from 'node:path';

// Simulates a bare container (no system fonts) by hiding /usr/share/fonts in a private mount
// namespace. Needs root and unshare; skipped elsewhere.
const probe = spawnSync('unshare', ['-m', 'sh', '-c', 'mount -t tmpfs none /usr/share/fonts'], {
  encoding: 'utf8',
});
const canIsolate = probe.status === 0;

(canIsolate ? describe : describe.skip)('rendering with only the shipped font', () => {
  it('draws text with no system fonts installed', () => {
    const child = path.join(__dirname, 'helpers', 'no-system-fonts-child.js');
    const res = spawnSync(
      'unshare',
      ['-m', 'sh', '-c', `mount -t tmpfs none /usr/share/fonts && exec node "${child}"`],
      { cwd: path.join(__dirname, '..', '..'), encoding: 'utf8', timeout: 60_000 },
    );
    expect(res.stderr).toBe('');
    const out = JSON.parse(res.stdout) as { systemFamilies: number; families: string[]; differs: boolean };
    expect(out.systemFamilies).toBe(0);
    expect(out.families).toContain('Northstat Sans');
    // Only a changed title: the PNG changes only if text is really drawn.
    expect(out.differs).toBe(true);
  });
});
