// Backend for operating systems pidproof has no native support for. Every call reports
// kUnsupported; lib/binding.ts never loads such a build (it selects the fallback instead), but the
// addon must still compile and never crash if loaded.
#include <errno.h>

#include "platform.h"

namespace pidproof {

namespace {
Status NotHere(const char* call) {
  return Status::Unsupported(call, ENOSYS, "pidproof has no native backend for this OS");
}
}  // namespace

Status ProbeProcess(int64_t, Identity*) { return NotHere("ProbeProcess"); }
Status ProbeBoot(Boot*) { return NotHere("ProbeBoot"); }
Status TryLockFile(intptr_t, bool, LockResult*) { return NotHere("TryLockFile"); }
Status UnlockFile(intptr_t) { return NotHere("UnlockFile"); }
Status PublishLockFile(const char*, const char*, int, const uint8_t*, size_t, bool,
                       PublishResult*) {
  return NotHere("PublishLockFile");
}
Status ReleaseLockFile(int, const char*, double, double, const char*, ReleaseResult*) {
  return NotHere("ReleaseLockFile");
}
Status OpenExitWatch(int64_t, std::unique_ptr<ExitWatch>*) { return NotHere("OpenExitWatch"); }
Status CheckAlive(int64_t, Liveness*) { return NotHere("CheckAlive"); }
Status ReadCommand(int64_t, CommandLine*) { return NotHere("ReadCommand"); }

}  // namespace pidproof

// ---- Signals ---------------------------------------------------------------------------------
namespace pidproof {

bool IsValidSignal(int signo) { return signo >= 0 && signo <= 64; }
Status SignalProcess(int64_t, const ExpectedIdentity*, int, SignalReport*) {
  return NotHere("SignalProcess");
}

}  // namespace pidproof

// ---- Usage (issue 23)
// ------------------------------------------------------------------------------
namespace pidproof {

Status SampleUsage(int64_t, UsageSample*) { return NotHere("SampleUsage"); }
void SampleUsageMany(const int64_t*, size_t n, UsageSample*, Status* statuses) {
  for (size_t i = 0; i < n; ++i) statuses[i] = NotHere("SampleUsage");
}
Status OpenUsagePin(int64_t, std::unique_ptr<UsagePin>*) { return NotHere("OpenUsagePin"); }

}  // namespace pidproof
