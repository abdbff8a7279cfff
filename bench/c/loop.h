/*
 * Shared by the physical-limit loops (identity_loop.c, lock_loop.c): the monotonic clock, the sink
 * that keeps results alive, and failing loudly. Define LOOP_NAME before including.
 */
#ifndef PIDPROOF_BENCH_LOOP_H
#define PIDPROOF_BENCH_LOOP_H

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

static volatile uint64_t sink;

/* Exits 1 with the failing call's name and errno: a bench never times an error path. */
static void die(const char* what) {
  fprintf(stderr, "%s: %s: %s\n", LOOP_NAME, what, strerror(errno));
  exit(1);
}

static uint64_t now_ns(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

/* CPU time of this process (user, system) in ns: where the loop's time went, free of the time
   the scheduler gave other processes (wall time on a shared VM includes that). */
static struct rusage loop_ru0;
static void loop_cpu_start(void) { getrusage(RUSAGE_SELF, &loop_ru0); }

static double tv_ns(struct timeval a, struct timeval b) {
  return (double)(b.tv_sec - a.tv_sec) * 1e9 + (double)(b.tv_usec - a.tv_usec) * 1e3;
}

/* Prints "<wall ns per op>", or with LOOP_CPU set in the environment
   "<wall ns per op> <user ns per op> <system ns per op>". */
static void loop_report(uint64_t t0, uint64_t t1, double n) {
  if (getenv("LOOP_CPU") == NULL) {
    printf("%.1f\n", (double)(t1 - t0) / n);
    return;
  }
  struct rusage ru;
  getrusage(RUSAGE_SELF, &ru);
  printf("%.1f %.1f %.1f\n", (double)(t1 - t0) / n, tv_ns(loop_ru0.ru_utime, ru.ru_utime) / n,
         tv_ns(loop_ru0.ru_stime, ru.ru_stime) / n);
}

#endif
