// Probe of do_exit ordering: SIGKILL a child holding a flock on a directory, poll until the
// flock is free, and report the child's /proc state at that moment (before it is reaped).
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static int readfile(const char *p, char *buf, size_t n) {
  int fd = open(p, O_RDONLY);
  if (fd < 0) return -1;
  ssize_t r = read(fd, buf, n - 1);
  close(fd);
  if (r < 0) return -1;
  buf[r] = 0;
  return (int)r;
}
static void statefl(pid_t pid, char *st, unsigned *flags, long *threads) {
  char p[64], b[2048];
  snprintf(p, sizeof p, "/proc/%d/stat", pid);
  *st = '-'; *flags = 0; *threads = 0;
  if (readfile(p, b, sizeof b) < 0) return;
  char *q = strrchr(b, ')');
  if (!q) return;
  // fields after ')': state ppid pgrp session tty tpgid flags ... num_threads(20)
  char s; int ppid, pgrp, sess, tty, tpgid; unsigned fl;
  sscanf(q + 2, "%c %d %d %d %d %d %u", &s, &ppid, &pgrp, &sess, &tty, &tpgid, &fl);
  *st = s; *flags = fl;
  char *t = q + 2; for (int i = 0; i < 17 && t; i++) { t = strchr(t, ' '); if (t) t++; }
  if (t) *threads = strtol(t, 0, 10);
}
static void statusline(pid_t pid, char *out, size_t n) {
  char p[64], b[8192];
  snprintf(p, sizeof p, "/proc/%d/status", pid);
  out[0] = 0;
  if (readfile(p, b, sizeof b) < 0) { snprintf(out, n, "gone"); return; }
  const char *keys[] = {"State:", "Threads:", "SigPnd:", "ShdPnd:"};
  for (int k = 0; k < 4; k++) {
    char *l = strstr(b, keys[k]);
    if (!l) continue;
    char *e = strchr(l, '\n');
    size_t len = e ? (size_t)(e - l) : strlen(l);
    strncat(out, l, len < n - strlen(out) - 2 ? len : 0);
    strcat(out, " | ");
  }
}

int main(int argc, char **argv) {
  if (argc < 4) { fprintf(stderr, "usage: probe N lockdir cmd...\n"); return 2; }
  int n = atoi(argv[1]);
  const char *dir = argv[2];
  int counts[256] = {0}, pidfd_ready = 0, exiting = 0, sigkill_pending = 0;
  for (int i = 0; i < n; i++) {
    int pfd[2];
    if (pipe(pfd)) return 1;
    pid_t pid = fork();
    if (pid == 0) {
      dup2(pfd[1], 1);
      close(pfd[0]);
      execvp(argv[3], argv + 3);
      _exit(127);
    }
    close(pfd[1]);
    char line[64];
    ssize_t r = read(pfd[0], line, sizeof line);  // "held\n"
    if (r <= 0) { fprintf(stderr, "child said nothing\n"); return 1; }
    int dfd = open(dir, O_RDONLY | O_DIRECTORY);
    if (dfd < 0) { perror("open dir"); return 1; }
    if (flock(dfd, LOCK_EX | LOCK_NB) == 0) { fprintf(stderr, "flock not held by child\n"); return 1; }
    int pidfd = syscall(SYS_pidfd_open, pid, 0);
    kill(pid, SIGKILL);
    char before = '?'; unsigned bflags = 0; long bthr = 0;
    long polls = 0;
    for (;;) {
      statefl(pid, &before, &bflags, &bthr);
      polls++;
      if (flock(dfd, LOCK_EX | LOCK_NB) == 0) break;
    }
    char after; unsigned aflags; long athr;
    statefl(pid, &after, &aflags, &athr);
    char st[512];
    statusline(pid, st, sizeof st);
    struct pollfd pp = {pidfd, POLLIN, 0};
    int ready = poll(&pp, 1, 0);
    counts[(unsigned char)after]++;
    if (ready > 0) pidfd_ready++;
    if (aflags & 0x4) exiting++;
    if (strstr(st, "SigPnd:\t0000000000000100") || strstr(st, "ShdPnd:\t0000000000000100")) sigkill_pending++;
    printf("#%d flock free after %ld polls: before=%c flags=%x thr=%ld; at free: state=%c flags=%x (PF_EXITING=%d) thr=%ld pidfd_readable=%d status: %s\n",
           i, polls, before, bflags, bthr, after, aflags, !!(aflags & 0x4), athr, ready > 0, st);
    fflush(stdout);
    close(dfd); close(pidfd); close(pfd[0]);
    waitpid(pid, 0, 0);
    rmdir(dir);
  }
  printf("SUMMARY n=%d:", n);
  for (int c = 0; c < 256; c++) if (counts[c]) printf(" state %c: %d", c, counts[c]);
  printf("; PF_EXITING at free: %d; SIGKILL pending at free: %d; pidfd readable at free: %d\n", exiting, sigkill_pending, pidfd_ready);
  return 0;
}
