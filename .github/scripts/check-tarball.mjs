#!/usr/bin/env node
// Checks a packed pidproof tarball before anyone installs or publishes it:
//
//   - it holds only what a user needs (the package.json "files" allow-list: dist/ JavaScript and
//     declarations, native/ sources and binding.gyp for a build from source, prebuilds/, the docs)
//     and everything that must be there;
//   - every prebuild named with --prebuilds (or all seven release targets with --all-targets) is
//     there, and no other;
//   - package.json names one GitHub repository, consistently, in repository, homepage and bugs
//     (npm publish --provenance rejects a repository.url that does not match the repository the
//     workflow runs in); with --repository OWNER/NAME it must be that one.
//
//   node .github/scripts/check-tarball.mjs <pidproof-x.y.z.tgz> [--all-targets | --prebuilds a,b]
//                                          [--repository OWNER/NAME]
//
// Used by `npm run test:pack` and by the workflows' assemble and publish jobs. Needs `tar`.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

// The release ships these (node-gyp-build picks by platform, arch and, on Linux, libc).
const RELEASE_TARGETS = [
  'linux-x64/pidproof.glibc.node',
  'linux-x64/pidproof.musl.node',
  'linux-arm64/pidproof.glibc.node',
  'linux-arm64/pidproof.musl.node',
  'darwin-x64/pidproof.node',
  'darwin-arm64/pidproof.node',
  'win32-x64/pidproof.node',
];

const args = process.argv.slice(2);
function option(name) {
  const i = args.indexOf(name);
  if (i === -1) return undefined;
  const value = args[i + 1];
  if (value === undefined || value.startsWith('--')) usage(`${name} needs a value`);
  args.splice(i, 2);
  return value;
}
function usage(why) {
  console.error(`check-tarball: ${why}`);
  console.error(
    'usage: node check-tarball.mjs <pidproof-x.y.z.tgz> [--all-targets | --prebuilds a,b] [--repository OWNER/NAME]',
  );
  process.exit(2);
}
const repository = option('--repository');
const prebuildList = option('--prebuilds');
const allTargets = args.includes('--all-targets');
const positional = args.filter((a) => !a.startsWith('--'));
if (positional.length !== 1) usage('one tarball expected');
if (allTargets && prebuildList) usage('--all-targets and --prebuilds exclude each other');
const tarball = path.resolve(positional[0]);
const wantedPrebuilds = allTargets ? RELEASE_TARGETS : prebuildList ? prebuildList.split(',').filter(Boolean) : null;

const problems = [];
const entries = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8', maxBuffer: 64 << 20 })
  .split('\n')
  .filter(Boolean);
const files = entries.filter((e) => !e.endsWith('/')).map((e) => e.replace(/^package\//, ''));
if (entries.some((e) => !e.startsWith('package/'))) problems.push('an entry outside package/');

const allowed = [
  /^package\.json$/,
  /^README\.md$/,
  /^CHANGELOG\.md$/,
  /^LICENSE$/,
  /^binding\.gyp$/,
  /^record\.schema\.json$/,
  /^native\/[A-Za-z0-9_]+\.(cc|h)$/,
  /^dist\/[A-Za-z0-9_/.-]+\.(js|mjs|d\.ts|d\.mts)$/,
  /^prebuilds\/[a-z0-9]+-[a-z0-9]+\/pidproof(\.(glibc|musl))?\.node$/,
];
const required = [
  'package.json', 'README.md', 'CHANGELOG.md', 'LICENSE', 'binding.gyp', 'record.schema.json',
  'native/addon.cc', 'native/platform.h', 'native/platform_linux.cc', 'native/platform_darwin.cc',
  'native/platform_win32.cc', 'native/platform_freebsd.cc', 'native/platform_unsupported.cc',
  'dist/index.js', 'dist/index.d.ts', 'dist/cli.js',
  'dist/compat/proper-lockfile.js', 'dist/compat/proper-lockfile.mjs', 'dist/compat/proper-lockfile.d.ts',
  'dist/compat/proper-lockfile.d.mts', 'native/xattr_posix.cc', 'native/xattr_none.cc',
];
const forbidden = /^(test|bench|\.ci|\.github|build|lib|node_modules|\.bench-out|\.test-out|\.win32)\/|\.map$|\.tgz$|^tsconfig|^vitest/;
for (const f of files) {
  if (forbidden.test(f)) problems.push(`must not ship: ${f}`);
  else if (!allowed.some((re) => re.test(f))) problems.push(`not on the allow-list: ${f}`);
}
for (const f of required) if (!files.includes(f)) problems.push(`missing: ${f}`);

const prebuilds = files.filter((f) => f.startsWith('prebuilds/')).map((f) => f.slice('prebuilds/'.length));
if (wantedPrebuilds) {
  for (const p of wantedPrebuilds) if (!prebuilds.includes(p)) problems.push(`missing prebuild: prebuilds/${p}`);
  for (const p of prebuilds) if (!wantedPrebuilds.includes(p)) problems.push(`unexpected prebuild: prebuilds/${p}`);
}

// One GitHub repository, named the same way everywhere; npm's provenance check compares
// repository.url with https://github.com/OWNER/NAME of the publishing workflow.
const pkg = JSON.parse(execFileSync('tar', ['-xzOf', tarball, 'package/package.json'], { encoding: 'utf8' }));
const repoUrl = typeof pkg.repository === 'string' ? pkg.repository : pkg.repository?.url;
const fromRepo = /^git\+https:\/\/github\.com\/([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+?)\.git$/.exec(repoUrl ?? '');
if (!fromRepo) {
  problems.push(`package.json repository.url must be git+https://github.com/OWNER/NAME.git, is ${JSON.stringify(repoUrl)}`);
} else {
  const slug = `${fromRepo[1]}/${fromRepo[2]}`;
  const home = `https://github.com/${slug}#readme`;
  const bugs = `https://github.com/${slug}/issues`;
  if (pkg.homepage !== home) problems.push(`package.json homepage must be ${home}, is ${JSON.stringify(pkg.homepage)}`);
  const bugsUrl = typeof pkg.bugs === 'string' ? pkg.bugs : pkg.bugs?.url;
  if (bugsUrl !== bugs) problems.push(`package.json bugs.url must be ${bugs}, is ${JSON.stringify(bugsUrl)}`);
  if (repository !== undefined && slug.toLowerCase() !== repository.toLowerCase()) {
    problems.push(
      `package.json names the repository ${slug}, but this runs in ${repository}: ` +
        'npm publish --provenance would reject it (E422); set repository, homepage and bugs to this repository',
    );
  }
}

const size = fs.statSync(tarball).size;
console.log(`check-tarball: ${path.basename(tarball)}: ${files.length} files, ${size} bytes, ${pkg.name}@${pkg.version}`);
for (const p of prebuilds) console.log(`  prebuilds/${p}`);
if (problems.length) {
  for (const p of problems) console.error(`  ${p}`);
  console.error(`check-tarball: ${problems.length} problem(s)`);
  process.exit(1);
}
console.log(`check-tarball: ok${repository ? ` (repository ${repository})` : ''}`);
