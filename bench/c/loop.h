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

#endif
