/*
 * The physical limit for pidproof's Linux usage reads (issue 23): the syscalls
 * native/platform_linux.cc makes per sample, in a tight C loop, with no JavaScript and no N-API.
 *
 *   usage_loop <mode> <iterations> <pid> [pid ...]     prints "<ns per read>\n" (per PID read)
 *
 * modes:
 *   sample   SampleUsage, one-shot and pinned: pidfd_open, fstat(pidfd) (pidfs inode; fstatfs
 *            checked once, as the addon caches it), open+read+read(EOF)+close /proc/<pid>/stat,
 *            the same for /proc/<pid>/status, parse the stat fields and VmHWM, clock_gettime of
 *            the process's CPU-time clock, poll(pidfd, 0), close(pidfd). With several PIDs, each
 *            PID in turn (the batch of sampleUsage([...])).
 *   paths    a watchUsage sample (LinuxExitWatch::SampleUsage), which holds only its pidfd: the
 *            CPU clock, stat and status opened by path each time, parse, poll(pidfd, 0) (the
 *            proof the reads were not of a newcomer; signal 0 is sent only once it has exited).
 *   pinned   reference: what a watch did before 2026-12-07, with stat and status held open (three descriptors
 *            per watched process): clock_gettime, pread(stat, 0), pread(status, 0), parse.
 *
 * Compiled by bench/usage.ts at run time with `cc -O2`. Exits 1 (message on stderr) if a call
 * fails, so a bench never reports the speed of an error path.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/vfs.h>
#include <time.h>
#include <unistd.h>

#define LOOP_NAME "usage_loop"
#include "loop.h"

#ifndef SYS_pidfd_open
#define SYS_pidfd_open 434
#endif
#ifndef PID_FS_MAGIC
#define PID_FS_MAGIC 0x50494446
#endif

static char status_buf[64 * 1024];

/* native/platform_linux.cc ReadProcFile: read until 0 (the second read sees EOF). */
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
  }
  close(fd);
  buf[len] = '\0';
  return (ssize_t)len;
}

static ssize_t pread_all(int fd, char* buf, size_t cap) {
  ssize_t n = pread(fd, buf, cap - 1, 0);
  if (n >= 0) buf[n] = '\0';
  return n;
}

/* Fields 3..24 after the last ')' (state, minflt, majflt, utime, stime, cutime, cstime, threads,
   starttime, vsize, rss), summed into a checksum as the addon parses them. */
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
  for (int field = 3; field <= 24; ++field) {
    if (*p != ' ') return 0;
    ++p;
    if (field == 3) {
      acc += (unsigned char)*p++;
      continue;
    }
    if (field == 4 || field == 10 || field == 12 || (field >= 14 && field <= 17) || field == 20 ||
        field >= 22) {
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

static uint64_t parse_hwm(const char* buf) {
  const char* t = strstr(buf, "\nVmHWM:");
  if (t == NULL) return 0;
  return strtoull(t + 7, NULL, 10);
}

static double cpu_clock_ms(pid_t pid) {
  struct timespec ts;
  clockid_t c = (clockid_t)((~(unsigned)pid) << 3) | 2; /* MAKE_PROCESS_CPUCLOCK(pid, SCHED) */
  if (clock_gettime(c, &ts) != 0) die("clock_gettime");
  return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

int main(int argc, char** argv) {
  if (argc < 4) {
    fprintf(stderr, "usage: usage_loop sample|pinned|paths <iterations> <pid> [pid ...]\n");
    return 2;
  }
  const char* mode = argv[1];
  long iters = atol(argv[2]);
  int npids = argc - 3;
  pid_t* pids = calloc((size_t)npids, sizeof(pid_t));
  if (pids == NULL || iters < 1) return 2;
  for (int i = 0; i < npids; ++i) {
    pids[i] = (pid_t)atol(argv[3 + i]);
    if (pids[i] < 1) return 2;
  }
  char stat_buf[2048];
  char path[64];
  char path2[64];
  uint64_t acc = 0;
  uint64_t t0, t1;

  if (strcmp(mode, "sample") == 0) {
    int have_pidfs = 0;
    int fd0 = (int)syscall(SYS_pidfd_open, pids[0], 0u);
    if (fd0 < 0) die("pidfd_open");
    struct statfs sfs;
    if (fstatfs(fd0, &sfs) == 0 && (unsigned long)sfs.f_type == PID_FS_MAGIC) have_pidfs = 1;
    close(fd0);
    loop_cpu_start();
    t0 = now_ns();
    for (long i = 0; i < iters; ++i) {
      for (int k = 0; k < npids; ++k) {
        pid_t pid = pids[k];
        int pidfd = (int)syscall(SYS_pidfd_open, pid, 0u);
        if (pidfd < 0) die("pidfd_open");
        if (have_pidfs) {
          struct stat sb;
          if (fstat(pidfd, &sb) != 0) die("fstat");
          acc += (uint64_t)sb.st_ino;
        }
        snprintf(path, sizeof(path), "/proc/%lld/stat", (long long)pid);
        snprintf(path2, sizeof(path2), "/proc/%lld/status", (long long)pid);
        ssize_t n = read_small(path, stat_buf, sizeof(stat_buf));
        if (n <= 0) die("read /proc/<pid>/stat");
        ssize_t n2 = read_small(path2, status_buf, sizeof(status_buf));
        if (n2 <= 0) die("read /proc/<pid>/status");
        acc += (uint64_t)cpu_clock_ms(pid);
        struct pollfd pfd = {pidfd, POLLIN, 0};
        int r;
        do {
          r = poll(&pfd, 1, 0);
        } while (r < 0 && errno == EINTR);
        if (r < 0) die("poll");
        close(pidfd);
        uint64_t v;
        if (!parse_stat(stat_buf, (size_t)n, &v)) {
          errno = EINVAL;
          die("parse");
        }
        acc += v + parse_hwm(status_buf) + (uint64_t)r;
      }
    }
    t1 = now_ns();
  } else if (strcmp(mode, "pinned") == 0) {
    pid_t pid = pids[0];
    snprintf(path, sizeof(path), "/proc/%lld/stat", (long long)pid);
    snprintf(path2, sizeof(path2), "/proc/%lld/status", (long long)pid);
    int sfd = open(path, O_RDONLY | O_CLOEXEC);
    int tfd = open(path2, O_RDONLY | O_CLOEXEC);
    if (sfd < 0 || tfd < 0) die("open");
    npids = 1;
    loop_cpu_start();
    t0 = now_ns();
    for (long i = 0; i < iters; ++i) {
      acc += (uint64_t)cpu_clock_ms(pid);
      ssize_t n = pread_all(sfd, stat_buf, sizeof(stat_buf));
      if (n <= 0) die("pread stat");
      ssize_t n2 = pread_all(tfd, status_buf, sizeof(status_buf));
      if (n2 <= 0) die("pread status");
      uint64_t v;
      if (!parse_stat(stat_buf, (size_t)n, &v)) {
        errno = EINVAL;
        die("parse");
      }
      acc += v + parse_hwm(status_buf);
    }
    t1 = now_ns();
  } else if (strcmp(mode, "paths") == 0) {
    pid_t pid = pids[0];
    int pidfd = (int)syscall(SYS_pidfd_open, pid, 0u);
    if (pidfd < 0) die("pidfd_open");
    snprintf(path, sizeof(path), "/proc/%lld/stat", (long long)pid);
    snprintf(path2, sizeof(path2), "/proc/%lld/status", (long long)pid);
    npids = 1;
    loop_cpu_start();
    t0 = now_ns();
    for (long i = 0; i < iters; ++i) {
      acc += (uint64_t)cpu_clock_ms(pid);
      ssize_t n = read_small(path, stat_buf, sizeof(stat_buf));
      if (n <= 0) die("read stat");
      ssize_t n2 = read_small(path2, status_buf, sizeof(status_buf));
      if (n2 <= 0) die("read status");
      struct pollfd pfd = {pidfd, POLLIN, 0};
      if (poll(&pfd, 1, 0) < 0) die("poll");
      uint64_t v;
      if (!parse_stat(stat_buf, (size_t)n, &v)) {
        errno = EINVAL;
        die("parse");
      }
      acc += v + parse_hwm(status_buf);
    }
    t1 = now_ns();
    close(pidfd);
  } else {
    fprintf(stderr, "usage_loop: unknown mode %s\n", mode);
    return 2;
  }
  sink = acc;
  loop_report(t0, t1, (double)iters * (double)npids);
  free(pids);
  return 0;
}
