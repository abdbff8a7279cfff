// Signals where nothing can pin a process (macOS, FreeBSD, Linux without pidfd_open): the one
// verify, kill(2), verify-again sequence those backends share (signal_posix.cc).
#ifndef PIDPROOF_NATIVE_SIGNAL_POSIX_H_
#define PIDPROOF_NATIVE_SIGNAL_POSIX_H_

#include <cstdint>

#include "platform.h"

namespace pidproof {

// Verifies the process at `pid` with `probe` (against `expected`, or none for a PID target), sends
// `signo` with kill(2) when it is the one, and probes again so `out->after` can say whether the
// same process still held the PID. Validates `pid` and `signo` and resets `out` itself, so a
// backend's SignalProcess is this call with its probe.
Status SignalUnpinned(int64_t pid, const ExpectedIdentity* expected, int signo, SignalReport* out,
                      Status (*probe)(int64_t pid, Identity* out));

}  // namespace pidproof

#endif  // PIDPROOF_NATIVE_SIGNAL_POSIX_H_
