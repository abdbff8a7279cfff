// Signals where nothing can pin a process: macOS (no pidfd; kqueue only observes), FreeBSD
// (process descriptors exist only for pdfork(2) children) and Linux without pidfd_open. The
// identity is verified with the backend's probe, the signal sent with kill(2), and the identity
// read again: between the verification and kill(2) (microseconds) the process could exit and a new
// one take its PID, so the second probe says whether the same process still held it
// (SignalAfter::kSame: the signal reached it), it is gone, or the PID changed hands (the signal
// may have reached the new owner, and the caller says so).
#include "signal_posix.h"

#include <errno.h>
#include <signal.h>

namespace pidproof {

bool IsValidSignal(int signo) {
#ifdef NSIG
  return signo >= 0 && signo < NSIG;
#else
  return signo >= 0 && signo <= 64;
#endif
}

Status SignalUnpinned(int64_t pid, const ExpectedIdentity* expected, int signo, SignalReport* out,
                      Status (*probe)(int64_t pid, Identity* out)) {
  if (pid < 1 || pid > kMaxPid) return Status::Error("SignalProcess", EINVAL, "pid out of range");
  if (!IsValidSignal(signo)) return Status::Error("SignalProcess", EINVAL, "no such signal");
  *out = SignalReport();
  out->current.pid = pid;
  Status st = probe(pid, &out->current);
  if (st.code == Status::kNoSuchProcess) {
    out->verdict = SignalVerdict::kNoProcess;
    return Status::Ok();
  }
  if (!st.ok()) return st;
  out->verdict = DecideSignal(expected, out->current, false, &out->matched_by);
  if (out->verdict != SignalVerdict::kSent) return Status::Ok();
  if (kill(static_cast<pid_t>(pid), signo) != 0) {
    int err = errno;
    if (err == ESRCH) {
      out->verdict = AfterKillEsrch(out->current);  // gone since the probe, or hidden from us
      return Status::Ok();
    }
    return Status::Error("kill", err);
  }
  Identity now;
  Status again = probe(pid, &now);
  out->after = JudgeAfter(out->current, again, now);
  return Status::Ok();
}

}  // namespace pidproof
