// The dependency check that works without the registry's audit endpoint: every installed package's
// licence from the local store (`pnpm licenses list`, offline), refused when it is not on the list
// below, then what has newer versions (`pnpm outdated`, which needs the registry; skipped when it does
// not answer). See docs/dependencies.md.
import { execFileSync } from 'node:child_process';

/** Licences accepted without review; anything else is listed and fails the check. */
const ALLOWED = [
  'MIT',
  'MIT-0',
  'MIT/X11',
  'ISC',
  'Apache-2.0',
  'BSD-2-Clause',
  'BSD-3-Clause',
  '0BSD',
  'BlueOak-1.0.0',
  'CC0-1.0',
  'Unlicense',
  'Python-2.0',
  'MPL-2.0',
  'EPL-2.0',
  // fonts (Noto Sans JP, embedded in invitation letters)
  'OFL-1.1',
];
/**
 * Packages reviewed by hand whose published package names no licence (name@version → what was found).
 * Each entry says where the licence was read; a new version is not covered and is listed again.
 */
const REVIEWED = {
  'buffers@0.1.1':
    'MIT: LICENSE in github.com/substack/node-buffers (the 0.1.1 tarball has no licence field); via exceljs → unzipper → binary',
};
const allowed = (license) =>
  license
    .replace(/[()]/g, '')
    .split(/\s+(?:OR|AND|and|or)\s+/)
    .some((part) => ALLOWED.includes(part.trim()));

const run = (args) => execFileSync('pnpm', args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });

const byLicense = JSON.parse(run(['licenses', 'list', '--json']));
const refused = [];
for (const [license, packages] of Object.entries(byLicense)) {
  process.stdout.write(`${`${String(packages.length).padStart(5)}  ${license}`}\n`);
  if (!allowed(license)) {
    for (const p of packages) {
      const unreviewed = (p.versions ?? []).filter((v) => !REVIEWED[`${p.name}@${v}`]);
      if (unreviewed.length) refused.push(`${p.name}@${unreviewed.join(', ')} (${license})`);
    }
  }
}

try {
  process.stdout.write(`${'\nNewer versions (pnpm outdated -r):'}\n`);
  process.stdout.write(`${run(['outdated', '-r', '--no-table']) || 'none'}\n`);
} catch (error) {
  // `pnpm outdated` exits 1 when something is outdated; its list is still the output.
  const out = String(error.stdout ?? '');
  process.stdout.write(`${out || `the registry did not answer: ${String(error.message).split('\n')[0]}`}\n`);
}

if (refused.length) {
  process.stderr.write(`${`\nLicences to review (${refused.length}):\n  ${refused.join('\n  ')}`}\n`);
  process.exit(1);
}
