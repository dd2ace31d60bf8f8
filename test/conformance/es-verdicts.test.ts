import { describe, expect, it } from 'vitest';
import { checkText } from '../../packages/core/src/check/check.js';
import type { Diagnostic } from '../../packages/core/src/diagnostics/diagnostic.js';
import { parse } from '../../packages/core/src/parse.js';
import { parseMapping } from '../../packages/core/src/schema/mapping.js';
import { buildSchema } from '../../packages/core/src/schema/schema.js';

/**
 * Elasticsearch's verdict on queries from its own EQL test sources (x-pack/plugin/eql: VerifierTests,
 * QueryTranslatorFailTests, LogicalPlanTests, ExpressionTests and the parser resources queries-supported.eql /
 * queries-unsupported.eql), recorded here as data: `eql check --strict` must reject exactly what Elasticsearch
 * rejects. Three verdicts:
 * - `ok`: Elasticsearch runs the query: no error, even under `strict`;
 * - `rejects`: its parser or verifier refuses the query: an error under `strict` (the code when given);
 * - `fails`: its verifier accepts the query but the search then fails on the index (a term query whose value the
 *   field cannot parse, a binary field): an error in every mode (docs/semantics.md, "What --strict means").
 */

/** The field types of Elasticsearch's test mappings (mapping-default/-numeric/-boolean/-date/-range/-geo/-ip/-multi-field/-nested/-object/-binary), as one mapping. */
const ES_TEST_MAPPING = {
  properties: {
    '@timestamp': { type: 'date' },
    event: { properties: { category: { type: 'keyword' } } },
    bool: { type: 'boolean' },
    command_line: { type: 'keyword' },
    md5: { type: 'keyword' },
    pid: { type: 'long' },
    ppid: { type: 'long' },
    opcode: { type: 'long' },
    exit_code: { type: 'long' },
    serial_event_id: { type: 'long' },
    process_name: { type: 'keyword' },
    process_path: { type: 'keyword' },
    parent_process_name: { type: 'keyword' },
    user_name: { type: 'keyword' },
    user_domain: { type: 'keyword' },
    bytes_written_string_list: { type: 'keyword' },
    hostname: { type: 'text', fields: { keyword: { type: 'keyword', ignore_above: 256 } } },
    file_name: { type: 'text', fields: { keyword: { type: 'keyword', ignore_above: 256 } } },
    plain_text: { type: 'text' },
    source_address: { type: 'ip' },
    constant_keyword: { type: 'constant_keyword' },
    long_field: { type: 'long' },
    integer_field: { type: 'integer' },
    short_field: { type: 'short' },
    byte_field: { type: 'byte' },
    double_field: { type: 'double' },
    float_field: { type: 'float' },
    half_float_field: { type: 'half_float' },
    scaled_float_field: { type: 'scaled_float', scaling_factor: 100 },
    boolean_field: { type: 'boolean' },
    blob: { type: 'binary' },
    date: { type: 'date' },
    date_dmy: { type: 'date', format: 'dd-MM-yyyy' },
    date_nanos_field: { type: 'date_nanos' },
    integer_range_field: { type: 'integer_range' },
    float_range_field: { type: 'float_range' },
    long_range_field: { type: 'long_range' },
    double_range_field: { type: 'double_range' },
    date_range_field: { type: 'date_range' },
    ip_range_field: { type: 'ip_range' },
    location: { type: 'geo_point' },
    site: { type: 'geo_shape' },
    ip_addr: { type: 'ip' },
    endgame: { properties: { pid: { type: 'long' } } },
    processes: { type: 'nested', properties: { pid: { type: 'long' }, path: { type: 'text', fields: { keyword: { type: 'keyword' } } } } },
    multi_field: { type: 'text', fields: { raw: { type: 'keyword' }, english: { type: 'text', analyzer: 'english' } } },
    multi_field_options: { type: 'text', fields: { raw: { type: 'keyword' }, key: { type: 'keyword' } } },
    multi_field_ambiguous: {
      type: 'text',
      fields: { one: { type: 'keyword' }, two: { type: 'keyword' }, normalized: { type: 'keyword', normalizer: 'some_normalizer' } },
    },
    multi_field_nested: {
      type: 'nested',
      properties: {
        dep_name: { type: 'text' },
        dep_id: { type: 'text', fields: { keyword: { type: 'keyword', ignore_above: 256 } } },
        end_date: { type: 'date' },
      },
    },
  },
};

const schema = buildSchema([parseMapping(ES_TEST_MAPPING, 'es-tests').layer]);

type Verdict = 'ok' | 'rejects' | 'fails';
type Case = readonly [query: string, verdict: Verdict, code?: string];

const errors = (ds: readonly Diagnostic[]) => ds.filter((d) => d.severity === 'error');
const show = (ds: readonly Diagnostic[]) => ds.map((d) => `${d.severity} ${d.code}: ${d.message}`).join('\n');

/** With the ES test mapping: the analyzer/verifier level (VerifierTests, QueryTranslatorFailTests). */
const withMapping: Case[] = [
  // VerifierTests
  ['foo where true', 'ok'],
  ['any where bool', 'ok'],
  ['any where pid', 'rejects', 'eql/condition-type'],
  ['any where @timestamp', 'rejects', 'eql/condition-type'],
  ['any where command_line', 'rejects', 'eql/condition-type'],
  ['any where hostname', 'rejects', 'eql/condition-type'],
  ['any where constant_keyword', 'rejects', 'eql/condition-type'],
  ['any where source_address', 'rejects', 'eql/condition-type'],
  ['42 where true', 'rejects'],
  ['foo where xxx == 100', 'rejects', 'eql/unknown-field'],
  ['foo where md4 == 1', 'rejects', 'eql/unknown-field'],
  ['process where opcode==1 and process_name == "csrss.exe"\n  and descendant of [file where file_name == "csrss.exe" and opcode==0]', 'rejects', 'eql/lineage-unsupported'],
  ['registry where arrayContains(bytes_written_string_list, "En")', 'rejects', 'eql/unknown-function'],
  ['registry where arraySearch(bytes_written_string_list, bytes_written_string_list, true)', 'rejects', 'eql/unknown-function'],
  ['network where safe(process_name)', 'rejects', 'eql/unknown-function'],
  ['registry where length(bytes_written_string_list) > 0 and bytes_written_string_list[0] == "EN-us"', 'rejects', 'eql/array-index'],
  ['?x where true', 'rejects'],
  ['process where serial_event_id == 1', 'ok'],
  ['process where serial_event_id < 4', 'ok'],
  ['process where exit_code > -1', 'ok'],
  ['process where -1 < exit_code', 'ok'],
  ['process where process_name == "impossible name" or (serial_event_id < 4.5 and serial_event_id >= 3.1)', 'ok'],
  ['process where (serial_event_id<=8 and not serial_event_id > 7) and (opcode==3 and opcode>2)', 'ok'],
  ['process where not (exit_code > -1)\n  and serial_event_id in (58, 64, 69, 74, 80, 85, 90, 93, 94)', 'ok'],
  ['file where serial_event_id == 82 and (true == (process_name in ("svchost.EXE", "bad.exe", "bad2.exe")))', 'ok'],
  ['process where process_path == "*\\\\MACHINE\\\\SAM\\\\SAM\\\\*\\\\Account\\\\Us*ers\\\\00*03E9\\\\F"', 'ok'],
  ['file where serial_event_id - 1 == 81', 'ok'],
  ['file where serial_event_id * 2 == 164', 'ok'],
  ['file where serial_event_id % 40 == 2', 'ok'],
  ['file where ?foo == 123', 'ok'],
  ['file where ?foo == null', 'ok'],
  ['file where ?`?foo` == null', 'ok'],
  ['file where serial_event_id == 82 and (true == (?bar in ("abc", "xyz")))', 'ok'],
  ['file where concat(?foo, "test", ?bar) == "onetest!"', 'ok'],
  // "Mismatched type, still ok" for the verifier; the term query then cannot parse "abcdef" as a long.
  ['process where serial_event_id == "abcdef"', 'fails', 'eql/type-mismatch'],
  ['foo where long_field == 0', 'ok'],
  ['foo where integer_field == 0', 'ok'],
  ['foo where short_field == 0', 'ok'],
  ['foo where byte_field == 0', 'ok'],
  ['foo where double_field == 0', 'ok'],
  ['foo where float_field == 0', 'ok'],
  ['foo where half_float_field == 0', 'ok'],
  ['foo where scaled_float_field == 0', 'ok'],
  ['foo where date == "2020-02-02"', 'ok'],
  ['foo where date == "20200241"', 'ok'],
  ['foo where date == "2020-02-41"', 'fails', 'eql/type-mismatch'],
  ['foo where date == ""', 'fails', 'eql/type-mismatch'],
  ['foo where date_dmy == "02-02-2020"', 'ok'],
  ['foo where date_dmy == "2020-02-02"', 'fails', 'eql/type-mismatch'],
  ['foo where date_nanos_field == "2020-02-02"', 'ok'],
  ['foo where boolean_field == true', 'ok'],
  ['foo where boolean_field == "bar"', 'fails', 'eql/type-mismatch'],
  ['foo where boolean_field == 0', 'fails', 'eql/type-mismatch'],
  ['foo where boolean_field == 123456', 'fails', 'eql/type-mismatch'],
  ['foo where blob == ""', 'fails', 'eql/unsupported-field-type'],
  ['foo where blob == 0', 'fails', 'eql/unsupported-field-type'],
  ['foo where integer_range_field == ""', 'rejects', 'eql/unsupported-field-type'],
  ['foo where float_range_field == ""', 'rejects', 'eql/unsupported-field-type'],
  ['foo where long_range_field == ""', 'rejects', 'eql/unsupported-field-type'],
  ['foo where double_range_field == ""', 'rejects', 'eql/unsupported-field-type'],
  ['foo where date_range_field == ""', 'rejects', 'eql/unsupported-field-type'],
  ['foo where ip_range_field == ""', 'rejects', 'eql/unsupported-field-type'],
  ['foo where long_field in (1, "string")', 'rejects', 'eql/type-mismatch'],
  ['foo where endgame.pid == 0', 'ok'],
  ['foo where endgame.pi == 0', 'rejects', 'eql/unknown-field'],
  ['foo where processes == 0', 'rejects', 'eql/unsupported-field-type'],
  ['foo where processes.pid == 0', 'rejects', 'eql/unsupported-field-type'],
  ['foo where processe.pid == 0', 'rejects', 'eql/unknown-field'],
  ['foo where location == 0', 'rejects', 'eql/unsupported-field-type'],
  ['foo where site == 0', 'rejects', 'eql/unsupported-field-type'],
  ['foo where ip_addr == 0', 'fails', 'eql/type-mismatch'],
  ['foo where multi_field.raw == "bar"', 'ok'],
  ['foo where multi_field.english == "bar"', 'rejects', 'eql/text-field'],
  ['foo where multi_field_options.raw == "bar"', 'ok'],
  ['foo where multi_field_options.key == "bar"', 'ok'],
  ['foo where multi_field_ambiguous.one == "bar"', 'ok'],
  // QL's TextEsField: a text field with several exact keyword multi-fields compares through none
  ['foo where multi_field_ambiguous == "bar"', 'rejects', 'eql/text-field'],
  ['foo where multi_field_options == "bar"', 'rejects', 'eql/text-field'],
  ['foo where multi_field == "bar"', 'ok'],
  ['foo where hostname == "bar"', 'ok'],
  ['foo where multi_field_ambiguous.two == "bar"', 'ok'],
  ['foo where multi_field_ambiguous.normalized == "bar"', 'rejects', 'eql/unsupported-field-type'],
  ['foo where multi_field_nested.dep_name == "bar"', 'rejects', 'eql/unsupported-field-type'],
  ['foo where multi_field_nested.dep_id.keyword == "bar"', 'rejects', 'eql/unsupported-field-type'],
  ['foo where multi_field_nested.end_date == ""', 'rejects', 'eql/unsupported-field-type'],
  ['process where string(multi_field.english) == "foo"', 'rejects', 'eql/text-field'],
  ['foo where pid : 123', 'rejects', 'eql/operator-type'],
  ['sequence [process where true] by pid [process where true] by md5', 'rejects', 'eql/join-key-type'],
  ['sequence [process where true] by hostname [process where true] by user_domain', 'ok'],
  ['sequence [process where true] by @timestamp [process where true] by opcode', 'rejects', 'eql/join-key-type'],
  // QueryTranslatorFailTests
  ['process where between() == "yst"', 'rejects', 'eql/function-arity'],
  ['process where between(process_name) == "yst"', 'rejects', 'eql/function-arity'],
  ['process where between(process_name, "s") == "yst"', 'rejects', 'eql/function-arity'],
  ['process where between(process_name, "s", "e", false, false) == "yst"', 'rejects', 'eql/function-arity'],
  ['process where between(process_name, 1, 2)', 'rejects', 'eql/argument-type'],
  ['process where between(process_name, "s", 2)', 'rejects', 'eql/argument-type'],
  ['process where between(process_name, "s", "e", 1)', 'rejects', 'eql/argument-type'],
  ['process where between(process_name, "s", "e", "true")', 'rejects', 'eql/argument-type'],
  ['process where cidrMatch(source_address, hostname)', 'rejects', 'eql/literal-argument'],
  ['process where cidrMatch(source_address)', 'rejects', 'eql/function-arity'],
  ['process where cidrMatch(hostname, "10.0.0.0/8")', 'rejects', 'eql/argument-type'],
  ['process where cidrMatch(source_address, 12345)', 'rejects', 'eql/argument-type'],
  ['process where concat(plain_text)', 'rejects', 'eql/text-field'],
  ['process where endsWith(plain_text, "foo") == true', 'rejects', 'eql/text-field'],
  ['process where indexOf(plain_text, "foo") == 1', 'rejects', 'eql/text-field'],
  ['process where indexOf("bla", plain_text) == 1', 'rejects', 'eql/text-field'],
  ['process where length(plain_text) > 0', 'rejects', 'eql/text-field'],
  ['process where match(plain_text, "foo.*")', 'rejects', 'eql/unknown-function'],
  ['process where number(pid) == 1', 'rejects', 'eql/argument-type'],
  ['process where number(process_name, 1.0) == 1', 'rejects', 'eql/argument-type'],
  ['process where number(plain_text) == 1', 'rejects', 'eql/text-field'],
  ['process where (serial_event_id<9 and serial_event_id >= 7) or (opcode == pid)', 'rejects', 'eql/field-comparison'],
  ['process where opcode in (1,3) and process_name in (parent_process_name, "SYSTEM")', 'rejects', 'eql/field-comparison'],
  ['sequence with maxspan=1s by key [a where true] [b where true]', 'rejects'],
  ['sequence with maxspan=30 [a where true] [b where true]', 'rejects', 'eql/maxspan-no-unit'],
  ['process where startsWith(plain_text, "foo") == true', 'rejects', 'eql/text-field'],
  ['process where stringContains()', 'rejects', 'eql/function-arity'],
  ['process where stringContains(process_name, 1)', 'rejects', 'eql/argument-type'],
  ['process where pid like "*.exe"', 'rejects', 'eql/operator-type'],
  ['sequence [any where true]', 'rejects', 'eql/sequence-too-short'],
  ['sequence [any where true] with repeat=123', 'rejects'],
  // LogicalPlanTests / ExpressionTests
  ['sample by pid [process where process_name == "*"] by hostname [file where file_name == "*"] by user_name', 'ok'],
  ['any where true | head 2147483647', 'ok'],
  ['any where true | head 2147483648-1', 'ok'],
  ['any where true | tail 2147483648-1', 'ok'],
  ['any where true | head -1', 'rejects', 'eql/pipe-argument'],
  ['any where true | head 1.5', 'rejects', 'eql/pipe-argument'],
  ['sequence [any where true] with runs=2 [any where true]', 'ok'],
  ['any where pid > 100000000000000000000000000000000', 'ok'],
  ['any where 1 * -2 <= -3 * 4', 'ok'],
  ['any where pid == 2.0', 'ok'],
  ['any where pid = 2.0', 'rejects', 'eql/assign-equality'],
  ['any where pid < ppid < 3', 'rejects', 'eql/chained-comparison'],
  ['any where process_name in ()', 'rejects'],
  ["any where process_name == 'hello world'", 'rejects', 'eql/single-quoted-string'],
  ["any where process_name == ?'hello world'", 'rejects', 'eql/endgame-string'],
  ['any where process_name == ?"hello world"', 'rejects', 'eql/endgame-string'],
  ['any where process_name == "\\u{D}"', 'rejects', 'eql/invalid-unicode-escape'],
  ['any where process_name == "\\u{10000000}"', 'rejects', 'eql/invalid-unicode-escape'],
  ['any where process_name == "\\u{d800}"', 'rejects', 'eql/invalid-unicode-escape'],
  ['`identifier` where pid == 1', 'rejects'],
  ['any where `wrong_identifier == true', 'rejects'],
  ['process where true | unique process_name', 'rejects', 'eql/legacy-pipe'],
];

describe('Elasticsearch verdicts, with its test mappings (strict)', () => {
  it.each(withMapping.map(([q, v, c]) => [q, v, c ?? ''] as const))('%s → %s', (query, verdict, code) => {
    const ds = checkText(query, { schema, strict: true }).diagnostics;
    if (verdict === 'ok') {
      expect(errors(ds), show(ds)).toEqual([]);
      return;
    }
    expect(errors(ds).length, show(ds)).toBeGreaterThan(0);
    if (code) expect(errors(ds).map((d) => d.code), show(ds)).toContain(code);
    if (verdict === 'fails') {
      // A search that fails is an error without --strict too.
      expect(errors(checkText(query, { schema }).diagnostics).length).toBeGreaterThan(0);
    }
  });
});

/** queries-unsupported.eql: Elasticsearch's parser throws on each ("… not supported"). No schema: fields are unknown. */
const unsupported: string[] = [
  'process where true | count',
  'process where true | count process_name',
  'process where true | unique process_name, command_line',
  'network where true\n| unique destination_address, destination_port\n| filter timestamp_utc >= "2018-05-01"',
  'process where true | unique_count process_name | filter count < 5',
  'process where process_name == "powershell.exe"\n| unique command_line\n| head 50',
  'file where true | sort file_name',
  'network where total_out_bytes > 100000000\n| sort total_out_bytes\n| tail 5',
  'process where descendant of [process where process_name == "lsass.exe"] and process_name == "cmd.exe"',
  'dns where pid == 100 | head 100 | tail 50 | unique pid',
  'security where user_domain == "endgame" | count user_name, a, b | tail 5',
  'process where 1==1 | count user_name, unique_pid, concat(field2,a,bc)',
  'process where true | filter true',
  'process where 1==1 | filter abc == def and 1 != 2',
  'any where true | unique a, b, c | sort a, b, c | count',
  'file where child of [registry where true]',
  'file where event of [registry where true]',
  'file where descendant of [registry where true]',
  'sequence by unique_pid [process where true] [file where true] fork=true',
  'sequence by unique_pid [process where true] [file where true] fork [network where true]',
  'sequence with maxspan=2.5m\n    [process where x == x] by pid\n    [file where file_path == "*"] by ppid',
  'sequence by pid with maxspan=2.0h\n    [process where process_name == "*"]\n    [file where file_path == "*"]',
  'sequence by pid with maxspan=1.0075d\n    [process where process_name == "*"]\n    [file where file_path == "*"]',
  'process where serial_event_id <= 8 and serial_event_id > 7\n| filter serial_event_id == 8',
  'process where process_name in ("python.exe", "smss.exe", "Explorer.exe")\n| unique length(process_name)',
  'file where file_name == "csrss.exe" and opcode=0\n  and descendant of [process where opcode in (1,3) and process_name="cmd.exe"]',
  'file where true\n| tail 4\n| sort file_path',
  'sequence with maxspan=0.5s\n  [file where true] by file_path\n  [process where opcode == 1] by process_path\n| head 4\n| tail 2',
  'sequence\n  [file where opcode=0] by unique_pid\n  [file where opcode=0] by unique_pid\n| filter events[1].serial_event_id == 92',
  'join\n  [file where opcode=0 and file_name="*.exe"] by unique_pid\n  [file where opcode=2 and file_name="*.exe"] by unique_pid\nuntil [process where opcode=1] by unique_ppid\n| head 1',
  'join by string(unique_pid)\n  [process where opcode=1]\n  [file where opcode=0 and file_name="svchost.exe"]\n| head 1',
  'join by string(unique_pid), unique_pid, unique_pid * 2\n  [process where opcode=1]\n  [file where opcode=0 and file_name="svchost.exe"]\nuntil [file where opcode == 2]\n: tail 1',
  'process where process_name="svchost.exe"\n  and not child of [file where file_name="svchost.exe" and opcode=0]\n| head 3',
  'file where event of [process where process_name = "python.exe" ]\n| unique unique_pid',
  'sequence\n  [process where serial_event_id<3] by unique_pid * 2\n  [process where true] by unique_ppid * 2\n| tail 1',
  'sequence\n  [process where serial_event_id<3] by unique_pid * 2, length(unique_pid), string(unique_pid)\n  [process where true] by unique_ppid * 2, length(unique_ppid), string(unique_ppid)\n| tail 1',
  'sequence\n  [process where true] by unique_pid\n  [file where true] fork=true by unique_pid\n  [process where true] by unique_ppid\n| head 4',
  "process where 'net.EXE' == original_file_name\n| filter process_name=\"net*.exe\"",
  'process where original_file_name == process_name\n| filter length(original_file_name) > 0',
  'any where process_name == "svchost.exe"\n| unique_count event_type_full, opcode\n| filter percent >= .5',
  'registry where length(bytes_written_string_list) == 2 and bytes_written_string_list[1] == "EN"',
  'registry where bytes_written_string_list[0] == \'EN-us\'',
  'registry where a[0]',
  'registry where a.b.c[0]',
  'registry where a[0].b',
  'registry where a[0][1].b',
  'registry where a[0].b[1]',
  'registry where topField.subField[100].subsubField == 0',
];

describe("Elasticsearch's unsupported queries (queries-unsupported.eql): an error under strict", () => {
  it.each(unsupported.map((q) => [q] as const))('%s', (query) => {
    const ds = checkText(query, { strict: true }).diagnostics;
    expect(errors(ds).length, show(ds)).toBeGreaterThan(0);
  });
});

/**
 * queries-supported.eql: Elasticsearch's parser accepts each (its verifier may still refuse a field comparison or
 * a type; those are checked above). eqlkit's parser must not report an error, but for `join`, which Elasticsearch
 * parses and never runs (eqlkit refuses it at once, see docs/semantics.md §1).
 */
const supported: string[] = [
  'process where process_name : "svchost.exe" and command_line != "* -k *"',
  'process where process_name in ("ipconfig.exe", "netstat.exe", "systeminfo.exe", "route.exe")',
  'process where subtype.create and command_line like ("*.ost *", "*.pst *")',
  'file where file_name : "*Library/Preferences/*.plist"',
  'file where true and true',
  'file where false or true',
  'registry where not pid',
  'process where command_line : "~!@#$%^&*();\'[]{}\\\\|<>?,./:\\"-= \' "',
  'process where\n\n pid :  4',
  'process where pid in (1,2,3,4,5,6,7,8) and abc : 100 and def : 200 and ghi : 300',
  'process where ppid != pid',
  'image_load where not x != y',
  'image_load where not not not not x < y',
  'process where _leadingUnderscore : 100',
  'network where 1 * 2 + 3 * 4 + 10 / 2 : 2 + 12 + 5',
  'file where 1 - -2',
  'file where 1 + (-2)',
  'file where 3 * -length(file_path)',
  'network where a * (b + c * d) + e / f == g + h + i',
  'network where pid : 0 or pid : 4 or (ppid : 0 or ppid : 4) or (abc == defgh) and process_name : "*" ',
  'registry where a.b.c.d.e',
  'process where a > 100000000000000000000000000000000',
  'process where missing_field != null',
  'process where process_name : "impossible name" or (serial_event_id < 4.5 and serial_event_id >= 3.1)',
  'registry where key_path : "*\\\\MACHINE\\\\SAM\\\\SAM\\\\*\\\\Account\\\\Us*ers\\\\00*03E9\\\\F"',
  'file where file_path:"*\\\\red_ttp\\\\winin*.*"\n  and opcode not in (3, 4, 5, 6 ,7) and user_name:"vagrant"',
  'process where opcode in (1,3) and process_name in (parent_process_name, "SYSTEM")',
  'registry where length(bad_field) > 0',
  'process where command_line : "%*%*" ',
  'file where opcode:0 and startsWith("explorer.exeaaaaaaaa", file_name)',
  'file where opcode:0 and indexOf(file_name, "plore") : 2 and not indexOf(file_name, ".pf")',
  'file where serial_event_id:88 and substring(file_name, -4, -1) : ".ex"',
  'process where add(serial_event_id, 0) : 1 and add(0, 1) == serial_event_id',
  'process where multiply(6, serial_event_id) : 30 and divide(30, 4.0) : 7.5',
  'process where serial_event_id == number("0x32", 16)',
  'process where concat(serial_event_id, ":", process_name, opcode) : "5:winINIT.exe3"',
  'file where serial_event_id : 82 and (true == (process_name in ("svchost.EXE", "bad.exe", "bad2.exe")))',
  'file where serial_event_id % 40 : 2',
  'process where between(process_name, "s", "e", false, true) : "yst"',
  'network where cidrMatch(source_address, "192.168.0.0/16", "10.6.48.157/8")',
  'process where length(between(process_name, "g", "e")) > 0',
  'something where `my-hyphenated-field.with.nested.dots` : "value"',
  'something where `@timestamp` : "2020-01-01 00:00:00"',
  'something where `some escaped identifier` : "blah"',
  'sequence by user_name\n  [process where process_name : "whoami"]\n  [process where process_name : "hostname"]\n  [process where process_name : "ifconfig"]',
  'sequence with maxspan=30s\n  [network where destination_port:3389 and event_subtype_full:"*_accept_event"] by source_address\n  [security where event_id in (4624, 4625) and logon_type : 10] by ip_address',
  'sequence by user_name with maxspan=5m\n  [file where file_name : "*.exe"] by file_path\n  [process where true] by process_path',
  'sequence by pid\n    [process where name : "*"]\n    [file where path : "*"]\nuntil [process where opcode : 2]',
  'sequence by a,b,c,d\n    [file where true] by f1,f2\n    [process where true] by f1,f2',
  'sequence\n    [file where 1] by f1,f2\n    [process where 1] by f1,f2\nuntil [process where 1] by f1,f2',
  'sequence by f\n    [file where true] by a,b\n    [process where true] by c,d\nuntil [process where 1] by e,f',
  'sequence by pid with maxspan=500ms\n    [process where process_name : "*" ]\n    [file where file_path : "*"]',
  'security where event_id : 4624\n| tail 10',
  'process where bad_field : null | head 5',
  'sequence\n  [file where event_subtype_full : "file_create_event"] by file_path\n  [process where opcode : 1] by process_path\n  [process where opcode : 2] by process_path\n  [file where event_subtype_full : "file_delete_event"] by file_path\n| head 4\n| tail 2',
  'sequence\n  [file where opcode:0 and file_name:"*.exe"] by unique_pid\n  [file where opcode:0 and file_name:"*.exe"] by unique_pid\nuntil [process where opcode:5000] by unique_ppid\n| head 1',
  'process where not (fake_field : "*")\n| head 4',
  '"123" where process_name == "svchost.exe"',
  '"!#$%^&!#$\\"123*&^%$()" where process_name == "svchost.exe"',
  '"""""!#$%^&!""#$\\"123*""&^%$()""""" where process_name == "svchost.exe"',
  '"\\".  ..\\"   .. \\"" where process_name == "svchost.exe"',
  'sequence\n  ["!#$134" where serial_event_id<3] by unique_pid1\n  ["""!#@$%12345)(*&%^%#$@""" where true] by unique_ppid2\n| tail 1',
  'process where startswith~(process_name,"net") and endswith(command_line,".exe")',
  'sequence by ?x, ?y, z, ?t [any where true] by ?z [any where t == ?y] by t',
  'sample by z, ?`t?t` [any where ?a == concat(?b,?c)] by ?a, ?b [any where ?`abc` == y] by ?a, ?b',
  'sample [any where true] by x [any where true] by x',
  'any where ?`somefield?`',
];

describe("Elasticsearch's supported queries (queries-supported.eql): no syntax error", () => {
  it.each(supported.map((q) => [q] as const))('%s', (query) => {
    const r = parse(query);
    expect(errors(r.diagnostics), show(r.diagnostics)).toEqual([]);
    expect(r.ast).toBeDefined();
  });

  it('join parses in Elasticsearch, and eqlkit refuses it at once with a located error', () => {
    const r = parse('join by source_ip, destination_ip\n  [network where destination_port : 3389]\n  [network where destination_port : 135]');
    expect(errors(r.diagnostics).map((d) => d.code)).toEqual(['eql/join-unsupported']);
  });
});
