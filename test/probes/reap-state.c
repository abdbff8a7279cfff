// Does /proc/<pid>/stat show 'X' (EXIT_DEAD) while the parent reaps a zombie?
#define _GNU_SOURCE
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
static volatile pid_t target; static volatile int go, stop; static int seen[256];
static char state(pid_t pid) {
  char p[64], b[1024]; snprintf(p, sizeof p, "/proc/%d/stat", pid);
  int fd = open(p, O_RDONLY); if (fd < 0) return '-';
  ssize_t r = read(fd, b, sizeof b - 1); close(fd); if (r <= 0) return '-';
  b[r] = 0; char *q = strrchr(b, ')'); return q ? q[2] : '?';
}
static void *poller(void *a) {
  (void)a;
  for (;;) {
    while (!go) if (stop) return 0;
    pid_t p = target; char s;
    int first = 1; do { s = state(p); __atomic_fetch_add(&seen[(unsigned char)s], 1, 0); if (first) { first = 0; go = 2; } } while (s != '-');
    go = 0;
  }
}
int main(int argc, char **argv) {
  int n = atoi(argv[1]); pthread_t t; pthread_create(&t, 0, poller, 0);
  for (int i = 0; i < n; i++) {
    pid_t pid = fork(); if (pid == 0) { pause(); _exit(0); }
    kill(pid, SIGKILL);
    while (state(pid) != 'Z') ;
    target = pid; go = 1; while (go == 1) ;
    for (volatile int k = 0; k < (i % 50) * 20; k++) ;  // vary where the reap lands
    waitpid(pid, 0, 0);
    while (go) ;
  }
  stop = 1; pthread_join(t, 0);
  printf("states seen by a reader while the parent reaps (%d reaps):", n);
  for (int c = 0; c < 256; c++) if (seen[c]) printf(" %c:%d", c, seen[c]);
  printf("\n"); return 0;
}
