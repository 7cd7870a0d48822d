// @vitest-environment node
import { describe, expect, test } from 'vitest';
import { chromiumPlan, ensureChromium, installCommands } from './ensure-chromium.mjs';
import { NO_CHROMIUM_MESSAGE } from './find-chromium.mjs';

const DEBIAN = 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nID=debian\nVERSION_ID="12"\n';
const UBUNTU = 'NAME="Ubuntu"\nID=ubuntu\nID_LIKE=debian\n';
const MINT = 'NAME="Linux Mint"\nID=linuxmint\nID_LIKE="ubuntu debian"\n';
const FEDORA = 'NAME="Fedora Linux"\nID=fedora\n';

/** A machine with no browser: Debian, root, apt-get there, no sudo; `facts` changes it. */
function machine(facts: Partial<Parameters<typeof chromiumPlan>[0]> & { commands?: string[] }) {
  const commands = facts.commands ?? ['apt-get'];
  return {
    found: undefined,
    osRelease: DEBIAN,
    uid: 0,
    hasCommand: (name: string) => commands.includes(name),
    passwordlessSudo: () => false,
    ...facts,
  };
}

describe('what to do when the browser tests need a Chromium', () => {
  test('one that is there is used, whatever the machine', () => {
    expect(chromiumPlan(machine({ found: '/usr/bin/chromium', osRelease: FEDORA }))).toEqual({
      found: '/usr/bin/chromium',
    });
  });

  test('Debian, Ubuntu and their derivatives install it as root', () => {
    for (const osRelease of [DEBIAN, UBUNTU, MINT]) {
      expect(chromiumPlan(machine({ osRelease }))).toEqual({ install: true, sudo: false });
    }
  });

  test('another user installs it through passwordless sudo', () => {
    const plan = chromiumPlan(
      machine({ uid: 1000, commands: ['apt-get', 'sudo'], passwordlessSudo: () => true }),
    );
    expect(plan).toEqual({ install: true, sudo: true });
  });

  test('everywhere else it stops with the line saying how to install one', () => {
    const stop = { stop: NO_CHROMIUM_MESSAGE };
    // A user whose sudo asks for a password, a user without sudo, no apt-get, not Debian,
    // no os-release at all (macOS).
    expect(
      chromiumPlan(
        machine({ uid: 1000, commands: ['apt-get', 'sudo'], passwordlessSudo: () => false }),
      ),
    ).toEqual(stop);
    expect(chromiumPlan(machine({ uid: 1000 }))).toEqual(stop);
    expect(chromiumPlan(machine({ commands: [] }))).toEqual(stop);
    expect(chromiumPlan(machine({ osRelease: FEDORA, commands: ['apt-get'] }))).toEqual(stop);
    expect(chromiumPlan(machine({ osRelease: undefined, uid: 501 }))).toEqual(stop);
    expect(NO_CHROMIUM_MESSAGE).not.toContain('\n');
  });

  test('sudo is asked never to prompt, and apt-get never asks a question', () => {
    expect(installCommands(false)).toEqual([
      ['apt-get', 'update', '-qq'],
      ['apt-get', 'install', '-y', '-qq', 'chromium', 'chromium-headless-shell'],
    ]);
    for (const command of installCommands(true)) {
      expect(command.slice(0, 4)).toEqual(['sudo', '-n', 'env', 'DEBIAN_FRONTEND=noninteractive']);
    }
  });
});

describe('ensureChromium', () => {
  function run(facts: Parameters<typeof machine>[0], outcome: { ok: boolean; found?: string }) {
    const ran: string[][] = [];
    const lines: string[] = [];
    const browser = ensureChromium({
      machine: machine(facts),
      run: (command: string[]) => {
        ran.push(command);
        return { ok: outcome.ok, lastLine: 'E: Unable to locate package chromium' };
      },
      find: () => outcome.found,
      log: (line: string) => lines.push(line),
    });
    return { browser, ran, lines };
  }

  test('installs, says so in one line, and returns the browser it then finds', () => {
    const { browser, ran, lines } = run(
      {},
      { ok: true, found: '/usr/bin/chromium-headless-shell' },
    );
    expect(browser).toBe('/usr/bin/chromium-headless-shell');
    expect(ran).toEqual(installCommands(false));
    expect(lines).toEqual([
      "No Chromium found for the browser tests: installing Debian's chromium (apt-get install -y chromium chromium-headless-shell)…",
    ]);
  });

  test('a failed install stops at the failing command with one line', () => {
    const { browser, ran, lines } = run({}, { ok: false });
    expect(browser).toBeUndefined();
    expect(ran).toHaveLength(1);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toBe(
      `apt-get update -qq failed (E: Unable to locate package chromium). ${NO_CHROMIUM_MESSAGE}`,
    );
  });

  test('where it may not install, nothing runs and one line says how', () => {
    const { browser, ran, lines } = run({ osRelease: FEDORA }, { ok: true });
    expect(browser).toBeUndefined();
    expect(ran).toEqual([]);
    expect(lines).toEqual([NO_CHROMIUM_MESSAGE]);
  });

  test('a browser already there is returned without a word', () => {
    const { browser, ran, lines } = run({ found: '/opt/chrome/chrome' }, { ok: true });
    expect(browser).toBe('/opt/chrome/chrome');
    expect(ran).toEqual([]);
    expect(lines).toEqual([]);
  });
});
