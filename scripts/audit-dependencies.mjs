// `npm audit --omit=dev`, read for what matters here: a high or critical advisory in a
// package the app ships fails; moderate and low ones are listed. npm exits 1 both for
// findings and for an advisory endpoint it could not ask, so the JSON tells which.
//
//   node scripts/audit-dependencies.mjs [--registry <url>] [--allow-unreachable]
//
// Exit codes: 0 clean, 1 high or critical advisories, 2 the registry could not be asked
// (0 with --allow-unreachable, which .ci/run uses: the npm registry these machines reach
// answers the audit endpoint with 405 Method Not Allowed, so CI says so and goes on).
import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';

const FAILING = new Set(['high', 'critical']);

/** What an `npm audit --json` report means: the lines to print and the exit code. */
export function readAuditReport(json, { allowUnreachable = false } = {}) {
  let report;
  try {
    report = JSON.parse(json);
  } catch {
    report = { error: { summary: 'npm audit printed no JSON report' } };
  }
  if (!report.metadata?.vulnerabilities) {
    const why = report.error?.summary || report.message || 'no report';
    const lines = [
      `audit: NOT CHECKED: the registry's advisory endpoint could not be asked (${why.split('\n')[0]})`,
    ];
    return { lines, code: allowUnreachable ? 0 : 2 };
  }
  const findings = Object.values(report.vulnerabilities ?? {});
  const lines = findings.map((finding) => {
    const titles = finding.via
      .filter((via) => typeof via === 'object')
      .map((via) => `${via.title} (${via.url})`);
    const through = finding.via.filter((via) => typeof via === 'string');
    return `audit: ${finding.severity}: ${finding.name} ${finding.range}: ${[
      ...titles,
      ...through.map((name) => `through ${name}`),
    ].join('; ')}`;
  });
  const { prod } = report.metadata.dependencies ?? {};
  const counts = report.metadata.vulnerabilities;
  const failing = findings.filter((finding) => FAILING.has(finding.severity)).length;
  lines.push(
    `audit: ${prod ?? '?'} production dependencies; ${counts.critical} critical, ${counts.high} high, ${counts.moderate} moderate, ${counts.low} low`,
  );
  if (failing > 0) lines.push(`audit: ${failing} high or critical: fix or replace before shipping`);
  return { lines, code: failing > 0 ? 1 : 0 };
}

function main(args) {
  const registry = args.includes('--registry') ? args[args.indexOf('--registry') + 1] : undefined;
  const npm = spawnSync(
    'npm',
    ['audit', '--omit=dev', '--json', ...(registry ? ['--registry', registry] : [])],
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  const { lines, code } = readAuditReport(npm.stdout ?? '', {
    allowUnreachable: args.includes('--allow-unreachable'),
  });
  for (const line of lines) console.log(line);
  process.exitCode = code;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) main(process.argv.slice(2));
