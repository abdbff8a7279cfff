/*
 * The floor of lock recovery after SIGKILL: how soon the kernel itself lets a waiter have the
 * lock, and how soon it says the holder is gone, with no JavaScript on the waiting side.
 *
 *   recovery_waiter flock <lockfile>   open the file, print "ready", block in flock(LOCK_EX); when
 *                                      it returns (the holder's last thread has exited and its
 *                                      files were closed), read CLOCK_MONOTONIC, close, print it
 *   recovery_waiter pidfd <pid>        pidfd_open, print "ready", block in poll(POLLIN); when the
 *                                      process is gone (its thread group has exited), print the
 *                                      clock
 *
 * Both print the clock in ns on one line; bench/lock.ts compares it with its own reading taken
 * just before kill() (process.hrtime.bigint() is CLOCK_MONOTONIC too, checked by the bench). The
 * flock waiter closes its descriptor at once: it holds the old inode's kernel lock for a few µs.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <poll.h>
#include <sys/file.h>
#include <sys/syscall.h>
#include <unistd.h>

#define LOOP_NAME "recovery_waiter"
#include "loop.h"

#ifndef SYS_pidfd_open
#define SYS_pidfd_open 434
#endif

int main(int argc, char** argv) {
  if (argc != 3) {
    fprintf(stderr, "usage: recovery_waiter flock <lockfile> | pidfd <pid>\n");
    return 2;
  }
  uint64_t t;
  if (strcmp(argv[1], "flock") == 0) {
    int fd = open(argv[2], O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0) die("open");
    printf("ready\n");
    fflush(stdout);
    int r;
    do {
      r = flock(fd, LOCK_EX);
    } while (r != 0 && errno == EINTR);
    t = now_ns();
    if (r != 0) die("flock");
    close(fd);
  } else if (strcmp(argv[1], "pidfd") == 0) {
    int fd = (int)syscall(SYS_pidfd_open, (pid_t)atol(argv[2]), 0u);
    if (fd < 0) die("pidfd_open");
    printf("ready\n");
    fflush(stdout);
    struct pollfd p = {.fd = fd, .events = POLLIN};
    int r;
    do {
      r = poll(&p, 1, -1);
    } while (r < 0 && errno == EINTR);
    t = now_ns();
    if (r != 1) die("poll");
    close(fd);
  } else {
    fprintf(stderr, "recovery_waiter: unknown mode %s\n", argv[1]);
    return 2;
  }
  printf("%llu\n", (unsigned long long)t);
  return 0;
}
