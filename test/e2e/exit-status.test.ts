import { describe, expect, it } from 'vitest';
import { runEql } from '../support/run-cli.js';

/** `eql --help` and `eql query --help` describe the exit statuses as the commands give them. */

describe('exit statuses in the help', () => {
  it('eql --help states them for every command', () => {
    const r = runEql(['--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Exit status: 0 when all went well; 1 when a query has an error');
    expect(r.stdout).toContain('2 for a usage error or input that cannot be read');
  });

  it('eql query --help names every case of 2, and deep or long queries as query errors (1)', () => {
    const help = runEql(['query', '--help']).stdout;
    expect(help).toMatch(/1 for an error in the query \(also one nested or chained too deeply\)/);
    expect(help).toMatch(/not sorted by timestamp/);
  });

  it('the statuses are what the commands give', () => {
    expect(runEql(['query', 'process where (', 'examples/msiexec-events.ndjson']).status).toBe(1);
    expect(runEql(['query', 'process where true', 'no-such-file.ndjson']).status).toBe(2);
    expect(runEql(['check', 'no-such-file.eql']).status).toBe(2);
    expect(runEql(['query', '--bogus']).status).toBe(2);
  });
});
