const m = require(__dirname + '/../../.test-out/lib/compat/proper-lockfile.js');
const pl = m.default ?? m;
const [file, mode] = process.argv.slice(2);
pl.lock(file).then(() => {
  process.stdout.write('held\n');
  if (mode === 'busy') for (;;) {}
  setInterval(() => {}, 1000);
});
