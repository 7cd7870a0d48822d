// Makes sure the browser tests have a Chromium: uses the one findTestChromium() finds (the
// headless shell, else the whole browser), or, on a Debian or Ubuntu machine where this user
// may run apt-get (root, or passwordless sudo), installs Debian's `chromium` and
// `chromium-headless-shell` packages (the suite runs in the shell, the benchmarks in the whole
// browser: ADR 58); anywhere else it stops with one line saying how to install one. Used by
// `npm run test:e2e` (so by `npm test`) and by .ci/run.
//
//   node scripts/ensure-chromium.mjs    prints the browser it will use, exit 1 if none
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { findTestChromium, NO_CHROMIUM_MESSAGE } from './find-chromium.mjs';

/** The fields of an os-release file (`ID=debian`, `ID_LIKE="ubuntu debian"`, …). */
function osReleaseIds(text) {
  const ids = [];
  for (const line of (text ?? '').split('\n')) {
    const match = /^(ID|ID_LIKE)=(.*)$/.exec(line.trim());
    if (match) ids.push(...match[2].replace(/^["']|["']$/g, '').split(/\s+/));
  }
  return ids.filter(Boolean);
}

/**
 * What to do, from the machine's facts alone (tests inject them):
 * `{ found }` a browser is there; `{ install, sudo }` run apt-get, with sudo or not;
 * `{ stop }` the one line to print before failing.
 *
 * @param {{ found?: string, osRelease?: string, uid?: number,
 *   hasCommand: (name: string) => boolean, passwordlessSudo: () => boolean }} machine
 */
export function chromiumPlan(machine) {
  if (machine.found) return { found: machine.found };
  const ids = osReleaseIds(machine.osRelease);
  const debianLike = ids.includes('debian') || ids.includes('ubuntu');
  if (debianLike && machine.hasCommand('apt-get')) {
    if (machine.uid === 0) return { install: true, sudo: false };
    if (machine.hasCommand('sudo') && machine.passwordlessSudo()) {
      return { install: true, sudo: true };
    }
  }
  return { stop: NO_CHROMIUM_MESSAGE };
}

/** The commands that install Debian's chromium and its headless shell, without a question asked. */
export function installCommands(sudo) {
  const prefix = sudo ? ['sudo', '-n', 'env', 'DEBIAN_FRONTEND=noninteractive'] : [];
  return [
    [...prefix, 'apt-get', 'update', '-qq'],
    [...prefix, 'apt-get', 'install', '-y', '-qq', 'chromium', 'chromium-headless-shell'],
  ];
}

function hasCommand(name) {
  try {
    execFileSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

function readOsRelease() {
  for (const file of ['/etc/os-release', '/usr/lib/os-release']) {
    try {
      return readFileSync(file, 'utf8');
    } catch {
      // try the next one
    }
  }
  return undefined;
}

/** The facts of this machine, for chromiumPlan(). */
export function thisMachine() {
  return {
    found: findTestChromium(),
    osRelease: readOsRelease(),
    uid: process.getuid?.(),
    hasCommand,
    passwordlessSudo: () => spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' }).status === 0,
  };
}

/** Runs a command quietly; its last line of output is kept for the message if it fails. */
function runQuietly(command) {
  const result = spawnSync(command[0], command.slice(1), {
    encoding: 'utf8',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  const output = (result.stderr || result.stdout || String(result.error ?? '')).trim();
  return { ok: result.status === 0, lastLine: output.split('\n').at(-1) ?? '' };
}

/**
 * Returns the browser's path, installing it first if the plan says so; undefined (after
 * printing how to install one) if there is none. Tests inject the machine and the runner.
 */
export function ensureChromium({
  machine = thisMachine(),
  run = runQuietly,
  find = findTestChromium,
  log = console.log,
} = {}) {
  const plan = chromiumPlan(machine);
  if (plan.found) return plan.found;
  if (plan.stop) {
    log(plan.stop);
    return undefined;
  }
  log(
    `No Chromium found for the browser tests: installing Debian's chromium (${plan.sudo ? 'sudo ' : ''}apt-get install -y chromium chromium-headless-shell)…`,
  );
  for (const command of installCommands(plan.sudo)) {
    const result = run(command);
    if (!result.ok) {
      log(`${command.join(' ')} failed (${result.lastLine}). ${NO_CHROMIUM_MESSAGE}`);
      return undefined;
    }
  }
  const installed = find();
  if (!installed) log(`chromium was installed but not found. ${NO_CHROMIUM_MESSAGE}`);
  return installed;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const browser = ensureChromium();
  if (!browser) process.exit(1);
  console.log(`browser tests use ${browser}`);
}
