// `npm audit --omit=dev`, read for what matters here: a high or critical advisory in a
// package the app ships fails; moderate and low ones are listed. npm exits 1 both for
// findings and for an advisory endpoint it could not ask, so the JSON tells which.
//
//   node scripts/audit-dependencies.mjs [--registry <url>] [--allow-unreachable]
//
// Exit codes: 0 clean, 1 high or critical advisories, 2 the audit could not run. With
// --allow-unreachable (what .ci/run uses) an advisory endpoint that refuses or cannot be
// reached gives 0 and says NOT CHECKED: the npm registry these machines reach answers it
// with 405 Method Not Allowed. Any other failure (no lockfile, no npm) is still 2.
import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';

const FAILING = new Set(['high', 'critical']);

/**
 * Whether npm could not reach the advisory endpoint: it answered with an HTTP error (the
 * registry here says 405) or the connection failed. Anything else that stops npm (no
 * lockfile, no npm, no JSON) is a failure of the audit itself, never "unreachable".
 */
function isUnreachable(report) {
  if (typeof report.statusCode === 'number') return true;
  return /request to .* failed|ECONNREFUSED|ENOTFOUND|ETIMEDOUT|EAI_AGAIN|ECONNRESET/.test(
    report.message ?? '',
  );
}

/** What an `npm audit --json` report means: the lines to print and the exit code. */
export function readAuditReport(json, { allowUnreachable = false } = {}) {
  let report;
  try {
    report = JSON.parse(json);
  } catch {
    return { lines: ['audit: FAILED: npm audit printed no JSON report'], code: 2 };
  }
  if (!report.metadata?.vulnerabilities) {
    const why = (report.message || report.error?.summary || 'no report').split('\n')[0];
    if (!isUnreachable(report)) {
      const code = report.error?.code ? `${report.error.code}: ` : '';
      return { lines: [`audit: FAILED: ${code}${why}`], code: 2 };
    }
    const lines = [
      `audit: NOT CHECKED: the registry's advisory endpoint could not be asked (${why})`,
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
