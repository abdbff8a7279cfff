/*
 * The physical limit for pidproof's Linux signalProcess: the syscalls native/platform_linux.cc
 * makes per call, in a tight C loop with no JavaScript and no N-API.
 *
 *   signal_loop <mode> <pid> <signo> <iterations>     prints "<ns per op>\n"
 *
 * modes:
 *   pinned        a record with a pidfs inode (or a PID target): pidfd_open, fstat(pidfd) and the
 *                 inode compared with the one recorded before the loop, poll(pidfd, 0),
 *                 pidfd_send_signal(pidfd, signo), close
 *   pinned-token  a record with a start token only: pidfd_open, fstat, snprintf the path,
 *                 open+read+close /proc/<pid>/stat, parse fields 3, 4, 20, 22 after the last ')',
 *                 start token compared, poll, pidfd_send_signal, close
 *   pin-send      reference: pidfd_open, pidfd_send_signal, close (a pinned send that verifies
 *                 nothing)
 *   kill          reference: kill(pid, signo) (what process.kill does; fooled by recycling)
 *
 * fstatfs is checked once, before the loop, as the addon caches it. Compiled by bench/signal.ts at
 * run time with `cc -O2`. Exits 1 (message on stderr) if a call fails or the identity changes, so
 * a bench never reports the speed of an error path.
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

#ifndef SYS_pidfd_open
#define SYS_pidfd_open 434
#endif
#ifndef SYS_pidfd_send_signal
#define SYS_pidfd_send_signal 424
#endif
#ifndef PID_FS_MAGIC
#define PID_FS_MAGIC 0x50494446
#endif

static volatile uint64_t sink;

static void die(const char* what) {
  fprintf(stderr, "signal_loop: %s: %s\n", what, strerror(errno));
  exit(1);
}

static uint64_t now_ns(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

static int pidfd_open(pid_t pid) { return (int)syscall(SYS_pidfd_open, pid, 0u); }

static int pidfd_send(int fd, int sig) { return (int)syscall(SYS_pidfd_send_signal, fd, sig, NULL, 0u); }

/* Opens, reads (up to cap - 1 bytes) and closes a /proc file; -1 on error. */
static ssize_t read_proc(const char* path, char* buf, size_t cap) {
  int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY);
  if (fd < 0) return -1;
  size_t len = 0;
  for (;;) {
    ssize_t n = read(fd, buf + len, cap - 1 - len);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    len += (size_t)n;
    if (len + 1 >= cap) break;
    if (buf[len - 1] == '\n') break; /* a short read ending the line: the whole stat file */
  }
  close(fd);
  buf[len] = '\0';
  return (ssize_t)len;
}

/* Field 22 (start ticks) of /proc/<pid>/stat, walking fields 3..22 after the last ')' as the
 * addon does (it also keeps 3, 4 and 20). 0 on a malformed line. */
static uint64_t start_ticks(const char* buf, size_t len) {
  const char* p = NULL;
  for (size_t i = len; i > 0; --i) {
    if (buf[i - 1] == ')') {
      p = buf + i;
      break;
    }
  }
  if (p == NULL) return 0;
  uint64_t keep = 0, ticks = 0;
  for (int field = 3; field <= 22; ++field) {
    if (*p++ != ' ') return 0;
    const char* s = p;
    if (field == 4 || field == 20 || field == 22) {
      if (*p == '-') ++p;
      uint64_t v = 0;
      while (*p >= '0' && *p <= '9') v = v * 10 + (uint64_t)(*p++ - '0');
      if (field == 22) ticks = v;
      else keep += v;
    } else {
      while (*p != ' ' && *p != '\0' && *p != '\n') ++p;
    }
    if (p == s) return 0;
  }
  sink += keep;
  return ticks;
}

static int exited(int pidfd) {
  struct pollfd pfd = {pidfd, POLLIN, 0};
  int r;
  do {
    r = poll(&pfd, 1, 0);
  } while (r < 0 && errno == EINTR);
  if (r < 0) die("poll");
  return r > 0;
}

int main(int argc, char** argv) {
  if (argc != 5) {
    fprintf(stderr, "usage: signal_loop pinned|pinned-token|pin-send|kill <pid> <signo> <iterations>\n");
    return 2;
  }
  const char* mode = argv[1];
  pid_t pid = (pid_t)atol(argv[2]);
  int signo = atoi(argv[3]);
  long iters = atol(argv[4]);
  if (pid < 1 || signo < 0 || iters < 1) return 2;

  /* What the record holds: read once, before the loop, as a caller's stored identity. */
  int have_pidfs = 0;
  uint64_t want_ino = 0, want_ticks = 0;
  char path[64];
  char buf[1024];
  snprintf(path, sizeof(path), "/proc/%lld/stat", (long long)pid);
  {
    int fd = pidfd_open(pid);
    if (fd < 0) die("pidfd_open");
    struct statfs sfs;
    if (fstatfs(fd, &sfs) == 0 && (unsigned long)sfs.f_type == PID_FS_MAGIC) have_pidfs = 1;
    struct stat sb;
    if (have_pidfs && fstat(fd, &sb) == 0) want_ino = (uint64_t)sb.st_ino;
    close(fd);
    ssize_t n = read_proc(path, buf, sizeof(buf));
    if (n <= 0 || (want_ticks = start_ticks(buf, (size_t)n)) == 0) die("read /proc/<pid>/stat");
  }
  int token = strcmp(mode, "pinned-token") == 0;
  if (strcmp(mode, "pinned") == 0 && !have_pidfs) {
    errno = ENOTSUP;
    die("pinned mode needs pidfs (Linux >= 6.9)");
  }

  uint64_t acc = 0, t0, t1;
  if (token || strcmp(mode, "pinned") == 0) {
    t0 = now_ns();
    for (long i = 0; i < iters; ++i) {
      int fd = pidfd_open(pid);
      if (fd < 0) die("pidfd_open");
      struct stat sb;
      if (have_pidfs) {
        if (fstat(fd, &sb) != 0) die("fstat");
        if (!token && (uint64_t)sb.st_ino != want_ino) {
          errno = ESRCH;
          die("the pidfs inode changed");
        }
      }
      if (token) {
        ssize_t n = read_proc(path, buf, sizeof(buf));
        if (n <= 0 || start_ticks(buf, (size_t)n) != want_ticks) {
          errno = ESRCH;
          die("the start token changed");
        }
      }
      if (exited(fd)) {
        errno = ESRCH;
        die("the process exited");
      }
      if (pidfd_send(fd, signo) != 0) die("pidfd_send_signal");
      close(fd);
      acc += 1;
    }
    t1 = now_ns();
  } else if (strcmp(mode, "pin-send") == 0) {
    t0 = now_ns();
    for (long i = 0; i < iters; ++i) {
      int fd = pidfd_open(pid);
      if (fd < 0) die("pidfd_open");
      if (pidfd_send(fd, signo) != 0) die("pidfd_send_signal");
      close(fd);
      acc += 1;
    }
    t1 = now_ns();
  } else if (strcmp(mode, "kill") == 0) {
    t0 = now_ns();
    for (long i = 0; i < iters; ++i) {
      if (kill(pid, signo) != 0) die("kill");
      acc += 1;
    }
    t1 = now_ns();
  } else {
    fprintf(stderr, "signal_loop: unknown mode %s\n", mode);
    return 2;
  }
  sink += acc;
  printf("%.1f\n", (double)(t1 - t0) / (double)iters);
  return 0;
}
