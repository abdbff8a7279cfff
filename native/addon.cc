// N-API glue: argument checks, conversions, exports. No OS headers and no #ifdef: everything
// OS-specific lives behind platform.h.
// A worker being terminated cannot take a JS exception: without this, node-addon-api turns the
// failed throw into a C++ exception that escapes to std::terminate.
#define NODE_API_SWALLOW_UNTHROWABLE_EXCEPTIONS
#include <napi.h>
#include <uv.h>

#include <cmath>
#include <cstdio>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

#include "logic.h"
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
    throw Napi::RangeError::New(env, std::string(name) + " must be between " + std::to_string(min) +
                                         " and " + std::to_string(max));
  }
  return static_cast<int64_t>(v);
}

int64_t PidArg(const Napi::CallbackInfo& info, size_t index) {
  return IntegerArg(info, index, "pid", 1, pidproof::kMaxPid);
}

// ---- uniqueId arguments (issue 10, item 7): the one rule of lib/validate.ts, mirrored ----
constexpr const char kUniqueIdTypeMessage[] =
    "uniqueId must be a decimal string of 1 to 20 digits without leading zeros";
constexpr const char kUniqueIdRangeMessage[] =
    "uniqueId must fit in 64 bits (at most 18446744073709551615)";

// A decimal u64 string argument: the rule of lib/validate.ts (isDecimalU64) through
// logic::ParseUniqueId. Its full UTF-8 length is asked for first, so nothing is judged on a
// truncated copy: a 20-digit prefix followed by anything else is a TypeError, as is a leading zero.
uint64_t DecimalU64Arg(const Napi::CallbackInfo& info, size_t index,
                       const std::string& type_message, const std::string& range_message) {
  Napi::Env env = info.Env();
  if (info.Length() <= index || !info[index].IsString()) {
    throw Napi::TypeError::New(env, type_message);
  }
  size_t len = 0;
  if (napi_get_value_string_utf8(env, info[index], nullptr, 0, &len) != napi_ok || len == 0 ||
      len > 20) {
    throw Napi::TypeError::New(env, type_message);
  }
  char buf[21 + 1];
  size_t copied = 0;
  if (napi_get_value_string_utf8(env, info[index], buf, sizeof(buf), &copied) != napi_ok ||
      copied != len) {
    throw Napi::TypeError::New(env, type_message);
  }
  uint64_t v = 0;
  switch (pidproof::logic::ParseUniqueId(buf, len, &v)) {
    case pidproof::logic::UniqueIdParse::kOk:
      return v;
    case pidproof::logic::UniqueIdParse::kTooLarge:
      throw Napi::RangeError::New(env, range_message);
    default:
      throw Napi::TypeError::New(env, type_message);
  }
}

// A uniqueId string (issue 10, item 7).
uint64_t UniqueIdArg(const Napi::CallbackInfo& info, size_t index) {
  return DecimalU64Arg(info, index, kUniqueIdTypeMessage, kUniqueIdRangeMessage);
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

struct WatchSlots;
struct WatchState;

// Per-environment state (main thread and each worker), owned by Node via SetInstanceData.
struct AddonData {
  Napi::FunctionReference exit_watch_ctor;
  // Builds probe()'s result. A JS object literal gets its final hidden class with in-object
  // fields in one step; nine Object::Set calls from C++ re-internalize each key and walk nine
  // map transitions, which cost ~2 us a call, more than the N-API call itself (bench/identity).
  Napi::FunctionReference make_identity;
  // Builds checkAlive()'s result, for the same reason (isAlive is a hot path).
  Napi::FunctionReference make_liveness;
  // probeInto(): the unit and kind names it has reported, by index (the platform's static
  // strings; one or two per OS). JS fetches them once with probeNames().
  std::vector<const char*> names;
  // watchExited(): the open exit watches, by slot (see WatchSlots).
  std::shared_ptr<WatchSlots> slots;
  // openUsage() (issue 23): the UsagePin class.
  Napi::FunctionReference usage_pin_ctor;
};

constexpr const char kMakeLivenessSource[] =
    "(function makeLiveness(exists, exited, uniqueId) { return { exists, exited, uniqueId }; })";

constexpr const char kMakeIdentitySource[] =
    "(function makeIdentity(pid, startToken, startTokenUnit, uniqueId, uniqueIdKind, "
    "startTimeMs, ppid, state, access) { return { pid, startToken, startTokenUnit, uniqueId, "
    "uniqueIdKind, startTimeMs, ppid, state, access }; })";

// probe(pid) -> raw identity object | null (with accessDetail when the backend says why access
// is partial)
Napi::Value Probe(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  int64_t pid = PidArg(info, 0);
  pidproof::Identity id;
  Status st = pidproof::ProbeProcess(pid, &id);
  if (st.code == Status::kNoSuchProcess) return env.Null();
  if (!st.ok()) ThrowStatus(env, st);
  AddonData* data = env.GetInstanceData<AddonData>();
  if (data == nullptr || data->make_identity.IsEmpty()) {
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
    if (!id.access_detail.empty()) o.Set("accessDetail", Napi::String::New(env, id.access_detail));
    return o;
  }
  Napi::Value result = data->make_identity.Call({
      Napi::Number::New(env, static_cast<double>(id.pid)),
      OptU64(env, id.has_start_token, id.start_token),
      id.has_start_token ? OptCStr(env, id.start_token_unit) : env.Null(),
      OptU64(env, id.has_unique_id, id.unique_id),
      id.has_unique_id ? OptCStr(env, id.unique_id_kind) : env.Null(),
      id.has_start_time_ms ? Napi::Number::New(env, id.start_time_ms) : env.Null(),
      id.has_ppid ? Napi::Number::New(env, static_cast<double>(id.ppid)) : env.Null(),
      OptCStr(env, StateName(id.state)),
      Napi::String::New(env, id.partial ? "partial" : "full"),
  });
  // Rare (FreeBSD, a PID the kernel may be hiding): says why access is partial.
  if (!id.access_detail.empty() && result.IsObject()) {
    result.As<Napi::Object>().Set("accessDetail", Napi::String::New(env, id.access_detail));
  }
  return result;
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

// clockOffsets() -> { known, monotonicNs, boottimeNs } (issue 20): how far this process's
// CLOCK_MONOTONIC and CLOCK_BOOTTIME run ahead of the root time namespace's, as decimal strings
// (signed nanoseconds; "0" outside Linux time namespaces). `known` false: they cannot be told.
Napi::Value ClockOffsets(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  pidproof::Boot b;
  Status st = pidproof::ProbeBoot(&b);
  if (!st.ok()) ThrowStatus(env, st);
  Napi::Object o = Napi::Object::New(env);
  o.Set("known", Napi::Boolean::New(env, b.clock_offsets_known));
  o.Set("monotonicNs", Napi::String::New(env, std::to_string(b.monotonic_offset_ns)));
  o.Set("boottimeNs", Napi::String::New(env, std::to_string(b.boottime_offset_ns)));
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
  Napi::Value exists = Napi::Boolean::New(env, l.exists);
  Napi::Value exited = Napi::Boolean::New(env, l.exited);
  Napi::Value unique_id = OptU64(env, l.has_unique_id, l.unique_id);
  AddonData* data = env.GetInstanceData<AddonData>();
  if (data != nullptr && !data->make_liveness.IsEmpty()) {
    return data->make_liveness.Call({exists, exited, unique_id});
  }
  Napi::Object o = Napi::Object::New(env);
  o.Set("exists", exists);
  o.Set("exited", exited);
  o.Set("uniqueId", unique_id);
  return o;
}

// aliveExact(pid, uniqueId) -> 1 | 0 | -1: the cheapest exact liveness answer, no result object.
// 1: the process with that per-boot unique id holds the PID and has not exited; 0: no process,
// or it has exited, or another process holds the PID (proofs); -1: no cheap exact path here
// (no pidfd or no unique id): the caller must decide another way.
Napi::Value AliveExact(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  int64_t pid = PidArg(info, 0);
  uint64_t expected = UniqueIdArg(info, 1);
  pidproof::Liveness l;
  Status st = pidproof::CheckAlive(pid, &l);
  if (st.code == Status::kUnsupported) return Napi::Number::New(env, -1);
  if (!st.ok()) ThrowStatus(env, st);
  if (!l.exists) return Napi::Number::New(env, 0);
  if (!l.has_unique_id) return Napi::Number::New(env, -1);
  return Napi::Number::New(env, (l.unique_id == expected && !l.exited) ? 1 : 0);
}

// ---- command(pid) (issue 12) -------------------------------------------------------------------
// command(pid) -> { text, truncated } | null (no such process). Throws with .code (EACCES, EPERM)
// when the OS denies the read.
Napi::Value Command(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  int64_t pid = PidArg(info, 0);
  if (info.Length() > 1) throw Napi::TypeError::New(env, "command takes one argument (pid)");
  pidproof::CommandLine c;
  Status st = pidproof::ReadCommand(pid, &c);
  if (st.code == Status::kNoSuchProcess) return env.Null();
  if (!st.ok()) ThrowStatus(env, st);
  Napi::Object o = Napi::Object::New(env);
  o.Set("text", Napi::String::New(env, c.text));
  o.Set("truncated", Napi::Boolean::New(env, c.truncated));
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

// ---- A record on a directory (the proper-lockfile drop-in) ---------------------------------
// readDirRecord(fd) -> Buffer | null | 'unsupported'   null: the directory has no record
// writeDirRecord(fd, data: Uint8Array) -> 'written' | 'unsupported'
// Throws with .code for other errors. See pidproof::ReadDirRecord / WriteDirRecord.
Napi::Value ReadDirRecordFn(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  intptr_t h = FdArg(info, 0);
  std::string value;
  bool found = false;
  Status st = pidproof::ReadDirRecord(h, &value, &found);
  if (st.code == Status::kUnsupported) return Napi::String::New(env, "unsupported");
  if (!st.ok()) ThrowStatus(env, st);
  if (!found) return env.Null();
  return Napi::Buffer<char>::Copy(env, value.data(), value.size());
}

Napi::Value WriteDirRecordFn(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  intptr_t h = FdArg(info, 0);
  if (info.Length() < 2 || !info[1].IsTypedArray() ||
      info[1].As<Napi::TypedArray>().TypedArrayType() != napi_uint8_array) {
    throw Napi::TypeError::New(env, "data must be a Uint8Array or Buffer");
  }
  Napi::Uint8Array data = info[1].As<Napi::Uint8Array>();
  if (data.ByteLength() > pidproof::kDirRecordCap) {
    throw Napi::RangeError::New(env, "data must be at most 4096 bytes");
  }
  Status st = pidproof::WriteDirRecord(h, data.Data(), data.ByteLength());
  if (st.code == Status::kUnsupported) return Napi::String::New(env, "unsupported");
  if (!st.ok()) ThrowStatus(env, st);
  return Napi::String::New(env, "written");
}

// ---- Exit watch ------------------------------------------------------------------------------
//
// openWatch(pid) pins one process (pidproof::OpenExitWatch) and returns an ExitWatch object:
//   hasExited() -> boolean        zero-timeout check through the pinned handle
//   uniqueId()  -> string | null  per-boot unique id read through the handle
//   start(cb)   -> undefined      cb(null) once when the process exits, or cb(err) once on failure
//   close()     -> undefined      idempotent; a closed watch never calls cb
//   ref()/unref()                 a watch is unref'd unless ref() is called (like an unref'd timer)
//
// Delivery: when the platform gives a pollable fd (Linux pidfd, kqueue fd) a uv_poll_t on the
// env's loop waits for UV_READABLE; otherwise (Windows) ExitWatch::Arm() calls back from an OS wait
// thread and a thread-safe function hops to the JS thread. Nothing blocks a libuv threadpool
// thread.
//
// Lifetime: the native state outlives its JS object until every OS/libuv resource is released.
// Holders: the JS object (until its finalizer), the uv_poll_t (until its close callback), the
// thread-safe function (until its finalizer). All run on the JS thread, so a plain counter does.
// An async cleanup hook closes everything when the env is torn down (worker exit, process exit),
// so no callback ever reaches a dead env and no uv handle outlives its loop.

void OnWatchCleanup(napi_async_cleanup_hook_handle handle, void* arg);

// Open exit watches by slot, so the hot check (watchExited(id), ProcessWatch.isAlive) reaches a
// watch with an array index instead of unwrapping its JS object. An id is
// generation * 2^24 + index: a stale id (its watch closed, the slot reused) never matches.
struct WatchSlots {
  static constexpr double kIndexSpan = 16777216.0;  // 2^24
  std::vector<WatchState*> states;
  std::vector<uint32_t> gens;
  std::vector<uint32_t> free_list;
};

struct WatchState {
  napi_env env = nullptr;
  std::shared_ptr<WatchSlots> slots;  // set while this watch has a slot
  uint32_t slot = 0;
  std::unique_ptr<pidproof::ExitWatch> watch;
  bool has_unique_id = false;
  uint64_t unique_id = 0;
  enum Phase { kOpen, kStarted, kClosed } phase = kOpen;
  bool exited = false;  // the exit was observed (the callback was or is being delivered)
  bool refed = false;
  bool wrapped = false;                     // a JS object owns one hold (set by its constructor)
  int holders = 1;                          // the JS object
  uv_poll_t* poll = nullptr;                // owned until its close callback
  napi_ref callback = nullptr;              // poll path: the JS callback
  napi_threadsafe_function tsfn = nullptr;  // Arm path
  napi_async_cleanup_hook_handle hook = nullptr;
};

void Unhold(WatchState* s) {
  if (--s->holders == 0) delete s;
}

// Removes the env cleanup hook once no uv handle of this watch remains open.
void MaybeFinishClose(WatchState* s) {
  if (s->poll == nullptr && s->hook != nullptr) {
    napi_remove_async_cleanup_hook(s->hook);
    s->hook = nullptr;
  }
}

void OnPollClosed(uv_handle_t* h) {
  WatchState* s = static_cast<WatchState*>(h->data);
  delete reinterpret_cast<uv_poll_t*>(h);
  s->poll = nullptr;
  s->watch.reset();  // closes the pidfd / kqueue fd only now that libuv no longer polls it
  MaybeFinishClose(s);
  Unhold(s);
}

// Starts closing; idempotent. JS thread only.
void ReleaseSlot(WatchState* s) {
  if (!s->slots) return;
  WatchSlots& t = *s->slots;
  t.states[s->slot] = nullptr;
  t.gens[s->slot] = (t.gens[s->slot] + 1) & 0x1fffffff;  // the id of this watch never matches again
  t.free_list.push_back(s->slot);
  s->slots.reset();
}

void BeginClose(WatchState* s) {
  if (s->phase == WatchState::kClosed) return;
  s->phase = WatchState::kClosed;
  ReleaseSlot(s);
  if (s->callback != nullptr) {
    napi_delete_reference(s->env, s->callback);
    s->callback = nullptr;
  }
  if (s->poll != nullptr) {
    uv_poll_stop(s->poll);
    uv_close(reinterpret_cast<uv_handle_t*>(s->poll), OnPollClosed);
    return;  // OnPollClosed finishes
  }
  // Arm path: the destructor cancels the wait and waits for a running on_exit, so after this no
  // thread touches the thread-safe function; only then release it.
  s->watch.reset();
  if (s->tsfn != nullptr) {
    napi_threadsafe_function t = s->tsfn;
    s->tsfn = nullptr;
    napi_release_threadsafe_function(t, napi_tsfn_release);  // its finalizer drops the holder
  }
  MaybeFinishClose(s);
}

void OnWatchCleanup(napi_async_cleanup_hook_handle, void* arg) {
  WatchState* s = static_cast<WatchState*>(arg);
  if (s->phase == WatchState::kClosed) {
    MaybeFinishClose(s);  // a close already in flight removes the hook from OnPollClosed
    return;
  }
  BeginClose(s);
}

// Delivers the one callback: `err` is null on exit. Closes the watch first, so the callback sees
// a closed watch and a throwing callback cannot leave it half open.
void Deliver(WatchState* s, napi_value cb, napi_value err, bool via_make_callback) {
  napi_env env = s->env;
  if (err == nullptr) s->exited = true;
  BeginClose(s);
  napi_value global;
  napi_value result;
  if (err == nullptr) napi_get_null(env, &err);
  napi_get_global(env, &global);
  // From a uv callback: napi_make_callback runs the callback in a callback scope (microtasks,
  // async hooks). From call_js: Node already opened that scope.
  if (via_make_callback) {
    napi_make_callback(env, nullptr, global, cb, 1, &err, &result);
  } else {
    napi_call_function(env, global, cb, 1, &err, &result);
  }
  bool pending = false;
  if (napi_is_exception_pending(env, &pending) == napi_ok && pending) {
    napi_value exc;
    napi_get_and_clear_last_exception(env, &exc);
    napi_fatal_exception(env, exc);  // 'uncaughtException', as for any event callback
  }
}

napi_value MakeErrorValue(napi_env env, const char* code, const std::string& msg) {
  napi_value m;
  napi_value c;
  napi_value e;
  napi_create_string_utf8(env, msg.c_str(), msg.size(), &m);
  napi_create_string_utf8(env, code, NAPI_AUTO_LENGTH, &c);
  napi_create_error(env, c, m, &e);
  return e;
}

void OnPollEvent(uv_poll_t* h, int status, int /*events*/) {
  WatchState* s = static_cast<WatchState*>(h->data);
  if (s->phase != WatchState::kStarted) return;
  napi_env env = s->env;
  napi_handle_scope scope;
  if (napi_open_handle_scope(env, &scope) != napi_ok) return;
  napi_value cb;
  napi_get_reference_value(env, s->callback, &cb);
  napi_value err = nullptr;
  if (status < 0) {
    // libuv reports POLLERR as UV_EBADF. Only a proof of exit counts as an exit.
    bool exited = false;
    if (!s->watch || !s->watch->HasExited(&exited).ok() || !exited) {
      const char* name = uv_err_name(status);
      err = MakeErrorValue(env, name, std::string(name) + ": polling the process handle failed");
    }
  }
  Deliver(s, cb, err, true);
  napi_close_handle_scope(env, scope);
}

// Arm path, JS thread.
void CallJsOnExit(napi_env env, napi_value js_cb, void* context, void* /*data*/) {
  WatchState* s = static_cast<WatchState*>(context);
  if (env == nullptr || js_cb == nullptr || s->phase != WatchState::kStarted) return;
  Deliver(s, js_cb, nullptr, false);
}

// Arm path, JS thread: the thread-safe function is gone. Make sure no wait thread can still call
// into it (the env teardown may finalize it before our cleanup hook runs).
void OnTsfnFinalized(napi_env, void* data, void*) {
  WatchState* s = static_cast<WatchState*>(data);
  s->watch.reset();
  s->tsfn = nullptr;
  Unhold(s);
}

// Arm path, OS wait thread. Never blocks: a full or closing queue is the JS thread's business.
void OnArmedExit(void* ctx) {
  WatchState* s = static_cast<WatchState*>(ctx);
  napi_call_threadsafe_function(s->tsfn, nullptr, napi_tsfn_nonblocking);
}

[[noreturn]] void ThrowUv(Napi::Env env, int uverr, const char* call) {
  const char* name = uv_err_name(uverr);
  Napi::Error err = Napi::Error::New(
      env, std::string(name) + ": " + call + " failed (" + uv_strerror(uverr) + ")");
  err.Set("code", Napi::String::New(env, name));
  err.Set("errno", Napi::Number::New(env, uverr));
  err.Set("syscall", Napi::String::New(env, call));
  throw err;
}

void Check(Napi::Env env, napi_status st) {
  if (st != napi_ok) throw Napi::Error::New(env);
}

class ExitWatchWrap : public Napi::ObjectWrap<ExitWatchWrap> {
 public:
  static Napi::Function Define(Napi::Env env) {
    return DefineClass(env, "ExitWatch",
                       {
                           InstanceMethod<&ExitWatchWrap::HasExited>("hasExited"),
                           InstanceMethod<&ExitWatchWrap::UniqueId>("uniqueId"),
                           InstanceMethod<&ExitWatchWrap::FastId>("fastId"),
                           InstanceMethod<&ExitWatchWrap::Start>("start"),
                           InstanceMethod<&ExitWatchWrap::Close>("close"),
                           InstanceMethod<&ExitWatchWrap::Ref>("ref"),
                           InstanceMethod<&ExitWatchWrap::Unref>("unref"),
                           InstanceMethod<&ExitWatchWrap::UsageInto>("usageInto"),
                       });
  }

  explicit ExitWatchWrap(const Napi::CallbackInfo& info) : Napi::ObjectWrap<ExitWatchWrap>(info) {
    if (info.Length() != 1 || !info[0].IsExternal()) {
      throw Napi::TypeError::New(info.Env(), "ExitWatch cannot be constructed: use openWatch(pid)");
    }
    state_ = info[0].As<Napi::External<WatchState>>().Data();
    state_->wrapped = true;
  }

  ~ExitWatchWrap() override {
    if (state_ == nullptr) return;
    BeginClose(state_);  // garbage collected (or env teardown): release the OS handle
    Unhold(state_);
  }

 private:
  WatchState* Live(Napi::Env env, const char* method) {
    if (state_->phase == WatchState::kClosed) {
      Napi::Error err =
          Napi::Error::New(env, std::string("ExitWatch.") + method + ": the watch is closed");
      err.Set("code", Napi::String::New(env, "ERR_PIDPROOF_WATCH_CLOSED"));
      throw err;
    }
    return state_;
  }

  Napi::Value HasExited(const Napi::CallbackInfo& info) {
    Napi::Env env = info.Env();
    if (state_->exited) return Napi::Boolean::New(env, true);
    WatchState* s = Live(env, "hasExited");
    bool exited = false;
    Status st = s->watch->HasExited(&exited);
    if (!st.ok()) ThrowStatus(env, st);
    return Napi::Boolean::New(env, exited);
  }

  Napi::Value UniqueId(const Napi::CallbackInfo& info) {
    return OptU64(info.Env(), state_->has_unique_id, state_->unique_id);
  }

  // The id for watchExited(id), or -1 when this watch has none (closed, or no slot was free).
  Napi::Value FastId(const Napi::CallbackInfo& info) {
    const WatchState* s = state_;
    if (!s->slots || s->phase == WatchState::kClosed) return Napi::Number::New(info.Env(), -1);
    return Napi::Number::New(info.Env(),
                             static_cast<double>(s->slots->gens[s->slot]) * WatchSlots::kIndexSpan +
                                 static_cast<double>(s->slot));
  }

  Napi::Value Start(const Napi::CallbackInfo& info) {
    Napi::Env env = info.Env();
    if (info.Length() < 1 || !info[0].IsFunction()) {
      throw Napi::TypeError::New(env, "callback must be a function");
    }
    WatchState* s = Live(env, "start");
    if (s->phase != WatchState::kOpen) {
      throw Napi::Error::New(env, "ExitWatch.start: the watch is already started");
    }
    Napi::Function cb = info[0].As<Napi::Function>();
    int fd = s->watch->PollFd();
    if (fd >= 0) {
      uv_loop_t* loop = nullptr;
      Check(env, napi_get_uv_event_loop(env, &loop));
      Check(env, napi_create_reference(env, cb, 1, &s->callback));
      uv_poll_t* poll = new uv_poll_t;
      int r = uv_poll_init(loop, poll, fd);
      if (r != 0) {
        delete poll;  // never initialised: not known to the loop
        BeginClose(s);
        ThrowUv(env, r, "uv_poll_init");
      }
      poll->data = s;
      s->poll = poll;
      s->holders++;
      s->phase = WatchState::kStarted;
      r = uv_poll_start(poll, UV_READABLE, OnPollEvent);
      if (r != 0) {
        BeginClose(s);
        ThrowUv(env, r, "uv_poll_start");
      }
      if (!s->refed) uv_unref(reinterpret_cast<uv_handle_t*>(poll));
      return env.Undefined();
    }
    napi_value name;
    Check(env, napi_create_string_utf8(env, "pidproof.ExitWatch", NAPI_AUTO_LENGTH, &name));
    napi_threadsafe_function tsfn = nullptr;
    Check(env, napi_create_threadsafe_function(env, cb, nullptr, name, 0, 1, s, OnTsfnFinalized, s,
                                               CallJsOnExit, &tsfn));
    s->tsfn = tsfn;
    s->holders++;
    if (!s->refed) napi_unref_threadsafe_function(env, tsfn);
    s->phase = WatchState::kStarted;
    Status st = s->watch->Arm(OnArmedExit, s);
    if (!st.ok()) {
      BeginClose(s);
      ThrowStatus(env, st);
    }
    return env.Undefined();
  }

  Napi::Value Close(const Napi::CallbackInfo& info) {
    BeginClose(state_);
    return info.Env().Undefined();
  }

  void SetRef(Napi::Env env, bool on) {
    WatchState* s = state_;
    s->refed = on;
    if (s->phase != WatchState::kStarted) return;
    if (s->poll != nullptr) {
      if (on) {
        uv_ref(reinterpret_cast<uv_handle_t*>(s->poll));
      } else {
        uv_unref(reinterpret_cast<uv_handle_t*>(s->poll));
      }
    } else if (s->tsfn != nullptr) {
      if (on) {
        napi_ref_threadsafe_function(env, s->tsfn);
      } else {
        napi_unref_threadsafe_function(env, s->tsfn);
      }
    }
  }

  Napi::Value Ref(const Napi::CallbackInfo& info) {
    SetRef(info.Env(), true);
    return info.This();
  }

  Napi::Value Unref(const Napi::CallbackInfo& info) {
    SetRef(info.Env(), false);
    return info.This();
  }

  // usageInto(out, notes): a usage read through this watch's handle (issue 23, "Usage" below).
  Napi::Value UsageInto(const Napi::CallbackInfo& info);

  WatchState* state_ = nullptr;
};

// openWatch(pid) -> ExitWatch | null (no such process) | 'unsupported' (this OS/kernel cannot pin
// processes: Linux without pidfd_open). Throws with .code, e.g. EMFILE.
Napi::Value OpenWatch(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  int64_t pid = PidArg(info, 0);
  if (info.Length() > 1) throw Napi::TypeError::New(env, "openWatch takes one argument (pid)");
  std::unique_ptr<pidproof::ExitWatch> w;
  Status st = pidproof::OpenExitWatch(pid, &w);
  if (st.code == Status::kNoSuchProcess) return env.Null();
  if (st.code == Status::kUnsupported) return Napi::String::New(env, "unsupported");
  if (!st.ok()) ThrowStatus(env, st);
  WatchState* s = new WatchState();
  s->env = env;
  s->has_unique_id = w->UniqueId(&s->unique_id);
  s->watch = std::move(w);
  Napi::Object obj;
  try {
    AddonData* data = env.GetInstanceData<AddonData>();
    obj = data->exit_watch_ctor.New({Napi::External<WatchState>::New(env, s)});
  } catch (...) {
    // No wrapper: nothing else refers to s. A wrapper whose construction completed (New failed
    // afterwards, e.g. in a terminating worker) owns s and releases it from its finalizer.
    if (!s->wrapped) delete s;
    throw;
  }
  // From here the wrapper's finalizer owns one hold on s.
  if (napi_add_async_cleanup_hook(env, OnWatchCleanup, s, &s->hook) != napi_ok) {
    s->hook = nullptr;
    BeginClose(s);
    throw Napi::Error::New(env, "openWatch: cannot register an env cleanup hook");
  }
  AddonData* data = env.GetInstanceData<AddonData>();
  if (data != nullptr && data->slots) {
    WatchSlots& t = *data->slots;
    if (!t.free_list.empty()) {
      s->slot = t.free_list.back();
      t.free_list.pop_back();
    } else if (t.states.size() < static_cast<size_t>(WatchSlots::kIndexSpan)) {
      s->slot = static_cast<uint32_t>(t.states.size());
      t.states.push_back(nullptr);
      t.gens.push_back(0);
    } else {
      return obj;  // no slot: fastId() answers -1 and callers use hasExited()
    }
    t.states[s->slot] = s;
    s->slots = data->slots;
  }
  return obj;
}

// ---- Signals ---------------------------------------------------------------------------------
//
// signal(pid, signo, out, hasExpected, uniqueIdKind, uniqueId, startTokenUnit, startToken) -> code
//
// Signals `pid` only when the process pinned by the platform layer is proven to be the expected
// one (pidproof::SignalProcess). hasExpected false: signal whatever process holds the PID at the
// call (a PID target); the four strings are then ignored. hasExpected true: each of the four is
// a string or null (not recorded); uniqueId and startToken are decimal u64 strings. A kind or unit
// this backend does not produce simply never compares. `out` is a BigUint64Array of length >= 2
// that receives the unique id and start token read on the pin (valid per the code bits), so the
// hot path allocates no result object.
//
// Code bits: 0-2 verdict (0 sent, 1 no process, 2 different, 3 exited, 4 unverifiable); 3 pinned;
// 4-5 after (0 not checked, 1 same, 2 gone, 3 changed); 6-7 matched by (0 none, 1 unique id,
// 2 start token); 8 out[0] valid; 9 out[1] valid; 10 access partial.

// An optional string argument (null/undefined: absent). 63 bytes or longer: kept as "", which
// equals no kind or unit a backend produces (theirs are all far shorter).
bool OptShortStringArg(const Napi::CallbackInfo& info, size_t index, const char* name,
                       std::string* out) {
  Napi::Env env = info.Env();
  if (info.Length() <= index || info[index].IsNull() || info[index].IsUndefined()) return false;
  if (!info[index].IsString()) {
    throw Napi::TypeError::New(env, std::string(name) + " must be a string or null");
  }
  char buf[64];
  size_t len = 0;
  if (napi_get_value_string_utf8(env, info[index], buf, sizeof(buf), &len) != napi_ok) {
    throw Napi::TypeError::New(env, std::string(name) + " must be a string or null");
  }
  if (len + 1 >= sizeof(buf)) {
    // Filled the buffer: it may have been cut. Only then ask for the full length.
    size_t full = 0;
    napi_get_value_string_utf8(env, info[index], nullptr, 0, &full);
    if (full >= sizeof(buf) - 1) {
      out->clear();
      return true;
    }
  }
  out->assign(buf, len);
  return true;
}

// An optional decimal u64 string argument (null/undefined: absent), by DecimalU64Arg's rule.
bool OptDecimalArg(const Napi::CallbackInfo& info, size_t index, const char* name, uint64_t* out) {
  if (info.Length() <= index || info[index].IsNull() || info[index].IsUndefined()) return false;
  *out = DecimalU64Arg(
      info, index,
      std::string(name) +
          " must be a decimal string of 1 to 20 digits without leading zeros, or null",
      std::string(name) + " must fit in 64 bits (at most 18446744073709551615)");
  return true;
}

Napi::Value Signal(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  int64_t pid = PidArg(info, 0);
  int64_t signo = IntegerArg(info, 1, "signal", 0, 1024);
  if (!pidproof::IsValidSignal(static_cast<int>(signo))) {
    throw Napi::RangeError::New(env, "signal " + std::to_string(signo) +
                                         " is not a signal number of this operating system");
  }
  if (info.Length() < 3 || !info[2].IsTypedArray()) {
    throw Napi::TypeError::New(env, "out must be a BigUint64Array of length 2");
  }
  napi_typedarray_type tt;
  size_t length = 0;
  void* data = nullptr;
  if (napi_get_typedarray_info(env, info[2], &tt, &length, &data, nullptr, nullptr) != napi_ok ||
      tt != napi_biguint64_array || length < 2 || data == nullptr) {
    throw Napi::TypeError::New(env, "out must be a BigUint64Array of length 2");
  }
  if (info.Length() < 4 || !info[3].IsBoolean()) {
    throw Napi::TypeError::New(env, "hasExpected must be a boolean");
  }
  const bool has_expected = info[3].As<Napi::Boolean>().Value();
  pidproof::ExpectedIdentity expected;
  if (has_expected) {
    bool has_kind = OptShortStringArg(info, 4, "uniqueIdKind", &expected.unique_id_kind);
    expected.has_unique_id = OptDecimalArg(info, 5, "uniqueId", &expected.unique_id) && has_kind;
    bool has_unit = OptShortStringArg(info, 6, "startTokenUnit", &expected.start_token_unit);
    expected.has_start_token =
        OptDecimalArg(info, 7, "startToken", &expected.start_token) && has_unit;
  }
  pidproof::SignalReport report;
  Status st = pidproof::SignalProcess(pid, has_expected ? &expected : nullptr,
                                      static_cast<int>(signo), &report);
  if (!st.ok()) ThrowStatus(env, st);
  uint64_t* o = static_cast<uint64_t*>(data);
  uint32_t code = 0;
  switch (report.verdict) {
    case pidproof::SignalVerdict::kSent:
      code = 0;
      break;
    case pidproof::SignalVerdict::kNoProcess:
      code = 1;
      break;
    case pidproof::SignalVerdict::kDifferent:
      code = 2;
      break;
    case pidproof::SignalVerdict::kExited:
      code = 3;
      break;
    case pidproof::SignalVerdict::kUnverifiable:
      code = 4;
      break;
  }
  if (report.pinned) code |= 1u << 3;
  switch (report.after) {
    case pidproof::SignalAfter::kNotChecked:
      break;
    case pidproof::SignalAfter::kSame:
      code |= 1u << 4;
      break;
    case pidproof::SignalAfter::kGone:
      code |= 2u << 4;
      break;
    case pidproof::SignalAfter::kChanged:
      code |= 3u << 4;
      break;
  }
  if (report.matched_by == pidproof::SignalMatch::kUniqueId) code |= 1u << 6;
  if (report.matched_by == pidproof::SignalMatch::kStartToken) code |= 2u << 6;
  if (report.current.has_unique_id) {
    o[0] = report.current.unique_id;
    code |= 1u << 8;
  }
  if (report.current.has_start_token) {
    o[1] = report.current.start_token;
    code |= 1u << 9;
  }
  if (report.current.partial) code |= 1u << 10;
  return Napi::Number::New(env, code);
}

// ---- Hot paths (issue 15) ------------------------------------------------------------------
//
// One native crossing per probe, per exit check, per acquire and per release, with nothing built
// in C++ that JavaScript builds faster: raw N-API callbacks (no CallbackInfo), numbers in and out
// through typed arrays the caller reuses, strings only for paths. Every argument is checked here
// as in the functions above; a check that fails throws a TypeError or RangeError naming it.

// Runs a hot callback; a Napi::Error thrown by the shared helpers becomes the JS exception.
template <napi_value (*F)(napi_env, napi_callback_info)>
napi_value Guarded(napi_env env, napi_callback_info info) {
  try {
    return F(env, info);
  } catch (const Napi::Error& e) {
    e.ThrowAsJavaScriptException();
    return nullptr;
  }
}

// Reads up to N arguments; missing ones are undefined.
template <size_t N>
void RawArgs(napi_env env, napi_callback_info info, napi_value (&argv)[N], size_t* argc,
             void** data = nullptr) {
  *argc = N;
  if (napi_get_cb_info(env, info, argc, argv, nullptr, data) != napi_ok) {
    throw Napi::Error::New(env, "cannot read the arguments");
  }
}

// An integer in [min, max] (the rule of IntegerArg).
int64_t RawInteger(napi_env env, napi_value v, const char* name, int64_t min, int64_t max) {
  double d = 0;
  if (napi_get_value_double(env, v, &d) != napi_ok || std::isnan(d) || std::isinf(d) ||
      std::floor(d) != d) {
    throw Napi::TypeError::New(env, std::string(name) + " must be an integer");
  }
  if (d < static_cast<double>(min) || d > static_cast<double>(max)) {
    throw Napi::RangeError::New(env, std::string(name) + " must be between " + std::to_string(min) +
                                         " and " + std::to_string(max));
  }
  return static_cast<int64_t>(d);
}

// A finite number.
double RawFinite(napi_env env, napi_value v, const char* name) {
  double d = 0;
  if (napi_get_value_double(env, v, &d) != napi_ok || std::isnan(d) || std::isinf(d)) {
    throw Napi::TypeError::New(env, std::string(name) + " must be a finite number");
  }
  return d;
}

// A Float64Array of at least `min_len` elements.
double* RawF64(napi_env env, napi_value v, const char* name, size_t min_len) {
  bool is = false;
  napi_typedarray_type tt;
  size_t length = 0;
  void* data = nullptr;
  if (napi_is_typedarray(env, v, &is) != napi_ok || !is ||
      napi_get_typedarray_info(env, v, &tt, &length, &data, nullptr, nullptr) != napi_ok ||
      tt != napi_float64_array || length < min_len || data == nullptr) {
    throw Napi::TypeError::New(
        env, std::string(name) + " must be a Float64Array of length " + std::to_string(min_len));
  }
  return static_cast<double*>(data);
}

// A path: a string without NUL bytes, shorter than 4096 bytes in UTF-8 (PATH_MAX on Linux).
constexpr size_t kPathCap = 4096;
void RawPath(napi_env env, napi_value v, const char* name, char (&buf)[kPathCap + 1]) {
  size_t len = 0;
  if (napi_get_value_string_utf8(env, v, buf, sizeof(buf), &len) != napi_ok) {
    throw Napi::TypeError::New(env, std::string(name) + " must be a string");
  }
  if (len == 0) throw Napi::TypeError::New(env, std::string(name) + " must not be empty");
  if (len >= kPathCap) {
    throw Napi::RangeError::New(env, std::string(name) + " must be shorter than 4096 bytes");
  }
  if (std::strlen(buf) != len) {
    throw Napi::TypeError::New(env, std::string(name) + " must not contain NUL bytes");
  }
}

napi_value RawNumber(napi_env env, double v) {
  napi_value r = nullptr;
  napi_create_double(env, v, &r);
  return r;
}

// Index of a static unit/kind name in data->names (appended on first sight); -1 for none.
double NameIndex(AddonData* data, const char* name) {
  if (name == nullptr) return -1;
  for (size_t i = 0; i < data->names.size(); ++i) {
    if (data->names[i] == name || std::strcmp(data->names[i], name) == 0) {
      return static_cast<double>(i);
    }
  }
  data->names.push_back(name);
  return static_cast<double>(data->names.size() - 1);
}

// ProcState as the number lib/binding.ts decodes: 0 unknown, 1 running, 2 sleeping, 3 stopped,
// 4 zombie.
int StateCode(pidproof::ProcState st) {
  switch (st) {
    case pidproof::ProcState::kRunning:
      return 1;
    case pidproof::ProcState::kSleeping:
      return 2;
    case pidproof::ProcState::kStopped:
      return 3;
    case pidproof::ProcState::kZombie:
      return 4;
    default:
      return 0;
  }
}

// probeInto(pid, out: Float64Array(8)) -> 0 (no such process) | 1 (out filled).
// out: [flags, startToken, uniqueId, startTimeMs, ppid, state, unit index, kind index]; flags bits
// 1 startToken, 2 uniqueId, 4 startTimeMs, 8 ppid, 16 access partial, 32 "use probe()": a value
// above 2^53 (a double would round it) or an access detail to report. state: 0 unknown,
// 1 running, 2 sleeping, 3 stopped, 4 zombie. Names: probeNames()[index].
constexpr double kMaxExact = 9007199254740992.0;  // 2^53
napi_value ProbeIntoImpl(napi_env env, napi_callback_info info) {
  napi_value argv[2];
  size_t argc = 0;
  RawArgs(env, info, argv, &argc);
  if (argc < 2) throw Napi::TypeError::New(env, "probeInto takes (pid, out)");
  int64_t pid = RawInteger(env, argv[0], "pid", 1, pidproof::kMaxPid);
  double* out = RawF64(env, argv[1], "out", 8);
  pidproof::Identity id;
  Status st = pidproof::ProbeProcess(pid, &id);
  if (st.code == Status::kNoSuchProcess) return RawNumber(env, 0);
  if (!st.ok()) ThrowStatus(Napi::Env(env), st);
  AddonData* data = Napi::Env(env).GetInstanceData<AddonData>();
  if (data == nullptr) throw Napi::Error::New(env, "probeInto: the addon is not initialised");
  int flags = 0;
  if (id.has_start_token) flags |= 1;
  if (id.has_unique_id) flags |= 2;
  if (id.has_start_time_ms) flags |= 4;
  if (id.has_ppid) flags |= 8;
  if (id.partial) flags |= 16;
  if (!id.access_detail.empty() || static_cast<double>(id.start_token) >= kMaxExact ||
      static_cast<double>(id.unique_id) >= kMaxExact) {
    flags |= 32;
  }
  const int state = StateCode(id.state);
  out[0] = flags;
  out[1] = static_cast<double>(id.start_token);
  out[2] = static_cast<double>(id.unique_id);
  out[3] = id.start_time_ms;
  out[4] = static_cast<double>(id.ppid);
  out[5] = state;
  out[6] = id.has_start_token ? NameIndex(data, id.start_token_unit) : -1;
  out[7] = id.has_unique_id ? NameIndex(data, id.unique_id_kind) : -1;
  return RawNumber(env, 1);
}

// probeNames() -> the unit and kind names probeInto's indexes refer to.
Napi::Value ProbeNames(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  AddonData* data = env.GetInstanceData<AddonData>();
  Napi::Array a = Napi::Array::New(env);
  if (data == nullptr) return a;
  for (size_t i = 0; i < data->names.size(); ++i) {
    a.Set(static_cast<uint32_t>(i), Napi::String::New(env, data->names[i]));
  }
  return a;
}

// watchExited(id) -> boolean: ExitWatch.hasExited() of the watch whose fastId() is `id`, without
// unwrapping its object. Throws ERR_PIDPROOF_WATCH_CLOSED for a closed watch or a stale id.
napi_value WatchExitedImpl(napi_env env, napi_callback_info info) {
  napi_value argv[1];
  size_t argc = 0;
  void* raw = nullptr;
  RawArgs(env, info, argv, &argc, &raw);
  double id = 0;
  if (argc < 1 || napi_get_value_double(env, argv[0], &id) != napi_ok || std::isnan(id) ||
      std::floor(id) != id || id < 0 || id >= kMaxExact) {
    throw Napi::TypeError::New(env, "id must be a watch id (ExitWatch.fastId())");
  }
  WatchSlots* t = static_cast<WatchSlots*>(raw);
  double gen = std::floor(id / WatchSlots::kIndexSpan);
  size_t index = static_cast<size_t>(id - gen * WatchSlots::kIndexSpan);
  WatchState* s = nullptr;
  if (t != nullptr && index < t->states.size() && static_cast<double>(t->gens[index]) == gen) {
    s = t->states[index];
  }
  if (s == nullptr || s->phase == WatchState::kClosed || !s->watch) {
    Napi::Error err = Napi::Error::New(env, "ExitWatch.hasExited: the watch is closed");
    err.Set("code", Napi::String::New(env, "ERR_PIDPROOF_WATCH_CLOSED"));
    throw err;
  }
  bool exited = s->exited;
  if (!exited) {
    Status st = s->watch->HasExited(&exited);
    if (!st.ok()) ThrowStatus(Napi::Env(env), st);
  }
  napi_value r = nullptr;
  napi_get_boolean(env, exited, &r);
  return r;
}

// ---- What a worker thread holds when its environment is torn down (issue 20) -------------------
// A worker ended with terminate() runs no more JavaScript: the lock core's release at exit never
// runs, and Node closes no descriptor opened with fs.openSync. A lock's descriptor would stay open
// in the process (its kernel lock held, its record naming a live process) until the process
// exits. So the lock core registers here every descriptor through which it holds something, and
// the environment's cleanup hook (run when a worker ends in any way, and when the main thread's
// environment is torn down) releases what is left the way release() does: the path is unlinked
// while it still names the registered file (device and inode, compared as the doubles Node's
// fs.Stats holds), then the descriptor is closed. One registry per environment; the lock core
// unregisters a descriptor before it closes it (so a closed number reused by another thread is
// never touched), and the native publish and release register and unregister in the same call.
enum HeldKind { kHeldLock = 0, kHeldTemp = 1, kHeldOther = 2 };  // other: close only

struct HeldFile {
  int fd;
  int kind;
  std::string path;
  double dev;
  double ino;
};

struct HeldFiles {
  uv_loop_t* loop = nullptr;
  std::vector<HeldFile> files;

  void Track(int fd, int kind, const char* path, double dev, double ino) {
    for (HeldFile& f : files) {
      if (f.fd == fd) {
        f.kind = kind;
        f.path = path;
        f.dev = dev;
        f.ino = ino;
        return;
      }
    }
    files.push_back(HeldFile{fd, kind, path, dev, ino});
  }
  void Untrack(int fd) {
    for (size_t i = 0; i < files.size(); ++i) {
      if (files[i].fd == fd) {
        files[i] = std::move(files.back());
        files.pop_back();
        return;
      }
    }
  }
};

// The environment's cleanup hook: synchronous libuv calls (the same calls fs.lstatSync,
// fs.unlinkSync and fs.closeSync make, on every OS), nothing that can call into JavaScript.
void ReleaseHeldFiles(void* arg) {
  HeldFiles* held = static_cast<HeldFiles*>(arg);
  for (const HeldFile& f : held->files) {
    // Defence in depth: a descriptor that no longer names the registered file (closed without
    // being unregistered, and its number reused since) is not ours to unlink or close.
    uv_fs_t st;
    bool same = uv_fs_fstat(held->loop, &st, f.fd, nullptr) == 0 &&
                static_cast<double>(st.statbuf.st_dev) == f.dev &&
                static_cast<double>(st.statbuf.st_ino) == f.ino;
    uv_fs_req_cleanup(&st);
    if (!same) continue;
    if (f.kind == kHeldLock || f.kind == kHeldTemp) {
      uv_fs_t req;
      bool ours = uv_fs_lstat(held->loop, &req, f.path.c_str(), nullptr) == 0 &&
                  static_cast<double>(req.statbuf.st_dev) == f.dev &&
                  static_cast<double>(req.statbuf.st_ino) == f.ino;
      uv_fs_req_cleanup(&req);
      if (ours) {
        uv_fs_unlink(held->loop, &req, f.path.c_str(), nullptr);
        uv_fs_req_cleanup(&req);
      }
    }
    uv_fs_t req;
    uv_fs_close(held->loop, &req, f.fd, nullptr);
    uv_fs_req_cleanup(&req);
  }
  delete held;
}

// trackFile(fd, kind, path, dev, ino) -> undefined: registers a descriptor (kind 0 a lock file,
// 1 a temp file, 2 anything else: closed only) for release at environment teardown.
napi_value TrackFileImpl(napi_env env, napi_callback_info info) {
  napi_value argv[5];
  size_t argc = 0;
  void* raw = nullptr;
  RawArgs(env, info, argv, &argc, &raw);
  if (argc < 5) throw Napi::TypeError::New(env, "trackFile takes (fd, kind, path, dev, ino)");
  int fd = static_cast<int>(RawInteger(env, argv[0], "fd", 0, 2147483647));
  int kind = static_cast<int>(RawInteger(env, argv[1], "kind", 0, 2));
  char path[kPathCap + 1];
  RawPath(env, argv[2], "path", path);
  double dev = RawFinite(env, argv[3], "dev");
  double ino = RawFinite(env, argv[4], "ino");
  if (raw != nullptr) static_cast<HeldFiles*>(raw)->Track(fd, kind, path, dev, ino);
  return nullptr;
}

// untrackFile(fd) -> undefined: the descriptor is about to be closed (or handed over).
napi_value UntrackFileImpl(napi_env env, napi_callback_info info) {
  napi_value argv[1];
  size_t argc = 0;
  void* raw = nullptr;
  RawArgs(env, info, argv, &argc, &raw);
  if (argc < 1) throw Napi::TypeError::New(env, "untrackFile takes (fd)");
  int fd = static_cast<int>(RawInteger(env, argv[0], "fd", 0, 2147483647));
  if (raw != nullptr) static_cast<HeldFiles*>(raw)->Untrack(fd);
  return nullptr;
}

// publish(lockPath, suffix, mode, payload: Uint8Array, out: Float64Array(4)[, tail, token
//         [, unnamed]])
//   creates "<lockPath>.pidproof-<suffix>.tmp" (suffix: lowercase hex) and publishes it
//   -> outcome: 0 acquired, 1 exists (EEXIST: held), 2 link failed otherwise, 3 no kernel lock here
//   (created only), -1 not on this OS; -2 (nothing done) when `tail` values are out of the range
//   the native formatter covers: write the payload in JavaScript. out: [fd, dev, ino, bytes
//   written] for 0-3. Without `tail`, `payload` is written as is. With `tail` (a Float64Array
//   [headHash, wallMs, monoUs]) and `token` (32 hex digits), `payload` is the cached head of the
//   JSON text and the rest is written here (logic::FormatLockPayload): no JSON, no checksum in
//   JavaScript. Throws (with .code) when the temp file cannot be created, locked or written; it is
//   then removed. With `unnamed` true (Linux; `out` of length 5), an unnamed temp file is tried
//   first: out[4] = 1 when it was used, 2 when this directory cannot make or link one (the named
//   temp file was used: stop asking), else 0. See pidproof::PublishLockFile.
napi_value PublishImpl(napi_env env, napi_callback_info info) {
  napi_value argv[8];
  size_t argc = 0;
  void* raw = nullptr;
  RawArgs(env, info, argv, &argc, &raw);
  if (argc < 5) {
    throw Napi::TypeError::New(env, "publish takes (lockPath, suffix, mode, payload, out)");
  }
  char lock[kPathCap + 1];
  RawPath(env, argv[0], "lockPath", lock);
  char suffix[40];
  size_t suffix_len = 0;
  if (napi_get_value_string_utf8(env, argv[1], suffix, sizeof(suffix), &suffix_len) != napi_ok ||
      suffix_len == 0 || suffix_len > 32 || std::strspn(suffix, "0123456789abcdef") != suffix_len) {
    throw Napi::TypeError::New(env, "suffix must be 1 to 32 lowercase hex digits");
  }
  // The temp file: "<lockPath>.pidproof-<suffix>.tmp", as lib/lock/files.ts sidecarPath names it.
  char tmp[kPathCap + 64];
  if (static_cast<size_t>(std::snprintf(tmp, sizeof(tmp), "%s.pidproof-%s.tmp", lock, suffix)) >=
      kPathCap) {
    throw Napi::RangeError::New(env, "lockPath must be shorter than 4050 bytes");
  }
  int mode = static_cast<int>(RawInteger(env, argv[2], "mode", 0, 0777));
  bool is = false;
  napi_typedarray_type tt;
  size_t len = 0;
  void* bytes = nullptr;
  if (napi_is_typedarray(env, argv[3], &is) != napi_ok || !is ||
      napi_get_typedarray_info(env, argv[3], &tt, &len, &bytes, nullptr, nullptr) != napi_ok ||
      tt != napi_uint8_array || (bytes == nullptr && len != 0)) {
    throw Napi::TypeError::New(env, "payload must be a Uint8Array or Buffer");
  }
  if (len > 64 * 1024) throw Napi::RangeError::New(env, "payload must be at most 65536 bytes");
  bool unnamed = false;
  napi_valuetype unnamed_type = napi_undefined;
  if (argc >= 8) napi_typeof(env, argv[7], &unnamed_type);
  if (unnamed_type != napi_undefined && napi_get_value_bool(env, argv[7], &unnamed) != napi_ok) {
    throw Napi::TypeError::New(env, "unnamed must be a boolean");
  }
  double* out = RawF64(env, argv[4], "out", unnamed ? 5 : 4);
  const uint8_t* data = static_cast<const uint8_t*>(bytes);
  std::string formatted;
  napi_valuetype tail_type = napi_undefined;
  if (argc >= 6) napi_typeof(env, argv[5], &tail_type);
  if (tail_type != napi_undefined) {
    double* tail = RawF64(env, argv[5], "tail", 3);
    char token[40];
    size_t token_len = 0;
    if (argc < 7 ||
        napi_get_value_string_utf8(env, argv[6], token, sizeof(token), &token_len) != napi_ok) {
      throw Napi::TypeError::New(env, "token must be a string");
    }
    if (!(tail[0] >= 0 && tail[0] <= 4294967295.0) || std::floor(tail[0]) != tail[0]) {
      throw Napi::RangeError::New(env, "tail[0] (the head's FNV-1a state) must be a uint32");
    }
    if (!pidproof::logic::FormatLockPayload(data, len, static_cast<uint32_t>(tail[0]), token,
                                            token_len, tail[1], tail[2], &formatted)) {
      return RawNumber(env, -2);
    }
    data = reinterpret_cast<const uint8_t*>(formatted.data());
    len = formatted.size();
  }
  pidproof::PublishResult r;
  Status st = pidproof::PublishLockFile(tmp, lock, mode, data, len, unnamed, &r);
  if (st.code == Status::kUnsupported && st.syscall == "PublishLockFile") return RawNumber(env, -1);
  if (unnamed) out[4] = r.unnamed ? 1 : r.unnamed_unavailable ? 2 : 0;
  if (!st.ok()) ThrowStatus(Napi::Env(env), st);
  out[0] = r.fd;
  out[1] = static_cast<double>(r.dev);
  out[2] = static_cast<double>(r.ino);
  out[3] = r.outcome == pidproof::PublishResult::kNoKernelLock ? 0 : static_cast<double>(len);
  if (raw != nullptr) {
    // Held from here on: the lock itself, or the temp file kept for the contended path.
    const bool acquired = r.outcome == pidproof::PublishResult::kAcquired;
    static_cast<HeldFiles*>(raw)->Track(r.fd, acquired ? kHeldLock : kHeldTemp,
                                        acquired ? lock : tmp, out[1], out[2]);
  }
  switch (r.outcome) {
    case pidproof::PublishResult::kAcquired:
      return RawNumber(env, 0);
    case pidproof::PublishResult::kExists:
      return RawNumber(env, 1);
    case pidproof::PublishResult::kLinkFailed:
      return RawNumber(env, 2);
    default:
      return RawNumber(env, 3);
  }
}

// releaseFile(fd, lockPath, dev, ino[, lookForGuard = true]) -> bits: 1 the lock file was ours
// and is removed (or could not be looked at), 2 its replacement guard "<lockPath>.pidproof-guard"
// exists (only looked for with lookForGuard); -1 not on this OS. Closes fd.
napi_value ReleaseFileImpl(napi_env env, napi_callback_info info) {
  napi_value argv[5];
  size_t argc = 0;
  void* raw = nullptr;
  RawArgs(env, info, argv, &argc, &raw);
  if (argc < 4) {
    throw Napi::TypeError::New(env, "releaseFile takes (fd, lockPath, dev, ino)");
  }
  int fd = static_cast<int>(RawInteger(env, argv[0], "fd", 0, 2147483647));
  char lock[kPathCap + 1];
  RawPath(env, argv[1], "lockPath", lock);
  double dev = RawFinite(env, argv[2], "dev");
  double ino = RawFinite(env, argv[3], "ino");
  // The replacement guard: "<lockPath>.pidproof-guard" (lib/lock/files.ts guardPath).
  char guard[kPathCap + 32];
  if (static_cast<size_t>(std::snprintf(guard, sizeof(guard), "%s.pidproof-guard", lock)) >=
      kPathCap) {
    throw Napi::RangeError::New(env, "lockPath must be shorter than 4080 bytes");
  }
  bool look = true;
  napi_valuetype look_type = napi_undefined;
  if (argc >= 5) napi_typeof(env, argv[4], &look_type);
  if (look_type != napi_undefined && napi_get_value_bool(env, argv[4], &look) != napi_ok) {
    throw Napi::TypeError::New(env, "lookForGuard must be a boolean");
  }
  pidproof::ReleaseResult r;
  Status st = pidproof::ReleaseLockFile(fd, lock, dev, ino, look ? guard : nullptr, &r);
  if (st.code == Status::kUnsupported) return RawNumber(env, -1);
  // Closed by the call (it never fails): no longer ours to release at teardown.
  if (raw != nullptr) static_cast<HeldFiles*>(raw)->Untrack(fd);
  if (!st.ok()) ThrowStatus(Napi::Env(env), st);
  return RawNumber(env, (r.removed ? 1 : 0) | (r.guard_exists ? 2 : 0));
}

// engageDirRecord(dirPath, dev, ino, data: Uint8Array, out: Float64Array(2)) -> fd (>= 0), or
//   -1 with out = [why, errno] (why: 1 not that directory, 2 flock busy, 3 no flock or no record
//   here, 4 the record could not be written), or -2 not on this OS. See
//   pidproof::EngageDirRecord.
napi_value EngageDirRecordImpl(napi_env env, napi_callback_info info) {
  napi_value argv[5];
  size_t argc = 0;
  void* raw = nullptr;
  RawArgs(env, info, argv, &argc, &raw);
  if (argc < 5)
    throw Napi::TypeError::New(env, "engageDirRecord takes (dirPath, dev, ino, data, out)");
  char dir[kPathCap + 1];
  RawPath(env, argv[0], "dirPath", dir);
  double dev = RawFinite(env, argv[1], "dev");
  double ino = RawFinite(env, argv[2], "ino");
  bool is = false;
  napi_typedarray_type tt;
  size_t len = 0;
  void* bytes = nullptr;
  if (napi_is_typedarray(env, argv[3], &is) != napi_ok || !is ||
      napi_get_typedarray_info(env, argv[3], &tt, &len, &bytes, nullptr, nullptr) != napi_ok ||
      tt != napi_uint8_array || (bytes == nullptr && len != 0)) {
    throw Napi::TypeError::New(env, "data must be a Uint8Array or Buffer");
  }
  if (len > pidproof::kDirRecordCap)
    throw Napi::RangeError::New(env, "data must be at most 4096 bytes");
  double* out = RawF64(env, argv[4], "out", 2);
  pidproof::EngageResult r;
  Status st = pidproof::EngageDirRecord(dir, dev, ino, static_cast<const uint8_t*>(bytes), len, &r);
  if (st.code == Status::kUnsupported) return RawNumber(env, -2);
  if (!st.ok()) ThrowStatus(Napi::Env(env), st);
  out[0] = r.why;
  out[1] = r.err;
  // The holder's flock on the directory: closed by the cleanup hook if this environment ends
  // without running JavaScript (worker.terminate()), like the lock core's descriptors (kind 2:
  // the directory itself is the drop-in's to remove, as stock's would be, after `stale`).
  if (r.fd >= 0 && raw != nullptr) static_cast<HeldFiles*>(raw)->Track(r.fd, 2, dir, dev, ino);
  return RawNumber(env, r.fd >= 0 ? r.fd : -1);
}

// closeDirRecord(fd, guardPath) -> 1 when the guard exists, 0 when not, -2 not on this OS.
// Closes fd.
napi_value CloseDirRecordImpl(napi_env env, napi_callback_info info) {
  napi_value argv[2];
  size_t argc = 0;
  void* raw = nullptr;
  RawArgs(env, info, argv, &argc, &raw);
  if (argc < 2) throw Napi::TypeError::New(env, "closeDirRecord takes (fd, guardPath)");
  int fd = static_cast<int>(RawInteger(env, argv[0], "fd", 0, 2147483647));
  char guard[kPathCap + 1];
  RawPath(env, argv[1], "guardPath", guard);
  if (raw != nullptr) static_cast<HeldFiles*>(raw)->Untrack(fd);
  bool exists = false;
  Status st = pidproof::CloseDirRecord(fd, guard, &exists);
  if (st.code == Status::kUnsupported) return RawNumber(env, -2);
  if (!st.ok()) ThrowStatus(Napi::Env(env), st);
  return RawNumber(env, exists ? 1 : 0);
}

// ---- Usage (issue 23) --------------------------------------------------------------------------
//
// usageInto(pids: Float64Array, out: Float64Array, notes: Array) -> n
//   samples each PID (pidproof::SampleUsageMany: identity and usage in one read each, pinned where
//   the OS can) and writes kUsageStride numbers per PID into `out`:
//   [0] 0 no such process, 1 sampled
//   [1] identity flags: 1 startToken, 2 uniqueId, 4 startTimeMs, 8 ppid, 16 access partial,
//       32 notes[4i] holds accessDetail, 64 notes[4i+2] holds startToken as a string (a value of
//       2^53 or more), 128 notes[4i+3] holds uniqueId as a string
//   [2] startToken [3] uniqueId [4] startTimeMs [5] ppid [6] state (0 unknown, 1 running,
//       2 sleeping, 3 stopped, 4 zombie) [7] unit index [8] kind index (probeNames())
//   [9] usage flags: 1 cpuUserMs, 2 cpuSystemMs, 4 cpuTotalMs, 8 child CPU, 16 rssBytes,
//       32 peakRssBytes, 64 virtualBytes, 128 threads, 256 voluntary, 512 involuntary context
//       switches, 1024 minorFaults, 2048 majorFaults, 4096 partial (notes[4i+1] says why)
//   [10] atMs: uv_hrtime() in ms (process.hrtime's clock) right after the read
//   [11] cpuUserMs [12] cpuSystemMs [13] cpuTotalMs [14] child user [15] child system
//   [16] rssBytes [17] peakRssBytes [18] virtualBytes [19] threads [20] voluntary [21] involuntary
//   [22] minorFaults [23] majorFaults
//   Byte counts and counters are exact below 2^53. At most kMaxUsageBatch PIDs per call.
// openUsage(pid) -> UsagePin | null (no such process) | 'unsupported' (nothing can be held here:
//   the caller samples one-shot and compares identities). UsagePin.sampleInto(out, notes) -> 0 (the
//   pinned process is gone: reaped, or its PID names another process) | 1 (out[0..24) as above);
//   UsagePin.close() releases what it holds (idempotent; the finalizer does it too).
// ExitWatch.usageInto(out, notes) -> 1 (out[0..24) as above) | 0 (the pinned process was reaped:
//   nothing of it can be read any more) | -1 (this handle does not pin usage reads: kqueue,
//   Windows; use openUsage). Linux: the watch's pidfd pins the reads, so a usage watch holds one
//   descriptor. Readable while the watch is open and during its exit callback (the handle is closed
//   after it).
constexpr size_t kUsageStride = 24;
constexpr size_t kMaxUsageBatch = 65536;

void PutUsage(napi_env env, AddonData* data, const pidproof::UsageSample& s, double at_ms,
              double* o, napi_value notes, uint32_t note_base) {
  const pidproof::Identity& id = s.identity;
  const pidproof::Usage& u = s.usage;
  auto note = [&](uint32_t k, const std::string& text) {
    napi_value v = nullptr;
    if (napi_create_string_utf8(env, text.data(), text.size(), &v) == napi_ok) {
      napi_set_element(env, notes, note_base + k, v);
    }
  };
  int flags = 0;
  if (id.has_start_token) flags |= 1;
  if (id.has_unique_id) flags |= 2;
  if (id.has_start_time_ms) flags |= 4;
  if (id.has_ppid) flags |= 8;
  if (id.partial) flags |= 16;
  if (!id.access_detail.empty()) {
    flags |= 32;
    note(0, id.access_detail);
  }
  if (id.has_start_token && static_cast<double>(id.start_token) >= kMaxExact) {
    flags |= 64;
    note(2, std::to_string(id.start_token));
  }
  if (id.has_unique_id && static_cast<double>(id.unique_id) >= kMaxExact) {
    flags |= 128;
    note(3, std::to_string(id.unique_id));
  }
  const int state = StateCode(id.state);
  o[0] = 1;
  o[1] = flags;
  o[2] = static_cast<double>(id.start_token);
  o[3] = static_cast<double>(id.unique_id);
  o[4] = id.start_time_ms;
  o[5] = static_cast<double>(id.ppid);
  o[6] = state;
  o[7] = id.has_start_token ? NameIndex(data, id.start_token_unit) : -1;
  o[8] = id.has_unique_id ? NameIndex(data, id.unique_id_kind) : -1;
  int uf = 0;
  auto put = [&](bool has, int bit, size_t slot, double v) {
    if (has) uf |= bit;
    o[slot] = has ? v : 0;
  };
  put(u.has_cpu_user, 1, 11, u.cpu_user_ms);
  put(u.has_cpu_system, 2, 12, u.cpu_system_ms);
  put(u.has_cpu_total, 4, 13, u.cpu_total_ms);
  put(u.has_child_cpu, 8, 14, u.child_cpu_user_ms);
  o[15] = u.has_child_cpu ? u.child_cpu_system_ms : 0;
  put(u.has_rss, 16, 16, static_cast<double>(u.rss_bytes));
  put(u.has_peak_rss, 32, 17, static_cast<double>(u.peak_rss_bytes));
  put(u.has_virtual, 64, 18, static_cast<double>(u.virtual_bytes));
  put(u.has_threads, 128, 19, static_cast<double>(u.threads));
  put(u.has_voluntary_ctx, 256, 20, static_cast<double>(u.voluntary_ctx));
  put(u.has_involuntary_ctx, 512, 21, static_cast<double>(u.involuntary_ctx));
  put(u.has_minor_faults, 1024, 22, static_cast<double>(u.minor_faults));
  put(u.has_major_faults, 2048, 23, static_cast<double>(u.major_faults));
  if (u.partial) {
    uf |= 4096;
    note(1, u.detail);
  }
  o[9] = uf;
  o[10] = at_ms;
}

double NowMs() { return static_cast<double>(uv_hrtime()) / 1e6; }

// A JavaScript array (for the notes).
napi_value RawArray(napi_env env, napi_value v, const char* name) {
  bool is = false;
  if (napi_is_array(env, v, &is) != napi_ok || !is) {
    throw Napi::TypeError::New(env, std::string(name) + " must be an array");
  }
  return v;
}

napi_value UsageIntoImpl(napi_env env, napi_callback_info info) {
  napi_value argv[3];
  size_t argc = 0;
  RawArgs(env, info, argv, &argc);
  if (argc < 3) throw Napi::TypeError::New(env, "usageInto takes (pids, out, notes)");
  bool is = false;
  napi_typedarray_type tt;
  size_t n = 0;
  void* raw = nullptr;
  if (napi_is_typedarray(env, argv[0], &is) != napi_ok || !is ||
      napi_get_typedarray_info(env, argv[0], &tt, &n, &raw, nullptr, nullptr) != napi_ok ||
      tt != napi_float64_array || (raw == nullptr && n != 0)) {
    throw Napi::TypeError::New(env, "pids must be a Float64Array");
  }
  if (n > kMaxUsageBatch) {
    throw Napi::RangeError::New(
        env, "pids must hold at most " + std::to_string(kMaxUsageBatch) + " PIDs");
  }
  const double* in = static_cast<const double*>(raw);
  std::vector<int64_t> pids(n);
  for (size_t i = 0; i < n; ++i) {
    const double d = in[i];
    if (std::isnan(d) || std::isinf(d) || std::floor(d) != d) {
      throw Napi::TypeError::New(env, "pids[" + std::to_string(i) + "] must be an integer");
    }
    if (d < 1 || d > static_cast<double>(pidproof::kMaxPid)) {
      throw Napi::RangeError::New(env, "pids[" + std::to_string(i) + "] must be between 1 and " +
                                           std::to_string(pidproof::kMaxPid));
    }
    pids[i] = static_cast<int64_t>(d);
  }
  napi_value notes = RawArray(env, argv[2], "notes");
  if (n == 0) {
    // Nothing to read; `out` need only be a Float64Array (an empty one has no data pointer).
    if (napi_is_typedarray(env, argv[1], &is) != napi_ok || !is ||
        napi_get_typedarray_info(env, argv[1], &tt, nullptr, nullptr, nullptr, nullptr) !=
            napi_ok ||
        tt != napi_float64_array) {
      throw Napi::TypeError::New(env, "out must be a Float64Array");
    }
    return RawNumber(env, 0);
  }
  double* out = RawF64(env, argv[1], "out", n * kUsageStride);
  AddonData* data = Napi::Env(env).GetInstanceData<AddonData>();
  if (data == nullptr) throw Napi::Error::New(env, "usageInto: the addon is not initialised");
  std::vector<pidproof::UsageSample> samples(n);
  std::vector<Status> statuses(n);
  pidproof::SampleUsageMany(pids.data(), n, samples.data(), statuses.data());
  const double at = NowMs();
  for (size_t i = 0; i < n; ++i) {
    double* o = out + i * kUsageStride;
    if (statuses[i].code == Status::kNoSuchProcess) {
      o[0] = 0;
      continue;
    }
    if (!statuses[i].ok()) ThrowStatus(Napi::Env(env), statuses[i]);
    PutUsage(env, data, samples[i], at, o, notes, static_cast<uint32_t>(4 * i));
  }
  return RawNumber(env, static_cast<double>(n));
}

struct UsagePinHolder {
  std::unique_ptr<pidproof::UsagePin> pin;
};

class UsagePinWrap : public Napi::ObjectWrap<UsagePinWrap> {
 public:
  static Napi::Function Define(Napi::Env env) {
    return DefineClass(env, "UsagePin",
                       {
                           InstanceMethod<&UsagePinWrap::SampleInto>("sampleInto"),
                           InstanceMethod<&UsagePinWrap::Close>("close"),
                       });
  }

  explicit UsagePinWrap(const Napi::CallbackInfo& info) : Napi::ObjectWrap<UsagePinWrap>(info) {
    if (info.Length() != 1 || !info[0].IsExternal()) {
      throw Napi::TypeError::New(info.Env(), "UsagePin cannot be constructed: use openUsage(pid)");
    }
    pin_ = std::move(info[0].As<Napi::External<UsagePinHolder>>().Data()->pin);
  }

 private:
  Napi::Value SampleInto(const Napi::CallbackInfo& info) {
    Napi::Env env = info.Env();
    if (info.Length() < 2) throw Napi::TypeError::New(env, "sampleInto takes (out, notes)");
    double* out = RawF64(env, info[0], "out", kUsageStride);
    napi_value notes = RawArray(env, info[1], "notes");
    if (!pin_) {
      Napi::Error err = Napi::Error::New(env, "UsagePin.sampleInto: the pin is closed");
      err.Set("code", Napi::String::New(env, "ERR_PIDPROOF_WATCH_CLOSED"));
      throw err;
    }
    AddonData* data = env.GetInstanceData<AddonData>();
    if (data == nullptr) throw Napi::Error::New(env, "sampleInto: the addon is not initialised");
    pidproof::UsageSample s;
    Status st = pin_->Sample(&s);
    if (st.code == Status::kNoSuchProcess) {
      out[0] = 0;
      return Napi::Number::New(env, 0);
    }
    if (!st.ok()) ThrowStatus(env, st);
    PutUsage(env, data, s, NowMs(), out, notes, 0);
    return Napi::Number::New(env, 1);
  }

  Napi::Value Close(const Napi::CallbackInfo& info) {
    pin_.reset();
    return info.Env().Undefined();
  }

  std::unique_ptr<pidproof::UsagePin> pin_;
};

Napi::Value ExitWatchWrap::UsageInto(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (info.Length() < 2) throw Napi::TypeError::New(env, "usageInto takes (out, notes)");
  double* out = RawF64(env, info[0], "out", kUsageStride);
  napi_value notes = RawArray(env, info[1], "notes");
  WatchState* s = state_;
  // After the exit was delivered the handle stays open until libuv has closed its poll handle,
  // so the exit callback can still read the final figures; a watch closed otherwise cannot.
  if (!s->watch || (s->phase == WatchState::kClosed && !s->exited)) {
    Napi::Error err = Napi::Error::New(env, "ExitWatch.usageInto: the watch is closed");
    err.Set("code", Napi::String::New(env, "ERR_PIDPROOF_WATCH_CLOSED"));
    throw err;
  }
  AddonData* data = env.GetInstanceData<AddonData>();
  if (data == nullptr) throw Napi::Error::New(env, "usageInto: the addon is not initialised");
  pidproof::UsageSample u;
  Status st = s->watch->SampleUsage(&u);
  if (st.code == Status::kUnsupported) return Napi::Number::New(env, -1);
  if (st.code == Status::kNoSuchProcess) {
    out[0] = 0;
    return Napi::Number::New(env, 0);
  }
  if (!st.ok()) ThrowStatus(env, st);
  PutUsage(env, data, u, NowMs(), out, notes, 0);
  return Napi::Number::New(env, 1);
}

Napi::Value OpenUsage(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  int64_t pid = PidArg(info, 0);
  if (info.Length() > 1) throw Napi::TypeError::New(env, "openUsage takes one argument (pid)");
  std::unique_ptr<pidproof::UsagePin> pin;
  Status st = pidproof::OpenUsagePin(pid, &pin);
  if (st.code == Status::kNoSuchProcess) return env.Null();
  if (st.code == Status::kUnsupported) return Napi::String::New(env, "unsupported");
  if (!st.ok()) ThrowStatus(env, st);
  AddonData* data = env.GetInstanceData<AddonData>();
  if (data == nullptr || data->usage_pin_ctor.IsEmpty()) {
    throw Napi::Error::New(env, "openUsage: the addon is not initialised");
  }
  // The wrapper's constructor moves the pin out of the holder; if construction fails before that
  // (a terminating environment), the holder still owns it and frees it here.
  UsagePinHolder holder;
  holder.pin = std::move(pin);
  return data->usage_pin_ctor.New({Napi::External<UsagePinHolder>::New(env, &holder)});
}

void ExportRaw(Napi::Env env, Napi::Object exports, const char* name, napi_callback cb,
               void* data = nullptr) {
  napi_value fn = nullptr;
  if (napi_create_function(env, name, NAPI_AUTO_LENGTH, cb, data, &fn) != napi_ok) {
    throw Napi::Error::New(env, std::string("cannot create ") + name);
  }
  exports.Set(name, Napi::Value(env, fn));
}

Napi::Object Init(Napi::Env env, Napi::Object exports) {
  exports.Set("probe", Napi::Function::New(env, Probe, "probe"));
  exports.Set("scope", Napi::Function::New(env, Scope, "scope"));
  exports.Set("checkAlive", Napi::Function::New(env, CheckAlive, "checkAlive"));
  exports.Set("aliveExact", Napi::Function::New(env, AliveExact, "aliveExact"));
  exports.Set("tryLock", Napi::Function::New(env, TryLock, "tryLock"));
  exports.Set("unlock", Napi::Function::New(env, Unlock, "unlock"));
  AddonData* data = new AddonData();
  data->exit_watch_ctor = Napi::Persistent(ExitWatchWrap::Define(env));
  napi_value make_identity;
  // Fails only when the environment is going away (a worker terminated while loading the
  // addon); then Probe builds its result property by property. Never throw from here: a new
  // error cannot be created in a terminating environment.
  if (napi_run_script(env, Napi::String::New(env, kMakeIdentitySource), &make_identity) ==
      napi_ok) {
    data->make_identity = Napi::Persistent(Napi::Function(env, make_identity));
  }
  napi_value make_liveness;
  if (napi_run_script(env, Napi::String::New(env, kMakeLivenessSource), &make_liveness) ==
      napi_ok) {
    data->make_liveness = Napi::Persistent(Napi::Function(env, make_liveness));
  }
  // Not std::make_shared: with RTTI it imports GLIBCXX_3.4.26 (_Sp_make_shared_tag::_S_eq),
  // newer than the libstdc++ of the oldest glibc prebuild target (RHEL 8: 3.4.25).
  data->slots = std::shared_ptr<WatchSlots>(new WatchSlots());
  env.SetInstanceData<AddonData>(data);
  exports.Set("openWatch", Napi::Function::New(env, OpenWatch, "openWatch"));
  ExportRaw(env, exports, "probeInto", Guarded<ProbeIntoImpl>);
  exports.Set("probeNames", Napi::Function::New(env, ProbeNames, "probeNames"));
  ExportRaw(env, exports, "watchExited", Guarded<WatchExitedImpl>, data->slots.get());
  // What this environment holds, released by its cleanup hook (which owns and frees it).
  HeldFiles* held = new HeldFiles();
  napi_get_uv_event_loop(env, &held->loop);
  if (napi_add_env_cleanup_hook(env, ReleaseHeldFiles, held) != napi_ok) {
    delete held;
    held = nullptr;  // the calls below then register nothing
  }
  ExportRaw(env, exports, "publish", Guarded<PublishImpl>, held);
  ExportRaw(env, exports, "releaseFile", Guarded<ReleaseFileImpl>, held);
  ExportRaw(env, exports, "trackFile", Guarded<TrackFileImpl>, held);
  ExportRaw(env, exports, "untrackFile", Guarded<UntrackFileImpl>, held);
  exports.Set("signal", Napi::Function::New(env, Signal, "signal"));
  exports.Set("command", Napi::Function::New(env, Command, "command"));
  data->usage_pin_ctor = Napi::Persistent(UsagePinWrap::Define(env));
  ExportRaw(env, exports, "usageInto", Guarded<UsageIntoImpl>);
  exports.Set("openUsage", Napi::Function::New(env, OpenUsage, "openUsage"));
  ExportRaw(env, exports, "engageDirRecord", Guarded<EngageDirRecordImpl>, held);
  ExportRaw(env, exports, "closeDirRecord", Guarded<CloseDirRecordImpl>, held);
  exports.Set("readDirRecord", Napi::Function::New(env, ReadDirRecordFn, "readDirRecord"));
  exports.Set("writeDirRecord", Napi::Function::New(env, WriteDirRecordFn, "writeDirRecord"));
  exports.Set("clockOffsets", Napi::Function::New(env, ClockOffsets, "clockOffsets"));
  return exports;
}

}  // namespace

NODE_API_MODULE(pidproof, Init)
