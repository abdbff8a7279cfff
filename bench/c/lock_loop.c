/*
 * The physical limit for one uncontended pidproof acquire+release: the syscalls lib/lock/lock.ts
 * makes (through lib/lock/files.ts and the addon's flock), in a tight C loop, with no JavaScript.
 *
 *   lock_loop <mode> <dir> <iterations>     prints "<ns per op>\n"
 *
 * modes:
 *   pidproof  acquire: open("<lock>.pidproof-<n>.tmp", O_RDWR|O_CREAT|O_EXCL|O_NOFOLLOW, 0644),
 *             flock(LOCK_EX|LOCK_NB), pwrite 768 bytes at 0, fstat, link(tmp, lock), unlink(tmp);
 *             release: lstat(lock) + dev/ino compare, unlink(lock), close
 *   excl      DESIGN.md's reference loop: open(O_WRONLY|O_CREAT|O_EXCL), write 768 bytes, close,
 *             unlink (no kernel lock, no atomic publish, no ownership check on release)
 *   mkdir     what proper-lockfile's lock+unlock come down to, without its mtime probe: mkdir,
 *             rmdir
 *
 * Compiled by bench/lock.ts at run time with `cc -O2`. Exits 1 (message on stderr) if a call
 * fails, so a bench never reports the speed of an error path.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define PAYLOAD 768

static volatile uint64_t sink;

static void die(const char* what) {
  fprintf(stderr, "lock_loop: %s: %s\n", what, strerror(errno));
  exit(1);
}

static uint64_t now_ns(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

int main(int argc, char** argv) {
  if (argc != 4) {
    fprintf(stderr, "usage: lock_loop pidproof|excl|mkdir <dir> <iterations>\n");
    return 2;
  }
  const char* mode = argv[1];
  const char* dir = argv[2];
  long n = atol(argv[3]);
  if (n <= 0) return 2;

  char lock[2048], tmp[4096];
  snprintf(lock, sizeof lock, "%s/c.lock", dir);
  char payload[PAYLOAD];
  memset(payload, ' ', sizeof payload);
  payload[0] = '{';
  payload[PAYLOAD - 2] = '}';
  payload[PAYLOAD - 1] = '\n';

  uint64_t t0 = now_ns();
  if (strcmp(mode, "pidproof") == 0) {
    for (long i = 0; i < n; i++) {
      // pidproof names each temp file with 48 random bits; a counter is as unique here.
      snprintf(tmp, sizeof tmp, "%s.pidproof-%012lx.tmp", lock, (unsigned long)i);
      int fd = open(tmp, O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
      if (fd < 0) die("open tmp");
      if (flock(fd, LOCK_EX | LOCK_NB) != 0) die("flock");
      if (pwrite(fd, payload, sizeof payload, 0) != (ssize_t)sizeof payload) die("pwrite");
      struct stat own;
      if (fstat(fd, &own) != 0) die("fstat");
      if (link(tmp, lock) != 0) die("link");
      if (unlink(tmp) != 0) die("unlink tmp");
      // release
      struct stat cur;
      if (lstat(lock, &cur) != 0) die("lstat");
      if (cur.st_dev != own.st_dev || cur.st_ino != own.st_ino) {
        errno = 0;
        die("lock path names another inode");
      }
      if (unlink(lock) != 0) die("unlink lock");
      if (close(fd) != 0) die("close");
      sink += (uint64_t)own.st_ino;
    }
  } else if (strcmp(mode, "excl") == 0) {
    for (long i = 0; i < n; i++) {
      int fd = open(lock, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
      if (fd < 0) die("open");
      if (write(fd, payload, sizeof payload) != (ssize_t)sizeof payload) die("write");
      if (close(fd) != 0) die("close");
      if (unlink(lock) != 0) die("unlink");
    }
  } else if (strcmp(mode, "mkdir") == 0) {
    for (long i = 0; i < n; i++) {
      if (mkdir(lock, 0777) != 0) die("mkdir");
      if (rmdir(lock) != 0) die("rmdir");
    }
  } else {
    fprintf(stderr, "lock_loop: unknown mode %s\n", mode);
    return 2;
  }
  uint64_t t1 = now_ns();
  printf("%.1f\n", (double)(t1 - t0) / (double)n);
  return (int)(sink & 0);
}
