import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { repoRoot } from '../support/shared.js';

/**
 * A data file without read permission is reported plainly (exit 2). Root reads every file whatever its mode, so as
 * root (CI) the command runs as the unprivileged user `nobody` (uid 65534) — the test runs everywhere, never skips.
 */

const dir = mkdtempSync(join(tmpdir(), 'eqlkit-unreadable-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('reports a data file it may not read, and reads the others', () => {
  chmodSync(dir, 0o755);
  const ok = join(dir, 'ok.ndjson');
  const secret = join(dir, 'secret.ndjson');
  for (const f of [ok, secret]) writeFileSync(f, '{"@timestamp": 1700000000000, "event": {"category": "process"}, "id": 1}\n', { mode: 0o644 });
  chmodSync(secret, 0o000);
  const asNobody = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
  const r = spawnSync(process.execPath, [join(repoRoot, 'packages/cli/bin/eql.cjs'), 'query', '--format', 'ndjson', 'process where true', secret, ok], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    ...asNobody,
  });
  expect(r.stderr).toContain(`${secret}: permission denied`);
  expect(r.stdout.trim().split('\n')).toHaveLength(1);
  expect(r.status).toBe(2);
});
