#!/usr/bin/env node
// generate-msiexec-events.mjs: writes the example data for the rule in
// msiexec-remote-file-execution.toml.
//
//   msiexec-events.ndjson          Elastic Defend-shaped events, one per line, sorted by @timestamp
//   msiexec-expected-alerts.json   the alerts the rule must raise on that file, plus every planted near miss
//
// Input:  nothing but the constants below (seed, start time, host list, scenario list).
// Output: the two files above, byte-identical on every run (seeded PRNG, no clock, no Math.random,
//         Node standard library only).
// Invariants:
//   - Every event has a unique event.id and a unique @timestamp (millisecond precision), so the file
//     order is the only possible order and no tiebreaker is needed.
//   - Background events never have process.name or process.parent.name equal to msiexec.exe in any
//     letter case, so they cannot satisfy any stage of the rule. Only the planted scenarios involve msiexec.
//   - The expected alerts are written down from the planted scenarios (each scenario states its outcome
//     and why). No EQL engine is used to derive them.
// Worked example (scenario tp-basic): msiexec.exe /V starts (stage 1, key = its entity id), connects out
//   on 443 (stage 2, same key), then starts an unsigned exe from the user's Temp folder as the user
//   (stage 3, key = process.parent.entity_id = the msiexec entity id), all within 60 s: one alert
//   { join_keys: [<msiexec entity id>], event_ids: [<start>, <connection>, <child start>] }.
//
// Usage:
//   node examples/generate-msiexec-events.mjs            write both files next to this script
//   node examples/generate-msiexec-events.mjs --check    exit 1 if the files next to this script are stale
//   node examples/generate-msiexec-events.mjs --out-dir DIR

import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SEED = 'eqlkit/examples/msiexec/v1';
const T0 = Date.parse('2024-06-11T13:00:00.000Z');
const DURATION_MS = 45 * 60 * 1000;
const MAXSPAN_MS = 60 * 1000;
const AGENT_VERSION = '8.14.1';
const ECS_VERSION = '8.11.0';
const EVENTS_FILE = 'msiexec-events.ndjson';
const ALERTS_FILE = 'msiexec-expected-alerts.json';
const RULE_FILE = 'msiexec-remote-file-execution.toml';

// ---------------------------------------------------------------------------------------------
// Deterministic randomness: FNV-1a to turn a label into a 32-bit seed, mulberry32 as the generator.
// Each scenario and the background get their own stream, so editing one does not shift the others.

function fnv1a(s) {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function rngFor(label) {
  let state = fnv1a(`${SEED}/${label}`);
  const next = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const r = {
    next,
    int: (n) => Math.floor(next() * n),
    between: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    chance: (p) => next() < p,
    pick: (arr) => arr[Math.floor(next() * arr.length)],
    hex: (n) => {
      let s = '';
      while (s.length < n) s += Math.floor(next() * 0x100000000).toString(16).padStart(8, '0');
      return s.slice(0, n);
    },
    guid: () => {
      const h = r.hex(32);
      return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${'89ab'[r.int(4)]}${h.slice(17, 20)}-${h.slice(20)}`;
    },
    sidPart: () => String(1000000000 + Math.floor(next() * 3000000000)),
    sid: (prefix, parts) => [prefix, ...Array.from({ length: parts }, () => r.sidPart())].join('-'),
  };
  return r;
}

const digest = (alg, s, enc = 'hex') => createHash(alg).update(s).digest(enc);
const ts = (ms) => new Date(ms).toISOString();

// ---------------------------------------------------------------------------------------------
// Hosts and accounts

const SYSTEM = { domain: 'NT AUTHORITY', id: 'S-1-5-18', name: 'SYSTEM' };
const LOCAL_SERVICE = { domain: 'NT AUTHORITY', id: 'S-1-5-19', name: 'LOCAL SERVICE' };
const NETWORK_SERVICE = { domain: 'NT AUTHORITY', id: 'S-1-5-20', name: 'NETWORK SERVICE' };

const OS = {
  win10: { variant: 'Windows 10 Enterprise', version: '22H2 (10.0.19045.4412)' },
  win11: { variant: 'Windows 11 Enterprise', version: '23H2 (10.0.22631.3737)' },
  srv2019: { variant: 'Windows Server 2019 Standard', version: '1809 (10.0.17763.5936)' },
  srv2022: { variant: 'Windows Server 2022 Datacenter', version: '21H2 (10.0.20348.2527)' },
};

function windowsOs(kind, typeValue = 'windows') {
  const o = OS[kind];
  return {
    Ext: { variant: o.variant },
    family: 'windows',
    full: `${o.variant} ${o.version}`,
    kernel: o.version,
    name: 'Windows',
    platform: 'windows',
    type: typeValue,
    version: o.version,
  };
}

const ubuntuOs = () => ({
  Ext: { variant: 'Ubuntu' },
  family: 'ubuntu',
  full: 'Ubuntu 22.04.4',
  kernel: '5.15.0-112-generic #122-Ubuntu SMP Thu May 23 07:48:21 UTC 2024',
  name: 'Linux',
  platform: 'ubuntu',
  type: 'linux',
  version: '22.04.4',
});

const hrng = rngFor('hosts');
const DOMAIN_SID = hrng.sid('S-1-5-21', 3);
const domainUser = (name, rid) => ({ domain: 'CORP', id: `${DOMAIN_SID}-${rid}`, name });

// key, hostname, OS block, IPv4, interactive users (first = console user)
const HOST_SPECS = [
  ['fin', 'WS-FIN-0142', windowsOs('win10'), '10.20.3.41', [domainUser('anna.kowalski', 1106)]],
  ['eng', 'WS-ENG-0388', windowsOs('win11'), '10.20.7.118', [domainUser('dev.patel', 1187), domainUser('adm.dev.patel', 1503)]],
  ['sales', 'LT-SALES-0217', windowsOs('win11'), '10.40.1.77', null], // Entra ID (Azure AD) joined, see below
  ['app', 'SRV-APP-04', windowsOs('srv2022'), '10.0.12.24', [domainUser('svc.deploy', 1320), domainUser('adm.okafor', 1511)]],
  ['hr', 'WS-HR-0056', windowsOs('win10'), '10.20.5.56', [domainUser('mei.tanaka', 1142)]],
  ['exec', 'LT-EXEC-0009', windowsOs('win11'), '10.40.2.9', [domainUser('james.whitfield', 1019)]],
  ['rds', 'SRV-RDS-02', windowsOs('srv2019'), '10.0.14.32', [domainUser('olga.ivanova', 1233), domainUser('tom.berg', 1244)]],
  // A kiosk whose events pass through a custom ingest pipeline that copies host.os.name into
  // host.os.type, so every event from it says "Windows" instead of Defend's "windows".
  ['kiosk', 'WS-KIOSK-03', windowsOs('win10', 'Windows'), '10.30.0.103', [domainUser('kiosk.lobby', 1401)]],
  ['ops', 'WS-OPS-0731', windowsOs('win10'), '10.20.9.31', [domainUser('rahul.singh', 1288)]],
  ['wine', 'build-lnx-02', ubuntuOs(), '10.50.0.12', null], // Linux build box that runs Windows installers under Wine
];

const HOSTS = {};
for (const [key, name, os, ip, users] of HOST_SPECS) {
  const h = {
    key, name, os, ip,
    id: hrng.guid(),
    agentId: hrng.guid(),
    mac: ['00', '50', '56', hrng.hex(2), hrng.hex(2), hrng.hex(2)].join('-').toUpperCase(),
    users: users || [],
    seq: 0,
    pid: 1000 + 4 * hrng.int(400),
    idPrefix: digest('sha256', `host:${key}`, 'base64').replace(/\+/g, 'k').slice(0, 8),
    seeds: {},
  };
  h.ipv6 = `fe80::${hrng.hex(4)}:${hrng.hex(4)}:${hrng.hex(4)}:${hrng.hex(4)}`;
  HOSTS[key] = h;
}
// Entra ID joined laptop: the console user has an S-1-12-1-... SID; a local support account has the
// usual S-1-5-21-<machine>-1001 SID.
HOSTS.sales.users = [
  { domain: 'AzureAD', id: hrng.sid('S-1-12-1', 4), name: 'lucia.moreno' },
  { domain: 'LT-SALES-0217', id: `${hrng.sid('S-1-5-21', 3)}-1001`, name: 'support' },
];
HOSTS.wine.users = [{ id: '1000', name: 'builder' }];
HOSTS.wine.root = { id: '0', name: 'root' };

const isWindows = (h) => h.key !== 'wine';
const userDir = (u) => `C:\\Users\\${u.name}`;

// ---------------------------------------------------------------------------------------------
// Processes

let entitySerial = 0;

function nextPid(h, r) {
  h.pid += 4 * (1 + r.int(90));
  if (h.pid > 65000) h.pid = 1200 + 4 * r.int(100);
  return h.pid;
}

// Like Elastic Defend: base64 of "<agent.id>-<pid>-<process start as Windows FILETIME seconds>".
function entityId(h, pid, startMs) {
  entitySerial++;
  const secs = Math.floor(startMs / 1000) + 11644473600;
  const frac = String(startMs % 1000).padStart(3, '0') + String(entitySerial).padStart(6, '0');
  return Buffer.from(`${h.agentId}-${pid}-${secs}.${frac}`).toString('base64');
}

const MSW = 'Microsoft Windows';
const MSC = 'Microsoft Corporation';

function signature(subject, trusted = true) {
  if (!subject) return { exists: false, trusted: false };
  return { exists: true, status: trusted ? 'trusted' : 'errorExpired', subject_name: subject, trusted };
}

function quoteArg(a) {
  return a === '' || /\s/.test(a) ? `"${a}"` : a;
}

/**
 * A process record (not an event). opts: name, exe, args (full argv; defaults to [exe]), user,
 * integrity, sig (subject name or null), trusted, parent (process record or null), start (ms),
 * cwd, hashSalt (for per-scenario binaries), pid.
 */
function proc(h, r, opts) {
  const exe = opts.exe;
  const name = opts.name || exe.slice(exe.lastIndexOf(isWindows(h) || exe.includes('\\') ? '\\' : '/') + 1);
  const user = opts.user;
  const start = opts.start;
  const pid = opts.pid || nextPid(h, r);
  const integrity = opts.integrity || (user.domain === 'NT AUTHORITY' ? 'system' : 'medium');
  const args = opts.args || [exe];
  const hashKey = `${exe.toLowerCase()}|${opts.hashSalt || ''}`;
  return {
    h, pid, name, exe, args, user, integrity, start,
    entity: entityId(h, pid, start),
    parent: opts.parent || null,
    sig: opts.sig === undefined ? null : opts.sig,
    trusted: opts.trusted === undefined ? !!opts.sig : opts.trusted,
    cwd: opts.cwd || (user.domain === 'NT AUTHORITY' ? 'C:\\Windows\\system32\\' : `${userDir(user)}\\`),
    md5: digest('md5', hashKey),
    sha1: digest('sha1', hashKey),
    sha256: digest('sha256', hashKey),
    omitSignature: false, // drop process.code_signature from the start event
    omitExt: false, // drop process.Ext from the start event
    omitUser: false, // drop user from the start event
  };
}

const commandLine = (p) => p.args.map(quoteArg).join(' ');

// ---------------------------------------------------------------------------------------------
// Events. Each record keeps the nested document; the serialisation style (nested, dotted, mixed)
// is applied when the file is written.

const EVENTS = [];
const usedMs = new Set();
let eventSerial = 0;

function newEventId(h) {
  eventSerial++;
  // '+' only in the fixed '+++++' separator, as in Defend ids
  const body = digest('sha256', `${SEED}:event:${eventSerial}`, 'base64').slice(0, 8).replace(/\+/g, 'z');
  const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  let n = eventSerial, tail = '';
  for (let i = 0; i < 3; i++) { tail = B64[n & 63] + tail; n >>= 6; }
  return `${h.idPrefix}${body}+++++${tail}`;
}

/** Adds an event. planted: timestamps of planted events must be unique, background ones are shifted. */
function emit(ms, h, category, action, type, body, { planted = true, style = 'nested' } = {}) {
  if (usedMs.has(ms)) {
    if (planted) throw new Error(`two planted events at ${ts(ms)}`);
    while (usedMs.has(ms)) ms++;
  }
  usedMs.add(ms);
  const id = newEventId(h);
  const dataset = `endpoint.events.${category}`;
  const ingested = ms + 2000 + (fnv1a(id) % 5000);
  const doc = {
    '@timestamp': ts(ms),
    agent: { id: h.agentId, type: 'endpoint', version: AGENT_VERSION },
    data_stream: { dataset, namespace: 'default', type: 'logs' },
    ecs: { version: ECS_VERSION },
    event: {
      action,
      agent_id_status: 'verified',
      category: [category],
      created: ts(ms),
      dataset,
      id,
      ingested: ts(ingested).replace(/\.\d{3}Z$/, 'Z'),
      kind: 'event',
      module: 'endpoint',
      sequence: 0, // set per host after sorting
      type,
    },
    host: {
      architecture: 'x86_64',
      hostname: h.name,
      id: h.id,
      ip: [h.ip, h.ipv6, '127.0.0.1', '::1'],
      mac: [h.mac],
      name: h.name,
      os: h.os,
    },
    message: `Endpoint ${category === 'network' && action.startsWith('lookup') ? 'DNS' : category} event`,
    ...body,
  };
  const rec = { ms, id, h, doc, style };
  EVENTS.push(rec);
  return rec;
}

function processBlock(p, { end = false, exitCode = 0 } = {}) {
  const w = p.exe.includes('\\'); // Windows-style process (also a Wine process on the Linux host)
  const b = {};
  if (w && !p.omitExt) {
    const ancestry = [];
    for (let a = p.parent; a && ancestry.length < 4; a = a.parent) ancestry.push(a.entity);
    b.Ext = {
      ancestry,
      ...(p.sig !== undefined && !p.omitSignature ? { code_signature: [signature(p.sig, p.trusted)] } : {}),
      token: {
        elevation: p.integrity === 'high' || p.integrity === 'system',
        elevation_type: p.integrity === 'high' ? 'full' : p.integrity === 'system' ? 'default' : 'limited',
        integrity_level_name: p.integrity,
      },
    };
  }
  b.args = p.args;
  b.args_count = p.args.length;
  if (w && !p.omitSignature) b.code_signature = signature(p.sig, p.trusted);
  b.command_line = commandLine(p);
  b.entity_id = p.entity;
  b.executable = p.exe;
  if (end) b.exit_code = exitCode;
  b.hash = { md5: p.md5, sha1: p.sha1, sha256: p.sha256 };
  b.name = p.name;
  if (p.parent) {
    b.parent = {
      args: p.parent.args,
      args_count: p.parent.args.length,
      command_line: commandLine(p.parent),
      entity_id: p.parent.entity,
      executable: p.parent.exe,
      name: p.parent.name,
      pid: p.parent.pid,
    };
  }
  b.pid = p.pid;
  b.working_directory = p.cwd;
  return b;
}

const shortProcess = (p) => ({ entity_id: p.entity, executable: p.exe, name: p.name, pid: p.pid });
const userBlock = (u) => (u.domain ? { domain: u.domain, id: u.id, name: u.name } : { id: u.id, name: u.name });

function processEvent(ms, p, action, type, blockOpts, opts) {
  const body = { process: processBlock(p, blockOpts) };
  if (!p.omitUser) body.user = userBlock(p.user);
  return emit(ms, p.h, 'process', action, [type], body, opts);
}

const startEvent = (ms, p, opts = {}) => processEvent(ms, p, opts.action || 'start', 'start', {}, opts);
const endEvent = (ms, p, opts = {}) => processEvent(ms, p, 'end', 'end', { end: true, exitCode: opts.exitCode || 0 }, opts);

/** An event about something process p did: `fields` plus the acting process and user, keys in alphabetical order. */
function actorEvent(ms, p, category, action, type, fields, opts) {
  const body = { ...fields, process: shortProcess(p), user: userBlock(p.user) };
  const sorted = Object.fromEntries(Object.keys(body).sort().map((k) => [k, body[k]]));
  return emit(ms, p.h, category, action, type, sorted, opts);
}

const ephemeralPort = (r) => 49152 + r.int(16000);

/** action: connection_attempted | connection_accepted | disconnect_received */
function netEvent(ms, p, action, dst, port, r, opts = {}) {
  const ephemeral = ephemeralPort(r);
  const inbound = action === 'connection_accepted';
  const local = { address: p.h.ip, ip: p.h.ip, port: inbound ? port : ephemeral };
  const remote = { address: dst, ip: dst, port: inbound ? ephemeral : port };
  return actorEvent(ms, p, 'network', action, [action === 'disconnect_received' ? 'end' : 'start'], {
    destination: inbound ? local : remote,
    network: { direction: inbound ? 'ingress' : 'egress', transport: opts.transport || 'tcp', type: 'ipv4' },
    source: inbound ? remote : local,
  }, opts);
}

const connect = (ms, p, dst, port, r) => netEvent(ms, p, 'connection_attempted', dst, port, r);

function dnsEvent(ms, p, name, server, r, opts = {}) {
  return actorEvent(ms, p, 'network', 'lookup_requested', ['protocol', 'info'], {
    destination: { address: server, ip: server, port: 53 },
    dns: { Ext: { options: 0 }, question: { name, type: 'A' } },
    network: { direction: 'egress', protocol: 'dns', transport: 'udp', type: 'ipv4' },
    source: { address: p.h.ip, ip: p.h.ip, port: ephemeralPort(r) },
  }, opts);
}

function fileEvent(ms, p, action, path, opts = {}) {
  const sep = path.includes('\\') ? '\\' : '/';
  const name = path.slice(path.lastIndexOf(sep) + 1);
  const dot = name.lastIndexOf('.');
  const type = action === 'creation' || action === 'deletion' ? [action] : ['change'];
  const file = { ...(dot > 0 ? { extension: name.slice(dot + 1) } : {}), name, path };
  return actorEvent(ms, p, 'file', action, type, { file }, opts);
}

function registryEvent(ms, p, hive, key, value, data, dataType, opts = {}) {
  const long = hive === 'HKU' ? 'HKEY_USERS' : 'HKEY_LOCAL_MACHINE';
  const registry = { data: { strings: [data], type: dataType }, hive, key, path: `${long}\\${key}\\${value}`, value };
  return actorEvent(ms, p, 'registry', 'modification', ['change'], { registry }, opts);
}

// ---------------------------------------------------------------------------------------------
// Long-running processes on each host (started before the file begins; never emitted as starts)

for (const h of Object.values(HOSTS)) {
  const r = rngFor(`seeds/${h.key}`);
  const S = h.seeds;
  // parent starts exe as user, 1 to 20 hours before the file begins; more: other proc() options
  const seed = (parent, exe, user, sig, more = {}) => proc(h, r, { exe, user, start: T0 - r.between(3600, 20 * 3600) * 1000, sig, parent, ...more });
  if (!isWindows(h)) {
    S.systemd = seed(null, '/usr/lib/systemd/systemd', h.root, null, { args: ['/sbin/init', 'splash'], pid: 1, cwd: '/' });
    S.sshd = seed(S.systemd, '/usr/sbin/sshd', h.root, null, { args: ['sshd: builder [priv]'], cwd: '/' });
    S.bash = seed(S.sshd, '/usr/bin/bash', h.users[0], null, { args: ['-bash'], cwd: '/home/builder' });
    // Wine's own service manager, the parent of the Windows Installer service inside the Wine prefix
    S.services = seed(S.bash, 'C:\\windows\\system32\\services.exe', SYSTEM, MSW);
    continue;
  }
  const sys32 = 'C:\\Windows\\System32\\';
  const svchost = (user, ...group) => seed(S.services, `${sys32}svchost.exe`, user, MSW, { args: [`${sys32}svchost.exe`, '-k', ...group] });
  const withArgs = (exe, ...args) => ({ args: [exe, ...args] });
  S.wininit = seed(null, `${sys32}wininit.exe`, SYSTEM, MSW);
  S.services = seed(S.wininit, `${sys32}services.exe`, SYSTEM, MSW);
  S.svcNetsvcs = svchost(SYSTEM, 'netsvcs', '-p');
  S.svcDcom = svchost(SYSTEM, 'DcomLaunch', '-p');
  S.svcNetwork = svchost(NETWORK_SERVICE, 'NetworkService', '-p', '-s', 'Dnscache');
  S.svcLocal = svchost(LOCAL_SERVICE, 'LocalServiceNetworkRestricted', '-p');
  S.defender = seed(S.services, 'C:\\ProgramData\\Microsoft\\Windows Defender\\Platform\\4.18.24050.7-0\\MsMpEng.exe', SYSTEM, MSC);
  const u = h.users[0];
  S.userinit = seed(S.wininit, `${sys32}userinit.exe`, u, MSW);
  S.explorer = seed(S.userinit, 'C:\\Windows\\explorer.exe', u, MSW);
  if (h.key === 'kiosk') {
    const edge = 'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe';
    S.msedge = seed(S.explorer, edge, u, MSC, withArgs(edge, '--kiosk', 'https://visitors.corp.example.com/', '--edge-kiosk-type=public-browsing'));
  } else if (h.key === 'app') {
    const w3wp = 'C:\\Windows\\System32\\inetsrv\\w3wp.exe';
    const pool = { domain: 'IIS APPPOOL', id: r.sid('S-1-5-82', 5), name: 'OrdersApi' };
    S.w3wp = seed(S.svcNetsvcs, w3wp, pool, MSW, withArgs(w3wp, '-ap', 'OrdersApi', '-v', 'v4.0', '-l', 'webengine4.dll'));
    S.sccm = seed(S.services, 'C:\\Windows\\CCM\\CcmExec.exe', SYSTEM, MSC);
  } else if (h.key === 'rds') {
    const selfService = 'C:\\Program Files (x86)\\Citrix\\ICA Client\\SelfServicePlugin\\SelfService.exe';
    S.explorer2 = seed(S.userinit, 'C:\\Windows\\explorer.exe', h.users[1], MSW);
    S.citrix = seed(S.explorer, selfService, u, 'Citrix Systems, Inc.', withArgs(selfService, '-ipoll', '-startmenu'));
  } else {
    const oneDrive = `${userDir(u)}\\AppData\\Local\\Microsoft\\OneDrive\\OneDrive.exe`;
    S.chrome = seed(S.explorer, 'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe', u, 'Google LLC');
    S.outlook = seed(S.explorer, 'C:\\Program Files\\Microsoft Office\\root\\Office16\\OUTLOOK.EXE', u, MSC);
    S.teams = seed(S.explorer, 'C:\\Program Files\\WindowsApps\\MSTeams_24124.2315.2911.3357_x64__8wekyb3d8bbwe\\ms-teams.exe', u, MSC);
    S.onedrive = seed(S.explorer, oneDrive, u, MSC, withArgs(oneDrive, '/background'));
  }
}

// ---------------------------------------------------------------------------------------------
// Planted scenarios
//
// Each scenario builds its events with build(h, r, at, u) (its host, its random stream, its start time in
// ms, the host's console user) and returns what it proves. True positives return `alert`: the
// three events of the sequence Elasticsearch returns, in stage order. Near misses return `events`,
// the planted events by role. `breaks` names the one condition that fails; `why` explains the outcome.
// Most scenarios are declared with truePositive or nearMiss (the standard shape, see threeStage) or with
// benign (an install session); the others are built by hand from the helpers below.

const SCENARIOS = [];
const scenario = (meta, build) => SCENARIOS.push({ ...meta, build });

const PUBLIC_IPS = ['185.199.110.153', '104.21.48.233', '172.67.182.41', '45.142.212.61', '193.42.33.7', '23.106.215.58', '91.215.85.142', '5.252.178.39'];
const MS_IPS = ['20.190.159.64', '13.107.4.50', '52.109.8.89', '40.126.31.143'];
const MSIEXEC = 'C:\\Windows\\System32\\msiexec.exe';
const POWERSHELL = 'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe';

// The helpers below take the scenario's host h and random stream r. Those that start a process
// return [process record, start event].
const started = (p, opts = {}) => [p, startEvent(p.start, p, opts)];

// An msiexec.exe process (one binary, so one set of hashes).
const msiexec = (h, r, start, exe, args, user, parent) => proc(h, r, { exe, args, user, start, sig: MSW, parent, hashSalt: 'msiexec' });

// Windows Installer service: "msiexec.exe /V", started by services.exe as SYSTEM. over: exe, args.
function msiService(h, r, start, over = {}) {
  const exe = over.exe || MSIEXEC;
  return msiexec(h, r, start, exe, over.args || [exe.replace('\\System32\\', '\\system32\\'), '/V'], SYSTEM, h.seeds.services);
}

const startService = (h, r, start, over = {}, opts = {}) => started(msiService(h, r, start, over), opts);

// A client-side "msiexec.exe <args>" (no /V), run by a user from explorer.exe or by an agent.
const startClient = (h, r, start, args, user, parent = h.seeds.explorer) => started(msiexec(h, r, start, MSIEXEC, [MSIEXEC, ...args], user, parent));

// A child of an msiexec process. spec: exe, args (after argv[0]), argv0, user, sig, trusted, integrity,
// cwd, omit (omitSignature / omitExt / omitUser flags for its start event).
function spawn(h, r, parent, start, spec, opts = {}) {
  const c = proc(h, r, {
    exe: spec.exe,
    args: [spec.argv0 || spec.exe, ...(spec.args || [])],
    user: spec.user,
    integrity: spec.integrity,
    sig: spec.sig === undefined ? null : spec.sig,
    trusted: spec.trusted,
    parent,
    start,
    cwd: spec.cwd,
    hashSalt: spec.sig ? '' : `unsigned:${spec.exe}:${start}`,
  });
  return started(Object.assign(c, spec.omit), opts);
}

// Ends each [offset, process] pair at `at` + offset.
function endAll(at, ...ends) {
  for (const [off, p] of ends) endEvent(at + off, p);
}

// A few unrelated events on the same host (interleaved between the stages of a scenario).
function chatter(h, r, ms) {
  const S = h.seeds;
  const k = r.int(4);
  if (k === 0 && S.chrome) return connect(ms, S.chrome, r.pick(PUBLIC_IPS.slice(0, 3)), 443, r);
  if (k === 1) return connect(ms, S.svcNetwork, r.pick(MS_IPS), 443, r);
  if (k === 2) {
    const p = proc(h, r, { exe: 'C:\\Windows\\System32\\taskhostw.exe', args: ['taskhostw.exe', '-RegisterDevice', '-ProtectionStateChanged', '-FreeNetworkOnly'], user: SYSTEM, start: ms, sig: MSW, parent: S.svcNetsvcs });
    return startEvent(ms, p);
  }
  const u = h.users[0];
  return fileEvent(ms, S.explorer, 'modification', `${userDir(u)}\\AppData\\Roaming\\Microsoft\\Windows\\Recent\\AutomaticDestinations\\5f7b5f1e01b83767.automaticDestinations-ms`);
}

const tempExe = (u, r, name) => `${userDir(u)}\\AppData\\Local\\Temp\\${r.hex(8).toUpperCase()}\\${name}`;
// child specs
const tempChild = (u, r, name) => ({ exe: tempExe(u, r, name), user: u });
const embedding = (r, user, extra = [], dir = 'System32') => ({ exe: `C:\\Windows\\${dir}\\MsiExec.exe`, args: ['-Embedding', r.hex(32).toUpperCase(), ...extra], user, sig: MSW });

// The standard shape most scenarios use: the msiexec /V service starts, connects out, then starts a
// child, with unrelated chatter between the stages. Options (offsets in ms from `at`):
//   net, child       when the connection and the child start
//   user             the child's user: a user record, or an index into the host's users (default 0)
//   childSpec(u, r)  the child's spawn spec
//   stage1           the service's exe and args, and the start event's action
//   netAction, dstIp (default: a random public address), port: the network event
//   interleave       false: no chatter;  styles: { s1, n, c } serialisation styles of the three events
function threeStage(h, r, at, { net = 8000, child = 19000, user, childSpec, stage1 = {}, netAction = 'connection_attempted', dstIp, port = 443, interleave = true, styles = {} }) {
  const u = typeof user === 'object' ? user : h.users[user || 0];
  const [msi, s1] = startService(h, r, at, stage1, { action: stage1.action, style: styles.s1 });
  if (interleave) chatter(h, r, at + Math.floor(net / 2) + 7);
  const n = netEvent(at + net, msi, netAction, dstIp || r.pick(PUBLIC_IPS), port, r, { style: styles.n });
  if (interleave) chatter(h, r, at + net + Math.floor((child - net) / 2) + 3);
  const [c, s3] = spawn(h, r, msi, at + child, childSpec(u, r), { style: styles.c });
  endEvent(at + child + 4000 + r.int(20000), c);
  endEvent(at + child + 30000 + r.int(30000), msi);
  return { msi, s1, n, c, s3 };
}

// A scenario of the standard shape: spec holds its description and threeStage's options.
const standard = (kind, result) => (spec) => scenario({ kind, ...spec }, (h, r, at) => {
  const x = threeStage(h, r, at, spec);
  return { ...result(x), msi: x.msi };
});
const truePositive = standard('tp', (x) => ({ alert: [x.s1, x.n, x.s3] }));
const nearMiss = standard('nm', (x) => ({ events: { msiexec_start: x.s1, network: x.n, child_start: x.s3 } }));

// -- true positives ---------------------------------------------------------------------------

scenario({
  id: 'tp-basic', kind: 'tp', host: 'fin', at: 120.412,
  tests: 'The plain case: msiexec /V (args ["C:\\\\Windows\\\\system32\\\\msiexec.exe", "/V"]) resolves a name, connects out on 443, '
    + 'then starts an unsigned executable from the user\'s Temp folder as the user. Between the stages the same host logs unrelated '
    + 'events, and the msiexec service also starts a SYSTEM MsiExec.exe -Embedding helper that fails stage 3 (SYSTEM and an excluded '
    + 'path), which must not disturb the pending sequence.',
}, (h, r, at, u) => {
  const [msi, s1] = startService(h, r, at);
  chatter(h, r, at + 2911);
  const lookup = dnsEvent(at + 6404, msi, 'dl.softupdate-cdn.net', '10.0.0.10', r);
  const n = connect(at + 6521, msi, '193.42.33.7', 443, r);
  const [helper, helperStart] = spawn(h, r, msi, at + 9870, embedding(r, SYSTEM, ['E', 'Global\\MSI0000']));
  chatter(h, r, at + 12233);
  const [c, s3] = spawn(h, r, msi, at + 19142, tempChild(u, r, 'AdobeUpdateHelper.exe'));
  connect(at + 21050, c, '193.42.33.7', 8443, r);
  endAll(at, [24406, helper], [48117, c], [70255, msi]);
  return { alert: [s1, n, s3], msi, ignored: { dns_lookup_by_msiexec: lookup, system_msiexec_helper_start: helperStart } };
});

truePositive({
  id: 'tp-args-lowercase-v', host: 'eng', at: 240.087,
  tests: 'process.args : "/V" is case-insensitive and matches any element of the array: the args are '
    + '["C:\\\\WINDOWS\\\\system32\\\\msiexec.exe", "/v"]. The child is signed by "Citrix Systems, Inc." but the signature is not '
    + 'trusted (expired), so the Citrix exclusion, which needs both subject and trust, does not apply.',
  net: 4310, child: 15622, port: 80, dstIp: '45.142.212.61',
  stage1: { args: ['C:\\WINDOWS\\system32\\msiexec.exe', '/v'] },
  childSpec: (u, r) => ({ ...tempChild(u, r, 'CitrixWorkspaceUpdate.exe'), sig: 'Citrix Systems, Inc.', trusted: false }),
});

scenario({
  id: 'tp-user-s-1-5-12-1', kind: 'tp', host: 'exec', at: 360.731,
  tests: 'The child\'s user.id matches the rule\'s second SID pattern, "S-1-5-12-1-*". The child is powershell.exe at medium integrity '
    + 'with an encoded command.',
}, (h, r, at) => {
  // drawn from the scenario's stream before the standard shape, so not expressible as plain options
  const odd = { domain: 'AzureAD', id: r.sid('S-1-5-12-1', 4), name: 'james.whitfield' };
  const x = threeStage(h, r, at, {
    net: 11870, child: 27301, user: odd,
    childSpec: (u) => ({ exe: POWERSHELL, argv0: 'powershell.exe', args: ['-NoProfile', '-WindowStyle', 'Hidden', '-EncodedCommand', 'SQBFAFgAIAAoAEkAVwBSACAAaAB0AHQAcABzADoALwAvADEAOQAzAC4ANAAyAC4AMwAzAC4ANwAvAGEAKQA='], user: u, sig: MSW }),
  });
  return { alert: [x.s1, x.n, x.s3], msi: x.msi };
});

truePositive({
  id: 'tp-process-name-uppercase', host: 'ops', at: 480.166,
  tests: 'process.name is "MSIEXEC.EXE" on stages 1 and 2 and process.parent.name is "MSIEXEC.EXE" on stage 3: ":" compares '
    + 'case-insensitively. The child is powershell.exe at medium integrity whose arguments point into C:\\Program Files; the '
    + 'powershell exclusion also needs high integrity, so it does not apply.',
  net: 2450, child: 9318,
  stage1: { exe: 'C:\\WINDOWS\\SYSTEM32\\MSIEXEC.EXE', args: ['C:\\WINDOWS\\SYSTEM32\\MSIEXEC.EXE', '/V'] },
  childSpec: (u) => ({ exe: POWERSHELL, args: ['-ExecutionPolicy', 'Bypass', '-File', 'C:\\Program Files\\Contoso\\Agent\\scripts\\register.ps1'], user: u, sig: MSW }),
});

truePositive({
  id: 'tp-maxspan-exactly-60s', host: 'hr', at: 720.25,
  tests: 'maxspan is inclusive: the child starts exactly 60.000 s after the msiexec start (13:12:00.250 -> 13:13:00.250).',
  net: 21448, child: MAXSPAN_MS,
  childSpec: (u) => ({ exe: 'C:\\Windows\\System32\\cmd.exe', argv0: 'C:\\WINDOWS\\system32\\cmd.exe', args: ['/c', `${userDir(u)}\\AppData\\Local\\Temp\\install_helper.bat`], user: u, sig: MSW }),
});

scenario({
  id: 'tp-newest-partial-wins', kind: 'tp', host: 'eng', at: 900.1,
  tests: 'Two stage-1 start events for the same process.entity_id (a start event delivered twice with different timestamps, as a '
    + 'replaying forwarder can produce; Defend itself never reuses an entity id) precede the network event. Only one partial '
    + 'sequence is kept per key and stage, and the newer one replaces the older, so the alert contains the second start event.',
}, (h, r, at, u) => {
  const [msi, first] = startService(h, r, at);
  chatter(h, r, at + 5212);
  const second = startEvent(at + 12500, msi);
  const n = connect(at + 15213, msi, '23.106.215.58', 443, r);
  chatter(h, r, at + 21004);
  const [c, s3] = spawn(h, r, msi, at + 29950, { exe: `C:\\Users\\Public\\Libraries\\${r.hex(6)}.exe`, user: u });
  endAll(at, [41177, c], [80403, msi]);
  return { alert: [second, n, s3], msi, ignored: { older_duplicate_start: first } };
});

scenario({
  id: 'tp-first-network-and-first-child', kind: 'tp', host: 'rds', at: 1040.928,
  tests: 'The msiexec service makes two outbound connections and then starts two qualifying children. The first connection '
    + 'moves the partial sequence to stage 2, so the second connection finds no stage-1 partial and is ignored; the first child '
    + 'completes the sequence and consumes it, so the second child finds nothing to complete. One alert, with the first '
    + 'connection and the first child.',
}, (h, r, at) => {
  const u = h.users[1];
  const [msi, s1] = startService(h, r, at);
  const n1 = connect(at + 3307, msi, '91.215.85.142', 443, r);
  const n2 = connect(at + 5119, msi, '91.215.85.142', 443, r);
  chatter(h, r, at + 7444);
  const [c1, s3a] = spawn(h, r, msi, at + 12086, { exe: 'C:\\Windows\\System32\\cmd.exe', args: ['/c', 'whoami /all > %TEMP%\\w.txt'], user: u, sig: MSW });
  const [c2, s3b] = spawn(h, r, msi, at + 14530, { exe: `${userDir(u)}\\AppData\\Roaming\\Microsoft\\Crypto\\updsvc.exe`, user: u });
  endAll(at, [13010, c1], [52800, c2], [61733, msi]);
  return { alert: [s1, n1, s3a], msi, ignored: { second_connection: n2, second_qualifying_child: s3b } };
});

truePositive({
  id: 'tp-no-signature-no-ext', host: 'fin', at: 1760.344,
  tests: 'The child start event has no process.code_signature and no process.Ext at all. In Elasticsearch each "not (...)" '
    + 'exclusion over field-vs-literal comparisons becomes a must_not, which matches documents that lack the fields, so the '
    + 'exclusions do not suppress the alert (two-valued logic, notes section 5).',
  net: 6020, child: 52987,
  childSpec: (u) => ({ exe: 'C:\\ProgramData\\USOShared\\Logs\\wuhelper.exe', user: u, omit: { omitSignature: true, omitExt: true } }),
});

truePositive({
  id: 'tp-dotted-keys', host: 'ops', at: 1790.5,
  tests: 'Field naming: the stage-1 event is written entirely with dotted keys ("process.name": ...); the stage-2 event mixes a '
    + 'nested "process" object with top-level "process.name" and "process.entity_id" keys; the stage-3 event keeps a nested '
    + '"process" object but writes its parent as a top-level "process.parent" object. Elasticsearch indexes all three forms as '
    + 'the same fields. The child is rundll32.exe whose argument is "C:\\Windows\\System32\\printui.dll,PrintUIEntry": the '
    + 'printui exclusion matches the whole argument only, so the full path escapes it. This sequence overlaps tp-no-signature-no-ext '
    + 'in time and completes before it.',
  net: 3391, child: 8875,
  styles: { s1: 'dotted', n: 'mixed:process.name,process.entity_id', c: 'mixed:process.parent' },
  childSpec: (u) => ({ exe: 'C:\\Windows\\System32\\rundll32.exe', argv0: 'rundll32', args: ['C:\\Windows\\System32\\printui.dll,PrintUIEntry', '/il'], user: u, sig: MSW }),
});

// -- near misses: one condition broken each ------------------------------------------------------

nearMiss({
  id: 'nm-child-is-msiexec', host: 'hr', at: 420.615,
  breaks: 'stage 3: not process.executable : ("?:\\\\Windows\\\\System32\\\\msiexec.exe", ...)',
  why: 'The child is C:\\Windows\\System32\\MsiExec.exe (a custom-action host running as the user). The exclusion list matches it '
    + 'case-insensitively ("MsiExec.exe" vs "msiexec.exe"; "?" stands for the drive letter), so stage 3 fails.',
  net: 5120, child: 13005,
  childSpec: (u, r) => embedding(r, u),
});

nearMiss({
  id: 'nm-child-program-files-unsigned', host: 'sales', at: 1520.203,
  breaks: 'stage 3: not process.executable : (..., "?:\\\\Program Files\\\\*.exe", ...)',
  why: 'The child is an unsigned exe under C:\\Program Files\\ (any depth: "*" also matches backslashes). The executable '
    + 'exclusion list applies whatever the signature, so stage 3 fails even though the file is unsigned.',
  net: 4006, child: 17390, user: 1,
  childSpec: (u) => ({ exe: 'C:\\Program Files\\FabrikamVPN\\bin\\fvpn-setup-helper.exe', user: u }),
});

nearMiss({
  id: 'nm-child-citrix-trusted', host: 'rds', at: 1120.477,
  breaks: 'stage 3: not (process.code_signature.subject_name == "Citrix Systems, Inc." and process.code_signature.trusted == true)',
  why: 'The child runs from the user\'s Temp folder but carries a trusted Citrix signature, so the Citrix exclusion removes it.',
  net: 9540, child: 24101,
  childSpec: (u, r) => ({ ...tempChild(u, r, 'CitrixWorkspaceUpdate.exe'), sig: 'Citrix Systems, Inc.', trusted: true }),
});

nearMiss({
  id: 'nm-child-powershell-high-program-files-args', host: 'eng', at: 1240.058,
  breaks: 'stage 3: not (process.name : ("regsvr32.exe", "powershell.exe", ...) and process.Ext.token.integrity_level_name == "high" and process.args : ("?:\\\\Program Files\\\\*", ...))',
  why: 'An elevated (high integrity) powershell.exe whose -File argument lies under C:\\Program Files\\ is excluded.',
  net: 3876, child: 11640, user: 1,
  childSpec: (u) => ({ exe: POWERSHELL, args: ['-NoProfile', '-ExecutionPolicy', 'Bypass', '-File', 'C:\\Program Files\\Contoso\\Agent\\scripts\\register.ps1'], user: u, sig: MSW, integrity: 'high' }),
});

nearMiss({
  id: 'nm-child-program-files-x86-trusted', host: 'app', at: 1460.839,
  breaks: 'stage 3: not (process.executable : ("?:\\\\Program Files\\\\*.exe", "?:\\\\Program Files (x86)\\\\*.exe") and process.code_signature.trusted == true)',
  why: 'A trusted, signed exe under C:\\Program Files (x86)\\. Note that this clause is redundant in the rule: any executable it '
    + 'matches is already matched by the executable exclusion list, so this event fails that clause too. No event can break '
    + 'this clause alone.',
  net: 7702, child: 20318, user: 1,
  childSpec: (u) => ({ exe: 'C:\\Program Files (x86)\\Northwind\\Reporting\\nwrsetup.exe', user: u, sig: 'Northwind Traders Ltd', trusted: true }),
});

nearMiss({
  id: 'nm-child-rundll32-printui', host: 'hr', at: 1400.392,
  breaks: 'stage 3: not (process.name : "rundll32.exe" and process.args : "printui.dll,PrintUIEntry")',
  why: 'rundll32.exe printui.dll,PrintUIEntry (a printer-driver install) is excluded: one element of process.args equals the '
    + 'pattern.',
  net: 2230, child: 6118,
  childSpec: (u) => ({ exe: 'C:\\Windows\\System32\\rundll32.exe', argv0: 'rundll32', args: ['printui.dll,PrintUIEntry', '/ia', '/m', 'HP Universal Printing PCL 6', '/f', 'C:\\Windows\\Temp\\hpcu270u.inf'], user: u, sig: MSW }),
});

nearMiss({
  id: 'nm-child-user-system', host: 'fin', at: 1580.117,
  breaks: 'stage 3: user.id : ("S-1-5-21-*", "S-1-5-12-1-*")',
  why: 'The child runs as SYSTEM (S-1-5-18), which matches neither SID pattern.',
  net: 5518, child: 16004,
  childSpec: (u, r) => ({ exe: `C:\\Windows\\Temp\\${r.hex(8).toUpperCase()}\\setup.exe`, user: SYSTEM }),
});

nearMiss({
  id: 'nm-child-user-azuread', host: 'sales', at: 1700.664,
  breaks: 'stage 3: user.id : ("S-1-5-21-*", "S-1-5-12-1-*")',
  why: 'The child runs as an Entra ID (Azure AD) account, whose SID starts with S-1-12-1-. That is not "S-1-5-12-1-*", so '
    + 'stage 3 fails. This is a real gap of the rule on Entra-joined machines, kept here as documented behaviour.',
  net: 4477, child: 19880,
  childSpec: (u, r) => tempChild(u, r, 'TeamsMeetingAddinHelper.exe'),
});

nearMiss({
  id: 'nm-child-no-user', host: 'ops', at: 1640.901,
  breaks: 'stage 3: user.id : ("S-1-5-21-*", "S-1-5-12-1-*")',
  why: 'The child start event has no user object at all (Defend always writes one; this stands in for a stripped or partial '
    + 'event). A ":" test on a missing field is false, and only negations are true on missing fields, so stage 3 fails.',
  net: 6903, child: 14422,
  childSpec: (u, r) => ({ ...tempChild(u, r, 'vcredist_helper.exe'), omit: { omitUser: true } }),
});

nearMiss({
  id: 'nm-network-connection-accepted', host: 'hr', at: 125.288,
  breaks: 'stage 2: event.action == "connection_attempted"',
  why: 'The only network event from the msiexec process is an inbound connection_accepted, so stage 2 never matches and the '
    + 'child has no stage-2 partial to complete.',
  net: 7405, child: 18111, netAction: 'connection_accepted', dstIp: '10.20.7.118', port: 49733,
  childSpec: (u, r) => tempChild(u, r, 'AgentInstaller.exe'),
});

scenario({
  id: 'nm-msiexec-without-v', kind: 'nm', host: 'fin', at: 300.546,
  breaks: 'stage 1: process.args : "/V"',
  why: 'A user runs "msiexec.exe /i https://.../releases/v4.2.1/FabrikamVPN-x64.msi /qn /L*V <log>". No argument equals "/V": '
    + '":" without wildcards compares whole values, one array element at a time, so neither "/L*V" nor the URL (which contains '
    + '"/v") matches. Without a stage-1 partial, its connection and its child are ignored.',
  // built by hand: a user-run msiexec is a child of explorer.exe, not of services.exe
}, (h, r, at, u) => {
  const [msi, s1] = startClient(h, r, at, ['/i', 'https://downloads.fabrikam-vpn.example/releases/v4.2.1/FabrikamVPN-x64.msi', '/qn', '/L*V', `${userDir(u)}\\AppData\\Local\\Temp\\fvpn_install.log`], u);
  chatter(h, r, at + 1804);
  const n = connect(at + 3250, msi, '104.21.48.233', 443, r);
  const [c, s3] = spawn(h, r, msi, at + 9012, tempChild(u, r, 'fvpn_prereq.exe'));
  endAll(at, [15540, c], [40126, msi]);
  return { events: { msiexec_start: s1, network: n, child_start: s3 }, msi };
});

nearMiss({
  id: 'nm-event-action-capitalised', host: 'fin', at: 540.073,
  breaks: 'stage 1: event.action == "start"',
  why: 'The msiexec start event says event.action "Start" (as a third-party converter might write it). "==" is case-sensitive, '
    + 'so stage 1 fails.',
  net: 3880, child: 12470, stage1: { action: 'Start' },
  childSpec: (u, r) => tempChild(u, r, 'update.exe'),
});

nearMiss({
  id: 'nm-host-os-type-capitalised', host: 'kiosk', at: 600.819,
  breaks: 'all stages: host.os.type == "windows"',
  why: 'Every event from WS-KIOSK-03 has host.os.type "Windows" (a custom ingest pipeline copied host.os.name into it). "==" is '
    + 'case-sensitive, so no stage matches; otherwise the sequence would alert.',
  net: 4411, child: 15023,
  childSpec: (u, r) => tempChild(u, r, 'KioskBrowserUpdate.exe'),
});

nearMiss({
  id: 'nm-host-os-type-linux', host: 'wine', at: 660.247,
  breaks: 'all stages: host.os.type == "windows"',
  why: 'The same three events from a Linux build box running a Windows installer under Wine (host.os.type "linux"). To isolate '
    + 'the host test the process fields are idealised to their Windows form, and the user is Wine\'s default SID '
    + 'S-1-5-21-0-0-0-1000. Only host.os.type differs from a true positive.',
  net: 3050, child: 10944, interleave: false,
  user: { domain: 'BUILD-LNX-02', id: 'S-1-5-21-0-0-0-1000', name: 'builder' },
  childSpec: (u) => ({ exe: 'C:\\users\\builder\\Temp\\wine_setup_helper.exe', user: u }),
});

nearMiss({
  id: 'nm-maxspan-60001ms', host: 'app', at: 760.5,
  breaks: 'sequence: with maxspan=1m',
  why: 'The child starts 60.001 s after the msiexec start (13:12:40.500 -> 13:13:40.501), 1 ms over the limit, so the candidate is '
    + 'dropped. This sequence overlaps tp-maxspan-exactly-60s in time on another host.',
  net: 20999, child: MAXSPAN_MS + 1, user: 1,
  childSpec: (u, r) => tempChild(u, r, 'dbtool.exe'),
});

// -- near misses: ordering and join keys ---------------------------------------------------------

scenario({
  id: 'nm-network-before-start', kind: 'nm', host: 'exec', at: 980.354,
  breaks: 'sequence order: stage 2 must come after stage 1',
  why: 'The network event carries an earlier @timestamp than the msiexec start (300 ms of clock skew). When it is read there is '
    + 'no stage-1 partial, so it is ignored; the start then opens a partial that no later network event advances, and the child '
    + 'finds no stage-2 partial.',
}, (h, r, at, u) => {
  const msi = msiService(h, r, at + 300);
  const n = connect(at, msi, '5.252.178.39', 443, r);
  const s1 = startEvent(at + 300, msi);
  chatter(h, r, at + 4120);
  const [c, s3] = spawn(h, r, msi, at + 12775, tempChild(u, r, 'GoogleUpdateSetup.exe'));
  endAll(at, [19003, c], [55210, msi]);
  return { events: { network: n, msiexec_start: s1, child_start: s3 }, msi };
});

scenario({
  id: 'nm-child-before-network', kind: 'nm', host: 'exec', at: 2000.612,
  breaks: 'sequence order: stage 3 must come after stage 2',
  why: 'The qualifying child starts before the msiexec process connects out. At that moment the key has only a stage-1 partial, '
    + 'so the child is ignored; the later connection advances the partial to stage 2, but no further child follows.',
}, (h, r, at, u) => {
  const [msi, s1] = startService(h, r, at);
  const [c, s3] = spawn(h, r, msi, at + 4410, tempChild(u, r, 'ZoomInstallerHelper.exe'));
  const n = connect(at + 9982, msi, '172.67.182.41', 443, r);
  endAll(at, [15090, c], [47731, msi]);
  return { events: { msiexec_start: s1, child_start: s3, network: n }, msi };
});

scenario({
  id: 'nm-child-of-other-msiexec', kind: 'nm', host: 'eng', at: 1880.193,
  breaks: 'join key: stage 3 process.parent.entity_id must equal the stage-1/2 process.entity_id',
  why: 'The /V service connects out (stages 1 and 2 match for its entity id), but the qualifying child is started by a different '
    + 'msiexec process (the user\'s "msiexec /i", which has no /V). The child\'s key is that other entity id, which has no '
    + 'pending sequence.',
}, (h, r, at, u) => {
  const [client, clientStart] = startClient(h, r, at, ['/i', `${userDir(u)}\\Downloads\\Notepad++-8.6.8-x64.msi`], u);
  const [msi, s1] = startService(h, r, at + 640);
  const n = connect(at + 5305, msi, '185.199.110.153', 443, r);
  const [c, s3] = spawn(h, r, client, at + 11120, tempChild(u, r, 'npp_postinstall.exe'));
  endAll(at, [16200, c], [20114, client], [51090, msi]);
  return { events: { user_msiexec_start: clientStart, msiexec_start: s1, network: n, child_start: s3 }, msi };
});

scenario({
  id: 'nm-network-from-other-msiexec', kind: 'nm', host: 'hr', at: 1940.725,
  breaks: 'join key: stage 2 process.entity_id must equal the stage-1 process.entity_id',
  why: 'The /V service starts and later starts a qualifying child, but the outbound connection comes from a different msiexec '
    + 'process (the user\'s "msiexec /i", no /V). Its key has no stage-1 partial, and the service\'s key never reaches stage 2.',
}, (h, r, at, u) => {
  const [msi, s1] = startService(h, r, at);
  const [client, clientStart] = startClient(h, r, at + 210, ['/i', 'https://downloads.example.net/tools/PDFReader-24.2.msi', '/passive'], u);
  const n = connect(at + 3702, client, '104.21.48.233', 443, r);
  const [c, s3] = spawn(h, r, msi, at + 14840, tempChild(u, r, 'PDFReaderSetup.exe'));
  endAll(at, [21093, c], [24500, client], [56002, msi]);
  return { events: { msiexec_start: s1, user_msiexec_start: clientStart, network_from_user_msiexec: n, child_start: s3 }, msi };
});

// -- benign installer sessions (partial matches only) --------------------------------------------

// A benign install session. o: its description plus (offsets in ms from `at`, u the host's console user)
//   client(u)       optional: the msiexec /i that asks for the install, { role, args, user (default u),
//                   parent (seed key, default explorer), end }
//   service         when the Windows Installer service starts
//   dns             optional [offset, name] that the service resolves
//   network         [offset, ip, port] that the service connects to
//   children(u, r)  [offset, spawn spec, role] for each child of the service
//   childLife       [min, spread]: each child ends min + r.int(spread) ms after it starts
//   end             when the service ends
const benign = (o) => scenario({ kind: 'benign', breaks: 'stage 3 (every candidate child is excluded or runs as SYSTEM)', ...o }, (h, r, at, u) => {
  const client = o.client && o.client(u);
  const ev = {};
  let clientProc;
  if (client) [clientProc, ev[client.role]] = startClient(h, r, at, client.args, client.user || u, h.seeds[client.parent || 'explorer']);
  const [svc, s1] = startService(h, r, at + o.service);
  ev.msiexec_start = s1;
  if (o.dns) ev.dns_lookup = dnsEvent(at + o.dns[0], svc, o.dns[1], '10.0.0.10', r);
  ev.network = connect(at + o.network[0], svc, o.network[1], o.network[2], r);
  for (const [off, spec, role] of o.children(u, r)) {
    const [c, start] = spawn(h, r, svc, at + off, spec);
    ev[role] = start;
    endEvent(at + off + o.childLife[0] + r.int(o.childLife[1]), c);
  }
  if (client) endEvent(at + client.end, clientProc);
  endEvent(at + o.end, svc);
  return { events: ev, msi: svc };
});

benign({
  id: 'benign-user-install', host: 'fin', at: 2150.438,
  why: 'A normal interactive install: the user runs "msiexec /i", the Windows Installer service (msiexec /V) starts, checks a '
    + 'certificate revocation list over the network (stages 1 and 2 match), then starts MsiExec.exe -Embedding custom-action '
    + 'hosts as SYSTEM and as the user, a C:\\Windows\\Installer\\MSI*.tmp helper as the user, and srtasks.exe as SYSTEM. Each child '
    + 'fails stage 3 (SYSTEM, or an excluded path), so no alert.',
  client: (u) => ({ role: 'user_msiexec_start', args: ['/i', `${userDir(u)}\\Downloads\\GoogleChromeStandaloneEnterprise64.msi`], end: 15230 }),
  service: 388, network: [1904, '13.107.4.50', 80],
  children: (u, r) => [
    [2550, { exe: 'C:\\Windows\\System32\\srtasks.exe', args: ['ExecuteScopeRestorePoint', '/WaitForRestorePoint:2'], user: SYSTEM, sig: MSW }, 'srtasks_as_system'],
    [4120, embedding(r, SYSTEM, ['E', 'Global\\MSI0000']), 'msiexec_embedding_as_system'],
    [4975, embedding(r, u), 'msiexec_embedding_as_user'],
    [6610, { exe: `C:\\Windows\\Installer\\MSI${r.hex(4).toUpperCase()}.tmp`, args: ['/quiet'], user: u }, 'installer_tmp_as_user'],
  ],
  childLife: [1500, 9000], end: 95000,
});

benign({
  id: 'benign-sccm-deployment', host: 'app', at: 60.271,
  why: 'A software-distribution agent installs a package: the Windows Installer service connects to the distribution point and '
    + 'starts a trusted vendor exe under C:\\Program Files\\, sc.exe and schtasks.exe as the deployment account, and taskkill.exe '
    + 'as SYSTEM. All of these are excluded, so no alert.',
  client: () => ({ role: 'agent_msiexec_start', args: ['/i', 'C:\\Windows\\ccmcache\\4f\\ContosoAgent-7.1.0.msi', '/qn', 'REBOOT=ReallySuppress'], user: SYSTEM, parent: 'sccm', end: 31100 }),
  service: 512, network: [2207, '10.0.12.5', 443],
  children: (u) => [
    [5304, { exe: 'C:\\Program Files\\Contoso\\Agent\\ContosoAgentSetup.exe', args: ['/configure', '/silent'], user: u, sig: 'Contoso Ltd', trusted: true }, 'program_files_exe_as_user'],
    [7719, { exe: 'C:\\Windows\\System32\\sc.exe', args: ['create', 'ContosoAgent', 'binPath=', 'C:\\Program Files\\Contoso\\Agent\\agent.exe', 'start=', 'auto'], user: u, sig: MSW }, 'sc_as_user'],
    [8890, { exe: 'C:\\Windows\\system32\\schtasks.exe', args: ['/Create', '/TN', 'Contoso\\AgentHealth', '/SC', 'HOURLY', '/TR', 'C:\\Program Files\\Contoso\\Agent\\health.exe', '/F'], user: u, sig: MSW }, 'schtasks_as_user'],
    [9951, { exe: 'C:\\Windows\\System32\\taskkill.exe', args: ['/F', '/IM', 'ContosoTray.exe'], user: SYSTEM, sig: MSW }, 'taskkill_as_system'],
  ],
  childLife: [800, 4000], end: 64020,
});

benign({
  id: 'benign-citrix-update', host: 'rds', at: 2300.806,
  why: 'Citrix Workspace updates itself: the Windows Installer service downloads the package and starts the trusted '
    + 'Citrix-signed updater from the user\'s Temp folder (Citrix exclusion), ie4uinit.exe from SysWOW64 as the user (excluded '
    + 'path) and a 32-bit MsiExec.exe from SysWOW64 (excluded path). No alert.',
  service: 0, dns: [1012, 'downloadplugins.citrix.com'], network: [1130, '52.109.8.89', 443],
  children: (u, r) => [
    [6002, { ...tempChild(u, r, 'CitrixWorkspaceUpdater.exe'), args: ['/silent', '/noreboot'], sig: 'Citrix Systems, Inc.', trusted: true }, 'citrix_trusted_as_user'],
    [8817, { exe: 'C:\\Windows\\SysWOW64\\ie4uinit.exe', args: ['-ClearIconCache'], user: u, sig: MSW }, 'ie4uinit_as_user'],
    [9743, embedding(r, u, [], 'SysWOW64'), 'wow64_msiexec_as_user'],
  ],
  childLife: [2000, 8000], end: 58800,
});

// ---------------------------------------------------------------------------------------------
// Build the planted scenarios

const RESULTS = [];
for (const s of SCENARIOS) {
  const h = HOSTS[s.host];
  const r = rngFor(`scenario/${s.id}`);
  const at = T0 + Math.round(s.at * 1000);
  RESULTS.push({ s, h, out: s.build(h, r, at, h.users[0]) });
}

// ---------------------------------------------------------------------------------------------
// Background activity. Nothing here is msiexec.exe or a child of it.

const WIN_PROGRAMS = [
  // [weight, parent seed key, exe, argument variants, signer, user kind]
  [6, 'explorer', 'C:\\Windows\\System32\\notepad.exe', [['%D\\meeting-notes.txt'], ['%D\\todo.txt'], []], MSW, 'user'],
  [5, 'explorer', 'C:\\Program Files\\Microsoft Office\\root\\Office16\\WINWORD.EXE', [['/n', '%D\\Q2 budget review.docx'], []], MSC, 'user'],
  [4, 'explorer', 'C:\\Program Files\\Microsoft Office\\root\\Office16\\EXCEL.EXE', [['%D\\forecast-2024.xlsx'], []], MSC, 'user'],
  [5, 'explorer', 'C:\\Windows\\System32\\cmd.exe', [[], ['/c', 'ipconfig /all'], ['/k', 'cd /d %U']], MSW, 'user'],
  [3, 'explorer', 'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe', [[], ['-NoLogo'], ['-NoProfile', '-Command', 'Get-Service | Where-Object Status -eq Running']], MSW, 'user'],
  [3, 'explorer', 'C:\\Windows\\System32\\SnippingTool.exe', [[]], MSW, 'user'],
  [2, 'explorer', 'C:\\Windows\\System32\\mstsc.exe', [['/v:SRV-RDS-02.corp.example.com']], MSW, 'user'],
  [4, 'chrome', 'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe', [['--type=renderer', '--lang=en-US', '--renderer-client-id=%N', '/prefetch:1'], ['--type=utility', '--utility-sub-type=network.mojom.NetworkService', '--lang=en-US', '/prefetch:8'], ['--type=gpu-process', '/prefetch:2']], 'Google LLC', 'user'],
  [6, 'svcDcom', 'C:\\Windows\\System32\\RuntimeBroker.exe', [['-Embedding']], MSW, 'user'],
  [5, 'svcDcom', 'C:\\Windows\\System32\\dllhost.exe', [['/Processid:{AB8902B4-09CA-4BB6-B78D-A8F59079A8D5}'], ['/Processid:{3EB3C877-1F16-487C-9050-104DBCD66683}']], MSW, 'user'],
  [4, 'svcDcom', 'C:\\Windows\\System32\\wbem\\WmiPrvSE.exe', [['-secured', '-Embedding'], ['-Embedding']], MSW, 'ns'],
  [4, 'svcDcom', 'C:\\Windows\\System32\\backgroundTaskHost.exe', [['-ServerName:BackgroundTaskHost.WebAccountProvider'], ['-ServerName:App.AppXmtcan0h2tfbfy7k9kmq5v7bcm4gpbfzs.mca']], MSW, 'user'],
  [6, 'svcNetsvcs', 'C:\\Windows\\System32\\taskhostw.exe', [[], ['Install $(Arg0)'], ['-RegisterDevice', '-ProtectionStateChanged', '-FreeNetworkOnly']], MSW, 'system'],
  [3, 'svcNetsvcs', 'C:\\Windows\\System32\\CompatTelRunner.exe', [['-m:appraiser.dll', '-f:DoScheduledTelemetryRun'], ['-m:aitagent.dll', '-f:AitAgentRun']], MSW, 'system'],
  [2, 'svcNetsvcs', 'C:\\Windows\\System32\\usoclient.exe', [['StartScan'], ['StartDownload']], MSW, 'system'],
  [3, 'defender', 'C:\\ProgramData\\Microsoft\\Windows Defender\\Platform\\4.18.24050.7-0\\MpCmdRun.exe', [['-wdenable'], ['SignaturesUpdateService', '-ScheduleJob', '-UnmanagedUpdate']], MSC, 'system'],
  [3, 'services', 'C:\\Windows\\System32\\svchost.exe', [['-k', 'wsappx', '-p', '-s', 'AppXSvc'], ['-k', 'netsvcs', '-p', '-s', 'BITS'], ['-k', 'LocalService', '-p', '-s', 'fdPHost']], MSW, 'system'],
  [2, 'services', 'C:\\Windows\\System32\\sppsvc.exe', [[]], MSW, 'ns'],
  [2, 'svcNetsvcs', 'C:\\Windows\\System32\\gpupdate.exe', [['/target:computer']], MSW, 'system'],
];
const APP_SERVER_PROGRAMS = [
  [4, 'w3wp', 'C:\\Windows\\System32\\cmd.exe', [['/c', 'C:\\inetpub\\OrdersApi\\warmup.cmd']], MSW, 'inherit'],
  [3, 'sccm', 'C:\\Windows\\CCM\\CcmEval.exe', [[]], MSC, 'system'],
];
const LINUX_PROGRAMS = [
  [5, 'bash', '/usr/bin/git', [['fetch', '--all'], ['status'], ['log', '--oneline', '-n', '20']]],
  [4, 'bash', '/usr/bin/make', [['-j8', 'installer'], ['clean']]],
  [3, 'bash', '/usr/bin/python3', [['scripts/package.py', '--target', 'msi'], ['-m', 'pip', 'list']]],
  [2, 'bash', '/usr/bin/ls', [['-la'], ['out/']]],
];

function weightedPick(r, list) {
  const total = list.reduce((a, x) => a + x[0], 0);
  let x = r.next() * total;
  for (const item of list) { x -= item[0]; if (x < 0) return item; }
  return list[list.length - 1];
}

function background() {
  const r = rngFor('background');
  const hosts = Object.values(HOSTS);
  const hostWeights = hosts.map((h) => [h.key === 'wine' ? 1 : h.key === 'kiosk' ? 2 : h.key === 'app' || h.key === 'rds' ? 5 : 4, h]);
  const live = new Map(hosts.map((h) => [h.key, []]));
  let t = T0 + 700;
  while (t < T0 + DURATION_MS - 1000) {
    t += 1 + Math.floor(-Math.log(1 - r.next()) * 7400);
    const h = weightedPick(r, hostWeights)[1];
    const S = h.seeds;
    const running = live.get(h.key);
    const opts = { planted: false, style: r.chance(0.04) ? 'dotted' : 'nested' };
    const launch = (p) => { startEvent(p.start, p, opts); running.push(p); };
    const stopOne = () => running.splice(r.int(running.length), 1)[0];
    const roll = r.next();
    if (!isWindows(h)) {
      if (roll < 0.6 || running.length === 0) {
        const [, parentKey, exe, variants] = weightedPick(r, LINUX_PROGRAMS);
        launch(proc(h, r, { exe, args: [exe.slice(exe.lastIndexOf('/') + 1), ...r.pick(variants)], user: h.users[0], start: t, parent: S[parentKey], cwd: '/home/builder/src/installer' }));
      } else {
        endEvent(t, stopOne(), opts);
      }
      continue;
    }
    const netters = [S.chrome, S.outlook, S.teams, S.onedrive, S.msedge, S.citrix, S.w3wp, S.svcNetwork, S.svcNetsvcs, S.defender].filter(Boolean);
    if (roll < 0.34) {
      const table = h.key === 'app' ? WIN_PROGRAMS.concat(APP_SERVER_PROGRAMS) : WIN_PROGRAMS;
      let [, parentKey, exe, variants, signer, kind] = weightedPick(r, table);
      if (!S[parentKey]) continue; // e.g. no browser on servers
      const parent = S[parentKey];
      const u = kind === 'system' ? SYSTEM : kind === 'ns' ? NETWORK_SERVICE : kind === 'inherit' ? parent.user : parent.user.domain === 'NT AUTHORITY' ? h.users[0] : parent.user;
      const docs = `${userDir(u)}\\Documents`;
      const args = r.pick(variants).map((a) => a.replace('%D', docs).replace('%U', userDir(u)).replace('%N', String(4 + r.int(300))));
      const p = proc(h, r, { exe, args: [exe, ...args], user: u, start: t, sig: signer, parent });
      launch(p);
      if (exe.endsWith('cmd.exe') || exe.endsWith('powershell.exe')) {
        launch(proc(h, r, { exe: 'C:\\Windows\\System32\\conhost.exe', args: ['\\??\\C:\\Windows\\system32\\conhost.exe', '0xffffffff', '-ForceV1'], user: u, start: t + 9, sig: MSW, parent: p }));
      }
    } else if (roll < 0.50 && running.length > 0) {
      endEvent(t, stopOne(), { ...opts, exitCode: r.chance(0.93) ? 0 : r.pick([1, 259, -1073741510]) });
    } else if (roll < 0.72) {
      const p = r.pick(netters);
      const internal = p === S.svcNetsvcs || p === S.svcNetwork ? r.chance(0.5) : r.chance(0.1);
      const dst = internal ? r.pick(['10.0.0.10', '10.0.0.11', '10.0.4.20']) : r.pick(PUBLIC_IPS.slice(0, 3).concat(MS_IPS));
      const port = internal ? r.pick([88, 389, 445, 135]) : r.chance(0.9) ? 443 : 80;
      const a = r.next();
      if (a < 0.7) netEvent(t, p, 'connection_attempted', dst, port, r, opts);
      else if (a < 0.9) netEvent(t, p, 'disconnect_received', dst, port, r, opts);
      else netEvent(t, S.svcNetsvcs, 'connection_accepted', `10.20.${r.int(10)}.${2 + r.int(250)}`, r.pick([135, 445, 5985]), r, opts);
    } else if (roll < 0.80) {
      const p = r.pick(netters);
      dnsEvent(t, p, r.pick(['login.microsoftonline.com', 'outlook.office365.com', 'teams.microsoft.com', 'clients2.google.com', 'ctldl.windowsupdate.com', 'fs01.corp.example.com', 'wpad.corp.example.com']), '10.0.0.10', r, opts);
    } else if (roll < 0.93) {
      const u = h.users[0];
      const choices = [
        [S.explorer, `${userDir(u)}\\Downloads\\${r.pick(['invoice_0611.pdf', 'org-chart.pptx', 'VPN-guide.pdf', 'screenshot.png'])}`],
        [S.defender, `C:\\ProgramData\\Microsoft\\Windows Defender\\Scans\\History\\Service\\DetectionHistory\\${r.hex(8)}.bin`],
        [S.svcNetsvcs, `C:\\Windows\\Prefetch\\${r.pick(['CMD.EXE', 'NOTEPAD.EXE', 'RUNTIMEBROKER.EXE', 'TASKHOSTW.EXE'])}-${r.hex(8).toUpperCase()}.pf`],
        [S.outlook || S.explorer, `${userDir(u)}\\AppData\\Local\\Microsoft\\Windows\\INetCache\\Content.Outlook\\${r.hex(8).toUpperCase()}\\${r.pick(['image001.png', 'agenda.docx', 'report.xlsx'])}`],
      ];
      const [p, path] = r.pick(choices);
      fileEvent(t, p, r.pick(['creation', 'modification', 'overwrite', 'deletion']), path, opts);
    } else {
      const u = h.users[0];
      if (r.chance(0.5)) registryEvent(t, S.explorer, 'HKU', `${u.id}\\Software\\Microsoft\\Windows\\CurrentVersion\\Explorer\\RecentDocs`, 'MRUListEx', r.hex(16), 'REG_BINARY', opts);
      else registryEvent(t, S.svcNetsvcs, 'HKLM', 'SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\WindowsUpdate\\Auto Update', 'LastOnlineScanTimeForAppCategory', r.guid().toUpperCase(), 'REG_SZ', opts);
    }
  }
}
background();

// ---------------------------------------------------------------------------------------------
// Output

function flatten(obj, prefix = '', out = {}) {
  for (const [k, v] of Object.entries(obj)) {
    const key = prefix + k;
    if (v !== null && typeof v === 'object' && !Array.isArray(v)) flatten(v, `${key}.`, out);
    else out[key] = v;
  }
  return out;
}

// Moves the value at a dotted path out of its nested object to a top-level key spelled with dots.
function hoist(doc, path) {
  const parts = path.split('.');
  let o = doc;
  for (const p of parts.slice(0, -1)) o = o[p];
  const v = o[parts[parts.length - 1]];
  delete o[parts[parts.length - 1]];
  doc[path] = v;
}

function render(rec) {
  const doc = structuredClone(rec.doc);
  if (rec.style === 'dotted') return JSON.stringify(flatten(doc));
  if (rec.style.startsWith('mixed:')) for (const p of rec.style.slice(6).split(',')) hoist(doc, p);
  return JSON.stringify(doc);
}

function build() {
  EVENTS.sort((a, b) => a.ms - b.ms);
  const seq = new Map();
  for (const e of EVENTS) {
    const n = (seq.get(e.h.key) || 31000 + (fnv1a(e.h.key) % 9000)) + 1 + (fnv1a(e.id) % 3);
    seq.set(e.h.key, n);
    e.doc.event.sequence = n;
  }
  const ndjson = EVENTS.map(render).join('\n') + '\n';

  const ids = (recs) => recs.map((e) => e.id);
  const roleIds = (o) => Object.fromEntries(Object.entries(o).map(([k, e]) => [k, e.id]));
  const trueP = [];
  const near = [];
  for (const { s, h, out } of RESULTS) {
    if (s.kind === 'tp') {
      const [a, , c] = out.alert;
      if (c.ms - a.ms > MAXSPAN_MS) throw new Error(`${s.id}: planted span exceeds maxspan`);
      trueP.push({
        scenario: s.id,
        host: h.name,
        tests: s.tests,
        join_keys: [out.msi.entity],
        event_ids: ids(out.alert),
        timestamps: out.alert.map((e) => e.doc['@timestamp']),
        span_ms: c.ms - a.ms,
        ...(out.ignored ? { ignored_event_ids: roleIds(out.ignored) } : {}),
        _last: c.ms,
      });
    } else {
      near.push({
        scenario: s.id,
        kind: s.kind === 'benign' ? 'benign installer session (partial matches)' : 'near miss',
        host: h.name,
        msiexec_entity_id: out.msi.entity,
        breaks: s.breaks,
        why: s.why,
        event_ids: roleIds(out.events),
        _first: Math.min(...Object.values(out.events).map((e) => e.ms)),
      });
    }
  }
  // Elasticsearch returns sequences ordered by the timestamp of their last event.
  trueP.sort((a, b) => a._last - b._last);
  near.sort((a, b) => a._first - b._first);
  for (const x of trueP) delete x._last;
  for (const x of near) delete x._first;
  const expected = {
    description: 'Expected result of the rule in ' + RULE_FILE + ' over ' + EVENTS_FILE + '. Written by '
      + 'generate-msiexec-events.mjs from the planted scenarios (no EQL engine involved). `alerts` is what an '
      + 'Elasticsearch-faithful engine must return: one entry per sequence, ascending by the @timestamp of the sequence\'s last '
      + 'event, each with the join key (the msiexec process.entity_id; stage 3 joins on process.parent.entity_id) and the '
      + 'event.id of each stage in stage order. `true_positives` documents the same alerts; `near_misses` lists the planted '
      + 'scenarios that must not alert.',
    rule: RULE_FILE,
    events: EVENTS_FILE,
    event_count: EVENTS.length,
    alerts: trueP.map((x) => ({ join_keys: x.join_keys, event_ids: x.event_ids })),
    true_positives: trueP,
    near_misses: near,
  };
  return { ndjson, json: JSON.stringify(expected, null, 2) + '\n' };
}

const { ndjson, json } = build();
const here = dirname(fileURLToPath(import.meta.url));
const argv = process.argv.slice(2);
if (argv.includes('--check')) {
  const stale = [[EVENTS_FILE, ndjson], [ALERTS_FILE, json]].filter(([f, text]) => {
    try { return readFileSync(join(here, f), 'utf8') !== text; } catch { return true; }
  });
  if (stale.length) {
    console.error(`stale: ${stale.map((x) => x[0]).join(', ')} (run node examples/generate-msiexec-events.mjs)`);
    process.exit(1);
  }
  console.error('up to date');
} else {
  const i = argv.indexOf('--out-dir');
  const dir = i >= 0 ? argv[i + 1] : here;
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, EVENTS_FILE), ndjson);
  writeFileSync(join(dir, ALERTS_FILE), json);
  console.error(`wrote ${EVENTS.length} events and ${RESULTS.filter((x) => x.s.kind === 'tp').length} expected alerts to ${dir}`);
}
