import { describe, expect, it } from 'vitest';
import { compareVersions, isValidVersion, versionSortKey } from './version.js';

describe('isValidVersion (ES relaxed SemVer)', () => {
  const cases: Array<[string, boolean]> = [
    ['1.2.3', true],
    ['1.2', true],
    ['1', true],
    ['1.2.3.4', true],
    ['0.0.0', true],
    ['1.2.3-alpha', true],
    ['1.2.3-alpha.1', true],
    ['1.2.3-0.3.7', true],
    ['1.2.3-x-y-z.--', true],
    ['1.2.4-SNAPSHOT', true],
    ['1.2.3+build.5', true],
    ['1.2.3-rc.1+build-5', true],
    ['1.0.0-alpha+001', true],
    ['bad', false],
    ['', false],
    ['01.2.3', false], // leading zero
    ['1.02.3', false],
    ['1.2.3-01', false], // numeric pre-release identifier with leading zero
    ['1.2.alpha.4', false],
    ['1.2.3-', false],
    ['1.2.3+', false],
    ['1.2.3-a..b', false],
    ['1..2', false],
    ['v1.2.3', false],
    ['-1.2.3', false],
    ['+1.2.3', false],
    ['1.2.3 ', false],
    [`${'1.'.repeat(31)}1`, true], // 32 identifiers
    [`${'1.'.repeat(32)}1`, false], // 33: ES refuses to parse (stack safety)
    [`1.${'9'.repeat(128)}`, false], // ES rejects digit runs of 128+
  ];
  it.each(cases)('%j → %s', (v, valid) => {
    expect(isValidVersion(v)).toBe(valid);
  });
});

describe('compareVersions', () => {
  // Each list is in ascending ES order.
  const orders: Array<[string, string[]]> = [
    ['numeric parts', ['1.2.3', '1.5.0', '1.11.3', '2.0.0', '10.0.0', '20.1.0', '20.2.0', '20.10.0']],
    ['conformance data (extra)', ['1.2.4-SNAPSHOT', '1.2.4', '1.5.0', '1.11.3', 'bad']],
    ['pre-release precedence (SemVer §11 example)', ['1.0.0-alpha', '1.0.0-alpha.1', '1.0.0-alpha.beta', '1.0.0-beta', '1.0.0-beta.2', '1.0.0-beta.11', '1.0.0-rc.1', '1.0.0']],
    ['numeric pre-release identifiers before alphanumeric', ['1.0.0-1', '1.0.0-2', '1.0.0-10', '1.0.0-a']],
    ['fewer parts first', ['1.2', '1.2.0', '1.2.0.0']],
    ['shorter version pre-release first', ['1.2-rc', '1.2', '1.2.0-rc', '1.2.0', '1.2.1']],
    ['build metadata counts (ES, unlike SemVer)', ['1.0.0', '1.0.0+a', '1.0.0+b', '1.0.1-rc']],
    ['pre-release compared byte-wise as a whole', ['1.0.0-alpha-1', '1.0.0-alpha.1']],
    ['invalid after valid, empty first among invalid', ['99999.0.0', '', '1.2.alpha', 'bad', 'zzz', 'é']],
  ];
  it.each(orders)('%s', (_name, list) => {
    for (let i = 0; i < list.length; i++) {
      for (let j = 0; j < list.length; j++) {
        const c = compareVersions(list[i], list[j]);
        expect(Math.sign(c), `${list[i]} vs ${list[j]}`).toBe(Math.sign(i - j));
      }
    }
    const shuffled = [...list].reverse();
    expect(shuffled.sort(compareVersions)).toEqual(list);
  });

  it('equal strings compare equal, distinct strings never do', () => {
    expect(compareVersions('1.2.3', '1.2.3')).toBe(0);
    expect(compareVersions('bad', 'bad')).toBe(0);
    expect(compareVersions('1.2.3', '1.2.3+0')).not.toBe(0);
  });

  it('sort keys are byte strings usable with < and as Map keys', () => {
    const key = versionSortKey('1.11.3');
    expect([...key].every((c) => c.charCodeAt(0) < 256)).toBe(true);
    expect(versionSortKey('1.5.0') < key).toBe(true);
    expect(versionSortKey('bad') > key).toBe(true);
    expect(versionSortKey('日本')).toBe('\xe6\x97\xa5\xe6\x9c\xac');
  });
});
