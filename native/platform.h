// pidproof platform interface: pure C++, no Node headers.
//
// One implementation per OS (platform_linux.cc, platform_darwin.cc, platform_win32.cc,
// platform_freebsd.cc, platform_unsupported.cc), chosen in binding.gyp. Every function returns a
// Status and never throws; expected negatives ("no such process") are a Status code, not an error.
// addon.cc turns a Status into a JS value or a JS error with `.code`, `.errno` and `.syscall`.
#ifndef PIDPROOF_NATIVE_PLATFORM_H_
#define PIDPROOF_NATIVE_PLATFORM_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

namespace pidproof {

// Largest PID any supported OS hands out (Linux pid_max <= 2^22, Windows PIDs are DWORDs but
// stay far below 2^31, macOS/FreeBSD <= 99999). Callers validate 1 <= pid <= kMaxPid.
constexpr int64_t kMaxPid = 2147483647;

struct Status {
  enum Code {
    kOk = 0,
    kNoSuchProcess,  // expected negative: the PID names no process (or names a thread)
    kUnsupported,    // the OS or filesystem lacks the facility (e.g. no kernel locks)
    kError,          // a real failure; sys_errno/syscall say which
  };
  Code code = kOk;
  int64_t sys_errno = 0;  // errno on POSIX, a Win32 error code (GetLastError) on Windows
  std::string syscall;    // the call that failed, e.g. "pidfd_open"
  std::string message;    // optional human-readable detail

  bool ok() const { return code == kOk; }
  static Status Ok() { return Status(); }
  static Status NoSuchProcess() {
    Status s;
    s.code = kNoSuchProcess;
    return s;
  }
  static Status Unsupported(const char* call, int64_t err, std::string msg = std::string()) {
    Status s;
    s.code = kUnsupported;
    s.syscall = call;
    s.sys_errno = err;
    s.message = std::move(msg);
    return s;
  }
  static Status Error(const char* call, int64_t err, std::string msg = std::string()) {
    Status s;
    s.code = kError;
    s.syscall = call;
    s.sys_errno = err;
    s.message = std::move(msg);
    return s;
  }
};

enum class ProcState { kUnknown, kRunning, kSleeping, kStopped, kZombie };

// What one probe learnt about one process. Strings are static (unit and kind names).
struct Identity {
  int64_t pid = 0;
  bool has_start_token = false;
  uint64_t start_token = 0;                // kernel start stamp; unit below
  const char* start_token_unit = nullptr;  // "linux-ticks", "darwin-us", "win32-filetime",
                                           // "freebsd-us-since-boot"
  bool has_unique_id = false;
  uint64_t unique_id = 0;                // per-boot unique process id
  const char* unique_id_kind = nullptr;  // "linux-pidfs-inode", "darwin-p_uniqueid",
                                         // "win32-process-sequence-number"
  bool has_start_time_ms = false;
  double start_time_ms = 0;  // wall clock, display only
  bool has_ppid = false;
  int64_t ppid = 0;
  ProcState state = ProcState::kUnknown;
  bool partial = false;  // access denied to some sources: `access: 'partial'`
  // ---- why access is partial, when the backend can say (issue 16) ----
  // e.g. FreeBSD: "security.bsd.see_other_uids=0" when the kernel may be hiding the process;
  // empty otherwise. Reported as `accessDetail`.
  std::string access_detail;
};

// The caller's scope. Constant for a boot; addon.cc reads it once and caches it.
struct Boot {
  const char* platform = "";  // "linux", "darwin", "win32", "freebsd", or the OS name
  bool has_boot_id = false;
  std::string boot_id;
  bool has_boot_time_ms = false;
  double boot_time_ms = 0;
  bool has_pid_namespace = false;
  std::string pid_namespace;  // Linux: inode of /proc/self/ns/pid, decimal
  std::string hostname;
  // ---- time namespaces (issue 20) ----
  // How far this process's CLOCK_MONOTONIC and CLOCK_BOOTTIME run ahead of the root time
  // namespace's (Linux time_namespaces(7), /proc/self/timens_offsets; may be negative). Zero on
  // every other OS and outside time namespaces. `clock_offsets_known` is false when they cannot be
  // told (the file describes the namespace of the process's future children, and this process
  // left it with unshare(CLONE_NEWTIME)): start tokens are then not reported.
  bool clock_offsets_known = true;
  int64_t monotonic_offset_ns = 0;
  int64_t boottime_offset_ns = 0;
};

// Reads the identity of `pid` (1 <= pid <= kMaxPid). kNoSuchProcess when no process has that
// PID, or when it names a thread that is not a thread-group leader.
Status ProbeProcess(int64_t pid, Identity* out);

// Reads the caller's boot/host/namespace scope.
Status ProbeBoot(Boot* out);

// ---- Kernel advisory locks -------------------------------------------------------------------
// `os_handle` is what uv_get_osfhandle() returns for a Node fd: the fd itself on POSIX, a HANDLE
// (as intptr_t) on Windows. Non-blocking only: these calls never wait for another holder.
enum class LockResult {
  kAcquired,    // we hold it now
  kWouldBlock,  // another open file description / process holds it
};
// kUnsupported when the filesystem has no kernel locks (ENOLCK, ENOTSUP, ENOSYS, EOPNOTSUPP).
Status TryLockFile(intptr_t os_handle, bool exclusive, LockResult* out);
Status UnlockFile(intptr_t os_handle);

// ---- One-call publish and release of a lock file (issue 15) ----------------------------------
// The lock core's uncontended path in one native call each, so an acquire and a release cross
// into native code once. POSIX (lock_posix.cc); kUnsupported elsewhere (Windows: the lock core
// keeps its TypeScript path there). Paths are NUL-terminated; `fd` is a POSIX descriptor.
struct PublishResult {
  enum Outcome {
    kAcquired,      // linked at the lock path; the temp name is gone; fd holds the kernel lock
    kExists,        // link() answered EEXIST: the lock is held; the temp file stays (locked,
                    // written) for the caller to judge the holder and retry with
    kLinkFailed,    // link() failed otherwise (link_errno); the temp file stays, locked, written
    kNoKernelLock,  // flock() is not supported here: the temp file is created with its mode and
                    // nothing else; the caller writes a lease-mode payload and links it itself
  };
  Outcome outcome = kAcquired;
  int fd = -1;
  uint64_t dev = 0;
  uint64_t ino = 0;
  int link_errno = 0;
  // `unnamed` was asked for: whether the lock was published from an unnamed file (it never had
  // a name), and whether this directory cannot make or link unnamed files (the caller stops
  // asking for this lock path).
  bool unnamed = false;
  bool unnamed_unavailable = false;
};
// Creates `tmp_path` exclusively (O_RDWR|O_CREAT|O_EXCL|O_NOFOLLOW|O_CLOEXEC) with exactly `mode`
// (fchmod only when the umask narrowed it: the fstat that gives dev/ino tells), takes its kernel
// lock without blocking, writes `payload` at offset 0, links it to `lock_path` and, once linked,
// unlinks the temp name. On an error before the link the temp file is closed and removed, and the
// Status names the failing call (open: EEXIST when the temp name is taken).
// `unnamed` (Linux): first try the same with an unnamed file (O_TMPFILE in `lock_path`'s
// directory, linked by its descriptor): no temp name to create and remove when the lock is free.
// When that does not publish (held, another link error, no kernel lock here, or no unnamed files
// here: unnamed_unavailable), the unnamed file is closed and the named publish above runs.
Status PublishLockFile(const char* tmp_path, const char* lock_path, int mode,
                       const uint8_t* payload, size_t len, bool unnamed, PublishResult* out);
// Release: unlinks `lock_path` only while it still names the file (`dev`, `ino`, compared as the
// doubles Node's fs.Stats holds), then closes `fd`, then says whether `guard_path` exists (a
// replacement guard another process may have left for the last holder to remove; not looked for
// when `guard_path` is null: a holder that never met the guard). Never fails:
// `removed` is false only when the path provably names another file or none; an error while
// looking counts as removed, as the TypeScript release does.
struct ReleaseResult {
  bool removed = true;
  bool guard_exists = false;
};
Status ReleaseLockFile(int fd, const char* lock_path, double dev, double ino,
                       const char* guard_path, ReleaseResult* out);

// ---- A record on a directory (the proper-lockfile drop-in, lib/compat/) ----------------------
// A small value kept in a directory inode's own extended attributes (Linux `user.pidproof`, macOS
// `org.pidproof.holder`, FreeBSD user namespace `pidproof`; xattr_posix.cc): it lives and dies
// with that inode, so no record outlives the directory it describes, and a new directory (even
// one given the same inode number) starts without one. `os_handle`: an open descriptor of the
// directory. kUnsupported where the OS or filesystem keeps no such attributes (Windows too).
constexpr size_t kDirRecordCap = 4096;
// found=false: the directory has no record. A value larger than kDirRecordCap: found=true, `out`
// empty (not a record pidproof wrote).
Status ReadDirRecord(intptr_t os_handle, std::string* out, bool* found);
Status WriteDirRecord(intptr_t os_handle, const uint8_t* data, size_t len);
// A holder's whole setup in one call: opens `dir_path` (O_RDONLY|O_DIRECTORY|O_NOFOLLOW|
// O_CLOEXEC), checks it is the directory (`dev`, `ino`, compared as the doubles Node's fs.Stats
// holds) the caller made, takes its flock without blocking (a few tries ~50-200 us apart: a
// contender's judging probe holds a shared flock for microseconds), writes the record. `fd` >= 0:
// done, the caller keeps fd (and so the flock). Else `fd` is -1 and `why` says: 1 not that
// directory (or it cannot be opened), 2 its flock is busy, 3 no flock or no record here, 4 the
// record could not be written (`err`: errno). Never fails otherwise.
struct EngageResult {
  int fd = -1;
  int why = 0;
  int err = 0;
};
Status EngageDirRecord(const char* dir_path, double dev, double ino, const uint8_t* data,
                       size_t len, EngageResult* out);
// Closes a holder's descriptor (after its directory was removed) and says whether `guard_path`
// exists (a replacement guard a crashed contender left, for the caller to remove).
Status CloseDirRecord(int fd, const char* guard_path, bool* guard_exists);

// ---- Exit notification -----------------------------------------------------------------------
struct UsageSample;  // below, "Usage of one process"

// A handle pinned to one process (pidfd, kqueue, process HANDLE). Open it first, then verify the
// identity (ProbeProcess + HasExited), so the handle is proven to name the recorded process.
class ExitWatch {
 public:
  virtual ~ExitWatch() = default;
  // >= 0: an fd that polls readable once the process has exited (Linux pidfd, kqueue fd).
  // -1: no pollable fd on this OS; use Arm() instead.
  virtual int PollFd() const = 0;
  // For PollFd() == -1 platforms (Windows): calls on_exit(ctx) once, from another thread, when
  // the process exits. Must not be called twice. Cancelled by the destructor, which waits for a
  // running callback to finish.
  virtual Status Arm(void (*on_exit)(void* ctx), void* ctx) = 0;
  // Zero-timeout check: has the pinned process exited (zombie, or reaped)?
  virtual Status HasExited(bool* exited) = 0;
  // Per-boot unique id of the pinned process, when the OS gives one through the handle.
  virtual bool UniqueId(uint64_t* out) const = 0;
  // Reads the pinned process's usage with this handle as the pin, so that a usage watch holds one
  // descriptor for its exit event and its reads (Linux: the pidfd proves the process had not been
  // reaped when its /proc files, read by PID, were read). As UsagePin::Sample: kNoSuchProcess once
  // it has been reaped. kUnsupported (no call made) where the handle cannot pin reads: a kqueue
  // (macOS, FreeBSD) or a HANDLE opened for waiting only; the caller opens a UsagePin then.
  virtual Status SampleUsage(UsageSample* /*out*/) {
    return Status::Unsupported("SampleUsage", 0, "this handle does not pin usage reads");
  }
};

// kNoSuchProcess when `pid` names no process. kUnsupported when the OS cannot pin processes
// (Linux without pidfd_open): callers then poll identities instead.
Status OpenExitWatch(int64_t pid, std::unique_ptr<ExitWatch>* out);

// Cheapest exact liveness answer: does `pid` name a live (not exited) process, and what is its
// per-boot unique id? On Linux with pidfs: pidfd_open + fstat + poll + close, no /proc read.
struct Liveness {
  bool exists = false;  // a process (possibly a zombie) has this PID
  bool exited = false;  // ... and it has exited (zombie / exit pending)
  bool has_unique_id = false;
  uint64_t unique_id = 0;
};
// kUnsupported where no cheap exact path exists; callers fall back to ProbeProcess.
Status CheckAlive(int64_t pid, Liveness* out);

// ---- Signals ---------------------------------------------------------------------------------
// Signal the recorded process, never its PID's next owner. The process is pinned first (Linux
// pidfd, Windows process handle), the identity is read and compared on that pin, and the signal is
// sent through the same pin: a recycled PID cannot receive it. Where nothing can pin (macOS,
// FreeBSD, Linux without pidfd_open) the identity is verified, the signal sent with kill(2), and
// the identity read again afterwards so the caller can say what happened in the window.

// What the caller recorded. A field is compared only when the live process has one of the same
// kind (unique id) or unit (start token), with the unique id taking precedence, exactly as
// compareIdentity does. Kind and unit are the strings Identity uses ("linux-pidfs-inode"...).
struct ExpectedIdentity {
  bool has_unique_id = false;
  uint64_t unique_id = 0;
  std::string unique_id_kind;
  bool has_start_token = false;
  uint64_t start_token = 0;
  std::string start_token_unit;
};

enum class SignalVerdict {
  kSent,          // proven to be the recorded process (or, with no expectation, the one pinned at
                  // the call) and signalled; for signal 0, proven and alive
  kNoProcess,     // no process has the PID (or it was reaped before the send): nothing sent
  kDifferent,     // the PID names another process (unique id or start token differs): nothing sent
  kExited,        // the process has exited and awaits reaping (a zombie): nothing sent
  kUnverifiable,  // nothing comparable could be read (e.g. access denied): nothing sent
};

// Where the send was not pinned: the identity read again right after kill(2).
enum class SignalAfter {
  kNotChecked,  // pinned (nothing to check), or not sent
  kSame,        // the same process still holds the PID: the signal reached it
  kGone,        // no process, or a zombie: it exited (possibly because of the signal)
  kChanged,     // another process holds the PID now: the signal may have reached either
};

enum class SignalMatch { kNone, kUniqueId, kStartToken };

struct SignalReport {
  SignalVerdict verdict = SignalVerdict::kNoProcess;
  bool pinned = false;  // verified and sent through one kernel handle: no window at all
  SignalAfter after = SignalAfter::kNotChecked;
  SignalMatch matched_by = SignalMatch::kNone;  // what proved the identity (kNone: a PID target)
  Identity current;  // what was read about the process at the PID (for the caller's message)
};

// The comparison every backend makes on the pinned process, compareIdentity's rule within one
// scope: the unique id when both have one of the same kind, else the start token when both have
// one of the same unit. kNone when nothing compares; otherwise *same says whether it matched.
inline SignalMatch CompareWithExpected(const ExpectedIdentity& e, const Identity& c, bool* same) {
  if (e.has_unique_id && c.has_unique_id && c.unique_id_kind != nullptr &&
      e.unique_id_kind == c.unique_id_kind) {
    *same = e.unique_id == c.unique_id;
    return SignalMatch::kUniqueId;
  }
  if (e.has_start_token && c.has_start_token && c.start_token_unit != nullptr &&
      e.start_token_unit == c.start_token_unit) {
    *same = e.start_token == c.start_token;
    return SignalMatch::kStartToken;
  }
  return SignalMatch::kNone;
}

// The decision every backend takes from what it read on the pin: kSent means "send now".
// `exited`: the pinned handle says the process has exited (a zombie, not yet reaped).
inline SignalVerdict DecideSignal(const ExpectedIdentity* expected, const Identity& current,
                                  bool exited, SignalMatch* matched_by) {
  *matched_by = SignalMatch::kNone;
  if (expected != nullptr) {
    bool same = false;
    *matched_by = CompareWithExpected(*expected, current, &same);
    if (*matched_by == SignalMatch::kNone) return SignalVerdict::kUnverifiable;
    if (!same) return SignalVerdict::kDifferent;
  }
  if (exited || current.state == ProcState::kZombie) return SignalVerdict::kExited;
  return SignalVerdict::kSent;
}

// kill(2) answered ESRCH for a process the probe found. Gone, unless the probe could not see into
// it (`partial`: FreeBSD's see_other_uids hides other users' processes, and kill(2) then answers
// ESRCH too): that is no proof of death, so unverifiable, never "no process".
inline SignalVerdict AfterKillEsrch(const Identity& current) {
  return current.partial ? SignalVerdict::kUnverifiable : SignalVerdict::kNoProcess;
}

// Where the send was not pinned: what a probe right after kill(2) says about the window. `again`
// and `now` are that probe's status and result; `before` is what was verified.
inline SignalAfter JudgeAfter(const Identity& before, const Status& again, const Identity& now) {
  if (again.code == Status::kNoSuchProcess) return SignalAfter::kGone;
  if (!again.ok()) return SignalAfter::kNotChecked;
  if (now.state == ProcState::kZombie) return SignalAfter::kGone;
  ExpectedIdentity e;
  e.has_unique_id = before.has_unique_id && before.unique_id_kind != nullptr;
  e.unique_id = before.unique_id;
  if (e.has_unique_id) e.unique_id_kind = before.unique_id_kind;
  e.has_start_token = before.has_start_token && before.start_token_unit != nullptr;
  e.start_token = before.start_token;
  if (e.has_start_token) e.start_token_unit = before.start_token_unit;
  bool same = false;
  if (CompareWithExpected(e, now, &same) == SignalMatch::kNone) return SignalAfter::kNotChecked;
  return same ? SignalAfter::kSame : SignalAfter::kChanged;
}

// True when `signo` is 0 or a signal number this OS knows (POSIX: 1..NSIG-1; Windows: the numbers
// Node's os.constants.signals names there). Knowing a signal is not being able to deliver it:
// Windows delivers only SIGTERM and SIGKILL to one process (TerminateProcess); SignalProcess
// answers the others with ENOTSUP.
bool IsValidSignal(int signo);

// Signals `pid` with `signo` only when it is proven to be `*expected`; `expected` null signals the
// process holding the PID at the call (pinned where the OS can). Expected negatives are verdicts;
// errors (EPERM, ENOTSUP for a signal the OS cannot deliver to one process) are a Status.
Status SignalProcess(int64_t pid, const ExpectedIdentity* expected, int signo, SignalReport* out);
// ---- Command line of a live process (issue 12) ------------------------------------------------
// Bounded: at most kMaxCommandBytes of UTF-8 text (cut at a character boundary), `truncated` when
// there was more. The text: Linux /proc/<pid>/cmdline and FreeBSD KERN_PROC_ARGS, argv joined
// with single spaces; macOS KERN_PROCARGS2's argv likewise; Windows the image path
// (QueryFullProcessImageNameW). Empty for a process with none (a kernel thread, a zombie).
constexpr size_t kMaxCommandBytes = 32 * 1024;
struct CommandLine {
  std::string text;
  bool truncated = false;
};
// kNoSuchProcess when no process has the PID (or it names a thread); kError with EACCES/EPERM
// (Windows: ERROR_ACCESS_DENIED) when the OS denies the read.
Status ReadCommand(int64_t pid, CommandLine* out);

// ---- Usage of one process (issue 23) -----------------------------------------------------------
// CPU time and memory read in the same call as the identity, so that they provably belong to the
// process that identity names (the caller compares it with a record). Every field is optional:
// has_* false means the OS cannot say (reported as null), never a made-up 0. Sizes are bytes in 64
// bits; times are milliseconds as doubles (sub-millisecond where the OS has it).
struct Usage {
  bool has_cpu_user = false;  // user CPU time
  double cpu_user_ms = 0;
  bool has_cpu_system = false;  // system (kernel) CPU time
  double cpu_system_ms = 0;
  bool has_cpu_total = false;  // user + system at the best precision the OS has (Linux: the
  double cpu_total_ms = 0;     // scheduler's nanosecond runtime; elsewhere user + system)
  bool has_child_cpu = false;  // CPU time of the children it has waited for (POSIX cutime/cstime)
  double child_cpu_user_ms = 0;
  double child_cpu_system_ms = 0;
  bool has_rss = false;
  uint64_t rss_bytes = 0;
  bool has_peak_rss = false;
  uint64_t peak_rss_bytes = 0;
  bool has_virtual = false;
  uint64_t virtual_bytes = 0;
  bool has_threads = false;
  int64_t threads = 0;
  bool has_voluntary_ctx = false;
  uint64_t voluntary_ctx = 0;
  bool has_involuntary_ctx = false;
  uint64_t involuntary_ctx = 0;
  bool has_minor_faults = false;
  uint64_t minor_faults = 0;
  bool has_major_faults = false;
  uint64_t major_faults = 0;
  // Some fields this OS gives could not be read for this process (access denied); `detail` says
  // which and why. Fields an OS never gives are not "partial" (README lists them per OS).
  bool partial = false;
  std::string detail;
};

struct UsageSample {
  Identity identity;  // the process the usage belongs to, read in the same call
  Usage usage;
};

// One-shot: pins `pid` where the OS can (Linux pidfd, Windows process handle), reads its identity
// and usage, and confirms the pin still names that process. kNoSuchProcess when no process has
// the PID (or it names a thread). Usage is read even when the identity is partial.
Status SampleUsage(int64_t pid, UsageSample* out);
// Many PIDs in one call (a supervisor watching a tree): statuses[i] and out[i] as SampleUsage's
// for pids[i]. Windows reads the system process list once for all of them.
void SampleUsageMany(const int64_t* pids, size_t n, UsageSample* out, Status* statuses);

// A process pinned for repeated usage reads (watchUsage), by one descriptor or handle at most.
// Linux: a pidfd (the reads by PID, then proof that it was not reaped; watchUsage reads through
// its exit watch's pidfd instead, ExitWatch::SampleUsage), or without pidfd_open the /proc/<pid>
// directory (each file opened through it: once the process is reaped an open answers ESRCH, and a
// recycled PID is a new process the directory never shows); Windows: the process handle (which
// keeps the final times after the exit); macOS, FreeBSD, Linux when /proc/<pid> cannot be opened
// (hidepid) and there is no pidfd: nothing held, the identity is read and compared in the same
// call as the usage.
class UsagePin {
 public:
  virtual ~UsagePin() = default;
  // Reads the pinned process now. kNoSuchProcess once it is gone (reaped, or its PID names another
  // process): no numbers can be read for it any more. An exited process not yet reaped (a zombie;
  // on Windows, an exited process still referenced) is sampled with identity.state kZombie.
  virtual Status Sample(UsageSample* out) = 0;
};
// kNoSuchProcess when no process has the PID.
Status OpenUsagePin(int64_t pid, std::unique_ptr<UsagePin>* out);

}  // namespace pidproof

#endif  // PIDPROOF_NATIVE_PLATFORM_H_
