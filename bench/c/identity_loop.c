/*
 * The physical limit for pidproof's Linux probe: the same syscalls native/platform_linux.cc
 * makes per processIdentity(pid) call, in a tight C loop, with no JavaScript and no N-API.
 *
 *   identity_loop <mode> <pid> <iterations>     prints "<ns per op>\n"
 *
 * modes:
 *   probe  pidfd_open, fstat(pidfd) (pidfs inode; fstatfs checked once, before the loop, as the
 *          addon caches it), snprintf the path, open+read+close /proc/<pid>/stat, parse fields
 *          3, 4, 20 and 22 after the last ')', poll(pidfd, 0), close(pidfd)
 *   kill   kill(pid, 0)
 *   read   open+read+close /proc/<pid>/stat (no pidfd, no parse)
 *   pin    the probe without the /proc read: pidfd_open, fstat, poll, close
 *
 * Compiled by bench/identity.ts at run time with `cc -O2`. Exits 1 (message on stderr) if a call
 * fails, so a bench never reports the speed of an error path.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/vfs.h>
#include <time.h>
#include <unistd.h>

#define LOOP_NAME "identity_loop"
#include "loop.h"

#ifndef SYS_pidfd_open
#define SYS_pidfd_open 434
#endif
#ifndef PID_FS_MAGIC
#define PID_FS_MAGIC 0x50494446
#endif


static ssize_t read_small(const char* path, char* buf, size_t cap) {
  int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY);
  if (fd < 0) return -1;
  size_t len = 0;
  while (len + 1 < cap) {
    ssize_t n = read(fd, buf + len, cap - 1 - len);
    if (n < 0) {
      if (errno == EINTR) continue;
      close(fd);
      return -1;
    }
    if (n == 0) break;
    len += (size_t)n;
    /* A short read ending the line is the whole of /proc/<pid>/stat (as the addon stops). */
    if (len + 1 < cap && buf[len - 1] == '\n') break;
  }
  close(fd);
  buf[len] = '\0';
  return (ssize_t)len;
}

/* Fields 3 (state), 4 (ppid), 20 (threads), 22 (starttime), parsed after the last ')'. */
static int parse_stat(const char* buf, size_t len, uint64_t* out) {
  const char* p = NULL;
  for (const char* q = buf + len; q > buf;) {
    if (*--q == ')') {
      p = q + 1;
      break;
    }
  }
  if (p == NULL) return 0;
  uint64_t acc = 0;
  for (int field = 3; field <= 22; ++field) {
    if (*p != ' ') return 0;
    ++p;
    if (field == 3) {
      acc += (unsigned char)*p++;
      continue;
    }
    if (field == 4 || field == 20 || field == 22) {
      if (*p == '-') ++p;
      if (*p < '0' || *p > '9') return 0;
      uint64_t v = 0;
      while (*p >= '0' && *p <= '9') v = v * 10 + (uint64_t)(*p++ - '0');
      acc += v;
      continue;
    }
    const char* s = p;
    while (*p != ' ' && *p != '\0' && *p != '\n') ++p;
    if (p == s) return 0;
  }
  *out = acc;
  return 1;
}

int main(int argc, char** argv) {
  if (argc != 4) {
    fprintf(stderr, "usage: identity_loop probe|pin|kill|read <pid> <iterations>\n");
    return 2;
  }
  const char* mode = argv[1];
  pid_t pid = (pid_t)atol(argv[2]);
  long iters = atol(argv[3]);
  if (pid < 1 || iters < 1) return 2;
  char path[64];
  char buf[1024];
  uint64_t acc = 0;
  uint64_t t0, t1;

  int pin_only = strcmp(mode, "pin") == 0;
  if (pin_only || strcmp(mode, "probe") == 0) {
    int have_pidfs = 0;
    int fd0 = (int)syscall(SYS_pidfd_open, pid, 0u);
    if (fd0 < 0) die("pidfd_open");
    struct statfs sfs;
    if (fstatfs(fd0, &sfs) == 0 && (unsigned long)sfs.f_type == PID_FS_MAGIC) have_pidfs = 1;
    close(fd0);
    loop_cpu_start();
    t0 = now_ns();
    for (long i = 0; i < iters; ++i) {
      int pidfd = (int)syscall(SYS_pidfd_open, pid, 0u);
      if (pidfd < 0) die("pidfd_open");
      if (have_pidfs) {
        struct stat sb;
        if (fstat(pidfd, &sb) != 0) die("fstat");
        acc += (uint64_t)sb.st_ino;
      }
      if (!pin_only) {
        snprintf(path, sizeof(path), "/proc/%lld/stat", (long long)pid);
        ssize_t n = read_small(path, buf, sizeof(buf));
        if (n <= 0) die("read /proc/<pid>/stat");
        uint64_t v;
        if (!parse_stat(buf, (size_t)n, &v)) {
          errno = EINVAL;
          die("parse");
        }
        acc += v;
      }
      struct pollfd pfd = {pidfd, POLLIN, 0};
      int r;
      do {
        r = poll(&pfd, 1, 0);
      } while (r < 0 && errno == EINTR);
      if (r < 0) die("poll");
      acc += (uint64_t)r;
      close(pidfd);
    }
    t1 = now_ns();
  } else if (strcmp(mode, "kill") == 0) {
    loop_cpu_start();
    t0 = now_ns();
    for (long i = 0; i < iters; ++i) {
      if (kill(pid, 0) != 0 && errno != EPERM) die("kill");
      acc += 1;
    }
    t1 = now_ns();
  } else if (strcmp(mode, "read") == 0) {
    snprintf(path, sizeof(path), "/proc/%lld/stat", (long long)pid);
    loop_cpu_start();
    t0 = now_ns();
    for (long i = 0; i < iters; ++i) {
      ssize_t n = read_small(path, buf, sizeof(buf));
      if (n <= 0) die("read /proc/<pid>/stat");
      acc += (uint64_t)n;
    }
    t1 = now_ns();
  } else {
    fprintf(stderr, "identity_loop: unknown mode %s\n", mode);
    return 2;
  }
  sink = acc;
  loop_report(t0, t1, (double)iters);
  return 0;
}
