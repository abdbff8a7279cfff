// N-API glue: argument checks, conversions, exports. No OS headers and no #ifdef: everything
// OS-specific lives behind platform.h.
#include <napi.h>
#include <uv.h>

#include <cmath>
#include <string>

#include "platform.h"

namespace {

using pidproof::Status;

// Throws a JS Error carrying `.code` (libuv errno name, e.g. "EACCES"), `.errno` and `.syscall`.
[[noreturn]] void ThrowStatus(Napi::Env env, const Status& st) {
  std::string code = "EUNKNOWN";
  if (st.sys_errno != 0) {
    int uverr = uv_translate_sys_error(static_cast<int>(st.sys_errno));
    const char* name = uv_err_name(uverr);
    if (name != nullptr) code = name;
  }
  std::string msg = code + ": " + st.syscall + " failed";
  if (!st.message.empty()) msg += " (" + st.message + ")";
  Napi::Error err = Napi::Error::New(env, msg);
  err.Set("code", Napi::String::New(env, code));
  err.Set("errno", Napi::Number::New(env, static_cast<double>(st.sys_errno)));
  err.Set("syscall", Napi::String::New(env, st.syscall));
  throw err;
}

// Integer argument in [min, max]; TypeError / RangeError naming the argument otherwise.
int64_t IntegerArg(const Napi::CallbackInfo& info, size_t index, const char* name, int64_t min,
                   int64_t max) {
  Napi::Env env = info.Env();
  if (info.Length() <= index || !info[index].IsNumber()) {
    throw Napi::TypeError::New(env, std::string(name) + " must be an integer");
  }
  double v = info[index].As<Napi::Number>().DoubleValue();
  if (std::isnan(v) || std::isinf(v) || std::floor(v) != v) {
    throw Napi::TypeError::New(env, std::string(name) + " must be an integer");
  }
  if (v < static_cast<double>(min) || v > static_cast<double>(max)) {
    throw Napi::RangeError::New(env, std::string(name) + " must be between " +
                                         std::to_string(min) + " and " + std::to_string(max));
  }
  return static_cast<int64_t>(v);
}

int64_t PidArg(const Napi::CallbackInfo& info, size_t index) {
  return IntegerArg(info, index, "pid", 1, pidproof::kMaxPid);
}

// A Node fd, turned into the OS handle the platform layer locks (the fd on POSIX, a HANDLE on
// Windows).
intptr_t FdArg(const Napi::CallbackInfo& info, size_t index) {
  int64_t fd = IntegerArg(info, index, "fd", 0, 2147483647);
  uv_os_fd_t h = uv_get_osfhandle(static_cast<int>(fd));
  return (intptr_t)h;  // NOLINT: uv_os_fd_t is int or HANDLE depending on the OS
}

Napi::Value OptString(Napi::Env env, bool has, const std::string& s) {
  return has ? Napi::String::New(env, s) : env.Null();
}

Napi::Value OptU64(Napi::Env env, bool has, uint64_t v) {
  return has ? Napi::String::New(env, std::to_string(v)) : env.Null();
}

Napi::Value OptCStr(Napi::Env env, const char* s) {
  return s != nullptr ? Napi::String::New(env, s) : env.Null();
}

const char* StateName(pidproof::ProcState s) {
  switch (s) {
    case pidproof::ProcState::kRunning:
      return "running";
    case pidproof::ProcState::kSleeping:
      return "sleeping";
    case pidproof::ProcState::kStopped:
      return "stopped";
    case pidproof::ProcState::kZombie:
      return "zombie";
    default:
      return nullptr;
  }
}

// probe(pid) -> raw identity object | null
Napi::Value Probe(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  int64_t pid = PidArg(info, 0);
  pidproof::Identity id;
  Status st = pidproof::ProbeProcess(pid, &id);
  if (st.code == Status::kNoSuchProcess) return env.Null();
  if (!st.ok()) ThrowStatus(env, st);
  Napi::Object o = Napi::Object::New(env);
  o.Set("pid", Napi::Number::New(env, static_cast<double>(id.pid)));
  o.Set("startToken", OptU64(env, id.has_start_token, id.start_token));
  o.Set("startTokenUnit", id.has_start_token ? OptCStr(env, id.start_token_unit) : env.Null());
  o.Set("uniqueId", OptU64(env, id.has_unique_id, id.unique_id));
  o.Set("uniqueIdKind", id.has_unique_id ? OptCStr(env, id.unique_id_kind) : env.Null());
  o.Set("startTimeMs",
        id.has_start_time_ms ? Napi::Number::New(env, id.start_time_ms) : env.Null());
  o.Set("ppid", id.has_ppid ? Napi::Number::New(env, static_cast<double>(id.ppid)) : env.Null());
  o.Set("state", OptCStr(env, StateName(id.state)));
  o.Set("access", Napi::String::New(env, id.partial ? "partial" : "full"));
  return o;
}

// scope() -> { platform, bootId, bootTimeMs, pidNamespace, hostname }
Napi::Value Scope(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  pidproof::Boot b;
  Status st = pidproof::ProbeBoot(&b);
  if (!st.ok()) ThrowStatus(env, st);
  Napi::Object o = Napi::Object::New(env);
  o.Set("platform", Napi::String::New(env, b.platform));
  o.Set("bootId", OptString(env, b.has_boot_id, b.boot_id));
  o.Set("bootTimeMs", b.has_boot_time_ms ? Napi::Number::New(env, b.boot_time_ms) : env.Null());
  o.Set("pidNamespace", OptString(env, b.has_pid_namespace, b.pid_namespace));
  o.Set("hostname", Napi::String::New(env, b.hostname));
  return o;
}

// checkAlive(pid) -> { exists, exited, uniqueId } | null (no cheap exact path on this OS)
Napi::Value CheckAlive(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  int64_t pid = PidArg(info, 0);
  pidproof::Liveness l;
  Status st = pidproof::CheckAlive(pid, &l);
  if (st.code == Status::kUnsupported) return env.Null();
  if (!st.ok()) ThrowStatus(env, st);
  Napi::Object o = Napi::Object::New(env);
  o.Set("exists", Napi::Boolean::New(env, l.exists));
  o.Set("exited", Napi::Boolean::New(env, l.exited));
  o.Set("uniqueId", OptU64(env, l.has_unique_id, l.unique_id));
  return o;
}

// tryLock(fd, exclusive) -> 'acquired' | 'busy' | 'unsupported'
Napi::Value TryLock(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  intptr_t h = FdArg(info, 0);
  if (info.Length() < 2 || !info[1].IsBoolean()) {
    throw Napi::TypeError::New(env, "exclusive must be a boolean");
  }
  bool exclusive = info[1].As<Napi::Boolean>().Value();
  pidproof::LockResult r;
  Status st = pidproof::TryLockFile(h, exclusive, &r);
  if (st.code == Status::kUnsupported) return Napi::String::New(env, "unsupported");
  if (!st.ok()) ThrowStatus(env, st);
  return Napi::String::New(env, r == pidproof::LockResult::kAcquired ? "acquired" : "busy");
}

// unlock(fd) -> undefined
Napi::Value Unlock(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  intptr_t h = FdArg(info, 0);
  Status st = pidproof::UnlockFile(h);
  if (!st.ok()) ThrowStatus(env, st);
  return env.Undefined();
}

Napi::Object Init(Napi::Env env, Napi::Object exports) {
  exports.Set("probe", Napi::Function::New(env, Probe, "probe"));
  exports.Set("scope", Napi::Function::New(env, Scope, "scope"));
  exports.Set("checkAlive", Napi::Function::New(env, CheckAlive, "checkAlive"));
  exports.Set("tryLock", Napi::Function::New(env, TryLock, "tryLock"));
  exports.Set("unlock", Napi::Function::New(env, Unlock, "unlock"));
  return exports;
}

}  // namespace

NODE_API_MODULE(pidproof, Init)
