/*
 * The physical limit for one uncontended pidproof acquire+release: the syscalls lib/lock/ makes
 * (native/lock_posix.cc PublishLockFile and ReleaseLockFile, one N-API call each, plus the lock
 * path's canonicalisation), in a tight C loop, with no JavaScript.
 *
 *   lock_loop <mode> <dir> <iterations> [min-ms]     prints "<ns per op>\n"
 *
 * Runs <iterations> cycles, then on until <min-ms> have passed (so a batch sized during a load
 * spike still measures long enough); the clock read per cycle costs ~30 ns (vDSO).
 *
 * modes:
 *   pidproof  the lock path's directory checked: stat(dir) (dev/ino compared with the directory
 *             resolved before, what lib/lock/options.ts canonicalLockPath does once it has
 *             resolved it); acquire: open(dir, O_TMPFILE|O_RDWR|O_CLOEXEC, 0600), fstat (dev/ino,
 *             and the mode the umask left: fchmod only when it is not 0600, never under the usual
 *             umask 022), flock(LOCK_EX|LOCK_NB), pwrite 768 bytes at 0, linkat(fd, "", lock,
 *             AT_EMPTY_PATH) (Linux >= 6.10 for an unprivileged opener; /proc/self/fd otherwise);
 *             release: lstat(lock) + dev/ino compare, unlink(lock), close (no replacement guard
 *             looked for: this holder never met one). 9 syscalls.
 *   named     the same cycle before issue 21 (14 syscalls): realpath("<dir>/.") (what
 *             fs.realpathSync.native does: one readlink per component, then an access check);
 *             open("<lock>.pidproof-<n>.tmp", O_RDWR|O_CREAT|O_EXCL|O_NOFOLLOW|O_CLOEXEC, 0600),
 *             fstat (+fchmod), flock, pwrite, link(tmp, lock), unlink(tmp); release: lstat,
 *             unlink, close, lstat(<lock>.pidproof-guard) (ENOENT)
 *   excl      DESIGN.md's reference loop: open(O_WRONLY|O_CREAT|O_EXCL), write 768 bytes, close,
 *             unlink (no kernel lock, no atomic publish, no ownership check on release)
 *   npm       what npm lockfile 1.0.4's lockSync+unlockSync come down to: open(O_WRONLY|O_CREAT|
 *             O_EXCL) ('wx'), close, unlink
 *   mkdir     what proper-lockfile 4.1.2's lock+unlock come down to: mkdir, stat (its mtime
 *             probe once the precision is cached), rmdir
 *
 * Compiled by bench/lock.ts at run time with `cc -O2`. Exits 1 (message on stderr) if a call
 * fails, so a bench never reports the speed of an error path.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define LOOP_NAME "lock_loop"
#include "loop.h"

#define PAYLOAD 768


#define MODE 0600

/* pidproof's canonical lock path: the directory's symlinks resolved. */
static inline void canonical(const char* dot) {
  char real[PATH_MAX];
  if (realpath(dot, real) == NULL) die("realpath");
  sink += (uint64_t)(unsigned char)real[1];
}

/* The temp file's identity and exact mode: the fstat pidproof needs for dev/ino also shows whether
   the umask narrowed the mode; fchmod only then. */
static inline void own_mode(int fd, struct stat* own) {
  if (fstat(fd, own) != 0) die("fstat");
  if ((own->st_mode & 07777) != MODE && fchmod(fd, MODE) != 0) die("fchmod");
}

/* pidproof's release: the lock path must still name our inode (lstat), then unlink and close; then
   (`guard` not null: before issue 21) is there a replacement guard to clean up? */
static inline void release(const char* lock, const char* guard, int fd, const struct stat* own) {
  struct stat cur;
  if (lstat(lock, &cur) != 0) die("lstat");
  if (cur.st_dev != own->st_dev || cur.st_ino != own->st_ino) {
    errno = 0;
    die("lock path names another inode");
  }
  if (unlink(lock) != 0) die("unlink lock");
  if (close(fd) != 0) die("close");
  if (guard != NULL && (lstat(guard, &cur) == 0 || errno != ENOENT)) die("a replacement guard exists");
  sink += (uint64_t)own->st_ino;
}

/* The lock's directory is still the one resolved before (lib/lock/options.ts). */
static inline void same_dir(const char* dir, const struct stat* before) {
  struct stat st;
  if (stat(dir, &st) != 0) die("stat dir");
  if (st.st_dev != before->st_dev || st.st_ino != before->st_ino) {
    errno = 0;
    die("the directory changed");
  }
}

/* Links the unnamed file `fd` at `lock`: by its descriptor, else through /proc/self/fd. */
static inline void link_unnamed(int fd, const char* lock) {
  if (linkat(fd, "", AT_FDCWD, lock, AT_EMPTY_PATH) == 0) return;
  if (errno != ENOENT) die("linkat");
  char proc[64];
  snprintf(proc, sizeof proc, "/proc/self/fd/%d", fd);
  if (linkat(AT_FDCWD, proc, AT_FDCWD, lock, AT_SYMLINK_FOLLOW) != 0) die("linkat /proc");
}

int main(int argc, char** argv) {
  if (argc != 4 && argc != 5) {
    fprintf(stderr, "usage: lock_loop pidproof|named|excl|npm|mkdir <dir> <iterations> [min-ms]\n");
    return 2;
  }
  const char* mode = argv[1];
  const char* dir = argv[2];
  long n = atol(argv[3]);
  if (n <= 0) return 2;

  char lock[2048], tmp[4096], guard[2100], dot[2048];
  snprintf(lock, sizeof lock, "%s/c.lock", dir);
  snprintf(guard, sizeof guard, "%s.pidproof-guard", lock);
  snprintf(dot, sizeof dot, "%s/.", dir);
  char payload[PAYLOAD];
  memset(payload, ' ', sizeof payload);
  payload[0] = '{';
  payload[PAYLOAD - 2] = '}';
  payload[PAYLOAD - 1] = '\n';

  loop_cpu_start();
  uint64_t t0 = now_ns();
  uint64_t end = t0 + (argc == 5 ? (uint64_t)atol(argv[4]) * 1000000u : 0);
  long i = 0;
  if (strcmp(mode, "pidproof") == 0) {
    struct stat resolved;
    if (stat(dir, &resolved) != 0) die("stat dir");
    for (i = 0; i < n || now_ns() < end; i++) {
      same_dir(dir, &resolved);
      int fd = open(dir, O_TMPFILE | O_RDWR | O_CLOEXEC, MODE);
      if (fd < 0) die("open O_TMPFILE");
      struct stat own;
      own_mode(fd, &own);
      if (flock(fd, LOCK_EX | LOCK_NB) != 0) die("flock");
      if (pwrite(fd, payload, sizeof payload, 0) != (ssize_t)sizeof payload) die("pwrite");
      link_unnamed(fd, lock);
      release(lock, NULL, fd, &own);
    }
  } else if (strcmp(mode, "named") == 0) {
    for (i = 0; i < n || now_ns() < end; i++) {
      // pidproof names each temp file with 48 random bits; a counter is as unique here.
      canonical(dot);
      snprintf(tmp, sizeof tmp, "%s.pidproof-%012lx.tmp", lock, (unsigned long)i);
      int fd = open(tmp, O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, MODE);
      if (fd < 0) die("open tmp");
      struct stat own;
      own_mode(fd, &own);
      if (flock(fd, LOCK_EX | LOCK_NB) != 0) die("flock");
      if (pwrite(fd, payload, sizeof payload, 0) != (ssize_t)sizeof payload) die("pwrite");
      if (link(tmp, lock) != 0) die("link");
      if (unlink(tmp) != 0) die("unlink tmp");
      release(lock, guard, fd, &own);
    }
  } else if (strcmp(mode, "excl") == 0) {
    for (i = 0; i < n || now_ns() < end; i++) {
      int fd = open(lock, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, MODE);
      if (fd < 0) die("open");
      if (write(fd, payload, sizeof payload) != (ssize_t)sizeof payload) die("write");
      if (close(fd) != 0) die("close");
      if (unlink(lock) != 0) die("unlink");
    }
  } else if (strcmp(mode, "npm") == 0) {
    for (i = 0; i < n || now_ns() < end; i++) {
      int fd = open(lock, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
      if (fd < 0) die("open");
      if (close(fd) != 0) die("close");
      if (unlink(lock) != 0) die("unlink");
    }
  } else if (strcmp(mode, "mkdir") == 0) {
    for (i = 0; i < n || now_ns() < end; i++) {
      if (mkdir(lock, 0777) != 0) die("mkdir");
      struct stat st;
      if (stat(lock, &st) != 0) die("stat");
      if (rmdir(lock) != 0) die("rmdir");
      sink += (uint64_t)st.st_mtim.tv_nsec;
    }
  } else {
    fprintf(stderr, "lock_loop: unknown mode %s\n", mode);
    return 2;
  }
  uint64_t t1 = now_ns();
  loop_report(t0, t1, (double)i);
  return (int)(sink & 0);
}
