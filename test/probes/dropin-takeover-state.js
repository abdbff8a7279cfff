// For each of N SIGKILLed drop-in holders: poll the drop-in's own judgement (inspectDir) and the
// holder's /proc state; report the state read just before and just after the first 'gone'.
const { spawn } = require('child_process');
const fs = require('fs');
const { inspectDir } = require(__dirname + '/../../.test-out/lib/compat/dir-record.js');
const file = require('os').tmpdir() + '/pidproof-obs-target';
fs.writeFileSync(file, '');
const lockPath = file + '.lock';
function st(pid) {
  try { const s = fs.readFileSync(`/proc/${pid}/stat`, 'latin1'); const f = s.slice(s.lastIndexOf(')') + 2).split(' ');
    return `${f[0]}/${(Number(f[6]) >>> 0).toString(16)}/thr${f[17]}`; } catch { return 'gone'; }
}
const N = Number(process.argv[2] || 50);
const tally = {};
(async () => {
  for (let i = 0; i < N; i++) {
    const c = spawn(process.execPath, [__dirname + '/dropin-holder.js', file, 'idle'], { stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise((r) => c.stdout.once('data', r));
    c.kill('SIGKILL');
    const kinds = {};
    let before, after, d;
    for (;;) {
      before = st(c.pid);
      let s; try { s = fs.statSync(lockPath); } catch { break; }
      d = inspectDir(lockPath, s);
      kinds[d.kind] = (kinds[d.kind] || 0) + 1;
      if (d.kind === 'gone') { after = st(c.pid); break; }
    }
    const key = `before=${before.split('/')[0]} after=${after && after.split('/')[0]} reason=${d && d.reason}`;
    tally[key] = (tally[key] || 0) + 1;
    if (!before.startsWith('Z')) console.log(i, 'before', before, 'after', after, d && d.reason, JSON.stringify(kinds));
    await new Promise((r) => c.once('exit', r));
    fs.rmdirSync(lockPath);
  }
  console.log(tally);
})();
