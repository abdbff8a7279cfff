// A UsagePin for systems where no handle can pin a process (macOS, FreeBSD): it keeps the identity
// read when it was opened, and each Sample() reads identity and usage in one SampleUsage() call and
// compares them with compareIdentity's rule (CompareWithExpected): once the PID names another
// process, or none, or nothing comparable can be read, the pinned process counts as gone and no
// numbers are returned. Header-only, private to native/.
#ifndef PIDPROOF_NATIVE_USAGE_VERIFIED_H_
#define PIDPROOF_NATIVE_USAGE_VERIFIED_H_

#include <errno.h>

#include <memory>

#include "platform.h"

namespace pidproof {

// What an identity read now lets a later read be compared with.
inline ExpectedIdentity ExpectedFrom(const Identity& id) {
  ExpectedIdentity e;
  e.has_unique_id = id.has_unique_id && id.unique_id_kind != nullptr;
  e.unique_id = id.unique_id;
  if (e.has_unique_id) e.unique_id_kind = id.unique_id_kind;
  e.has_start_token = id.has_start_token && id.start_token_unit != nullptr;
  e.start_token = id.start_token;
  if (e.has_start_token) e.start_token_unit = id.start_token_unit;
  return e;
}

class VerifiedUsagePin : public UsagePin {
 public:
  VerifiedUsagePin(int64_t pid, const ExpectedIdentity& expected)
      : pid_(pid), expected_(expected) {}
  Status Sample(UsageSample* out) override {
    Status st = SampleUsage(pid_, out);
    if (!st.ok()) return st;
    bool same = false;
    if (CompareWithExpected(expected_, out->identity, &same) == SignalMatch::kNone || !same) {
      *out = UsageSample();
      return Status::NoSuchProcess();
    }
    return Status::Ok();
  }

 private:
  int64_t pid_;
  ExpectedIdentity expected_;
};

// kUnsupported when the process's identity has nothing to compare later reads with (the caller
// then refuses to watch it: a recycled PID could not be told apart).
inline Status OpenVerifiedUsagePin(int64_t pid, std::unique_ptr<UsagePin>* out) {
  UsageSample s;
  Status st = SampleUsage(pid, &s);
  if (!st.ok()) return st;
  ExpectedIdentity e = ExpectedFrom(s.identity);
  if (!e.has_unique_id && !e.has_start_token) {
    return Status::Unsupported("OpenUsagePin", EPERM, "no comparable identity");
  }
  out->reset(new VerifiedUsagePin(pid, e));
  return Status::Ok();
}

}  // namespace pidproof

#endif  // PIDPROOF_NATIVE_USAGE_VERIFIED_H_
