#!/usr/bin/env node
// The release's first job: everything that can be refused in seconds is refused before the
// 30-minute build. Reads package.json (or the one inside a tarball with --tarball) and checks:
//
//   - on a tag push (GITHUB_REF_TYPE=tag): the tag is v<version>;
//   - package.json's repository.url names the repository the workflow runs in (GITHUB_REPOSITORY):
//     npm publish --provenance rejects anything else with E422;
//   - with --check-registry: that version is not on npm yet (a 404 for a package that was never
//     published is fine).
//
// Prints version and dist-tag, and appends them to $GITHUB_OUTPUT when set. The dist-tag is
// `latest` for a release and the first prerelease identifier for a prerelease (1.2.0-beta.1 ->
// beta, 1.2.0-rc.0 -> rc; a numeric one, 1.2.0-0, -> next): npm 11 refuses to publish a
// prerelease without --tag, and a prerelease must never become `latest`.
//
//   node .github/scripts/release-meta.mjs [--tarball pidproof-x.y.z.tgz] [--check-registry]
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const args = process.argv.slice(2);
const tarballAt = args.indexOf('--tarball');
const tarball = tarballAt === -1 ? undefined : args[tarballAt + 1];
const checkRegistry = args.includes('--check-registry');

function fail(why) {
  console.error(`release-meta: ${why}`);
  process.exit(1);
}

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');
const pkg = tarball
  ? JSON.parse(execFileSync('tar', ['-xzOf', tarball, 'package/package.json'], { encoding: 'utf8' }))
  : JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));

const semver = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?(?:\+[0-9A-Za-z.-]+)?$/;
const m = semver.exec(pkg.version ?? '');
if (!m) fail(`package.json version ${JSON.stringify(pkg.version)} is not a semantic version`);
const prerelease = m[4];
let distTag = 'latest';
if (prerelease) {
  const first = prerelease.split('.')[0];
  distTag = /^[A-Za-z][0-9A-Za-z-]*$/.test(first) ? first.toLowerCase() : 'next';
  if (distTag === 'latest') distTag = 'next';
}

const { GITHUB_REF_TYPE, GITHUB_REF_NAME, GITHUB_REPOSITORY, GITHUB_OUTPUT } = process.env;
if (GITHUB_REF_TYPE === 'tag' && GITHUB_REF_NAME !== `v${pkg.version}`) {
  fail(`the tag ${GITHUB_REF_NAME} does not match package.json's version ${pkg.version} (expected v${pkg.version})`);
}

if (GITHUB_REPOSITORY) {
  const url = typeof pkg.repository === 'string' ? pkg.repository : pkg.repository?.url;
  const named = /github\.com[/:]([^/]+)\/([^/#]+?)(?:\.git)?(?:#.*)?$/.exec(url ?? '');
  const slug = named ? `${named[1]}/${named[2]}` : null;
  if (slug?.toLowerCase() !== GITHUB_REPOSITORY.toLowerCase()) {
    fail(
      `package.json repository.url is ${JSON.stringify(url)}, but this workflow runs in ${GITHUB_REPOSITORY}: ` +
        `npm publish --provenance rejects that (E422). Set repository.url to git+https://github.com/${GITHUB_REPOSITORY}.git ` +
        '(and homepage, bugs) in package.json, as README "Releasing" says.',
    );
  }
}

if (checkRegistry) {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const view = spawnSync(npm, ['view', `${pkg.name}@${pkg.version}`, 'version', '--json'], {
    encoding: 'utf8',
    shell: process.platform === 'win32',
  });
  const out = `${view.stdout}${view.stderr}`;
  if (view.status === 0 && view.stdout.trim() !== '') fail(`${pkg.name}@${pkg.version} is already on npm`);
  if (view.status !== 0 && !/E404/.test(out)) fail(`could not ask npm about ${pkg.name}@${pkg.version}: ${out.trim()}`);
}

console.log(`version=${pkg.version}`);
console.log(`dist-tag=${distTag}`);
if (GITHUB_OUTPUT) fs.appendFileSync(GITHUB_OUTPUT, `version=${pkg.version}\ndist-tag=${distTag}\n`);
