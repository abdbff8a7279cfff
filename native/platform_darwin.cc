// macOS backend. Written to the documented API; built and run only by the CI matrix.
//
// Sources (man pages; XNU headers where the SDK has no man page):
// - sysctl(3), <sys/sysctl.h>: {CTL_KERN, KERN_PROC, KERN_PROC_PID, pid} fills a struct kinfo_proc
//   and succeeds with length 0 when no process has that PID. kp_proc is a struct extern_proc
//   (XNU bsd/sys/proc.h): p_starttime (struct timeval, set once in forkproc(), kept across exec,
//   not moved by clock steps), p_stat (char: SIDL 1, SRUN 2, SSLEEP 3, SSTOP 4, SZOMB 5), p_flag,
//   p_pid. kp_eproc.e_ppid is the parent PID. Zombies are listed (p_stat == SZOMB), and so is a
//   process that is exiting (P_WEXIT in p_flag) long before it becomes one: both count as exited
//   everywhere here (logic.h XnuHasExited, which cites the kernel sources).
// - sysctl(3) KERN_BOOTTIME: struct timeval (moves when the calendar clock is stepped; display
//   only). sysctlbyname(3) "kern.bootsessionuuid": UUID string, new on every boot.
// - proc_pidinfo() (<libproc.h>, XNU bsd/kern/proc_info.c): flavor PROC_PIDUNIQIDENTIFIERINFO (17)
//   returns struct proc_uniqidentifierinfo (XNU bsd/sys/proc_info_private.h, 56 bytes, not in the
//   SDK): p_uniqueid, assigned at fork, never reused within a boot, kept across exec. No same-user
//   check for this flavor; arg != 0 also finds zombies. Returns the byte count, or <= 0 with errno.
// - The kqueue exit watch (EVFILT_PROC/NOTE_EXIT) lives in kqueue_exit_watch.cc, shared with
//   FreeBSD; this file reads the process table for it (ReadKqueueTableEntry).
// - Kernel locks (flock) live in lock_posix.cc, shared with Linux and FreeBSD.
// clang-format off
#include <sys/types.h>
#include <sys/param.h>
#include <sys/proc.h>
#include <sys/sysctl.h>
#include <sys/time.h>
#include <errno.h>
#include <libproc.h>
#include <unistd.h>
// clang-format on

#include <cstdint>
#include <cstring>
#include <string>

#include "kqueue_exit_watch.h"
#include "logic.h"
#include "platform.h"
#include "posix_host.h"

// Private flavor of proc_pidinfo() (XNU bsd/sys/proc_info_private.h); older SDKs defined it.
#ifndef PROC_PIDUNIQIDENTIFIERINFO
#define PROC_PIDUNIQIDENTIFIERINFO 17
#endif
static_assert(PROC_PIDUNIQIDENTIFIERINFO == 17, "XNU flavor number of PROC_PIDUNIQIDENTIFIERINFO");
// The state rules (logic.cc) are written with XNU's values; the SDK must agree.
static_assert(SIDL == pidproof::logic::kXnuSIdl && SRUN == pidproof::logic::kXnuSRun &&
                  SSLEEP == pidproof::logic::kXnuSSleep && SSTOP == pidproof::logic::kXnuSStop &&
                  SZOMB == pidproof::logic::kXnuSZomb,
              "XNU p_stat values");
static_assert(P_WEXIT == pidproof::logic::kXnuPWExit, "XNU P_WEXIT");

namespace pidproof {
namespace {

// XNU bsd/sys/proc_info_private.h. Declared here because the SDK does not ship it; a distinct
// type from any SDK declaration, since it lives in this anonymous namespace.
struct proc_uniqidentifierinfo {
  uint8_t p_uuid[16];    // UUID of the main executable
  uint64_t p_uniqueid;   // 64 bit unique identifier for process
  uint64_t p_puniqueid;  // unique identifier for process's parent
  int32_t p_idversion;   // pid version
  uint32_t p_reserve2;
  uint64_t p_reserve3;
  uint64_t p_reserve4;
};
static_assert(sizeof(proc_uniqidentifierinfo) == 56,
              "XNU struct proc_uniqidentifierinfo is 56 bytes");

constexpr int kRetries = 4;

uint64_t TimevalToMicros(const struct timeval& tv) {
  return static_cast<uint64_t>(tv.tv_sec) * 1000000u + static_cast<uint64_t>(tv.tv_usec);
}

// 1: found, 0: no such process, -1: error (*err set).
int ReadKinfo(int64_t pid, struct kinfo_proc* kp, int* err) {
  int mib[4] = {CTL_KERN, KERN_PROC, KERN_PROC_PID, static_cast<int>(pid)};
  std::memset(kp, 0, sizeof(*kp));
  size_t len = sizeof(*kp);
  if (sysctl(mib, 4, kp, &len, nullptr, 0) != 0) {
    if (errno == ESRCH) return 0;
    *err = errno;
    return -1;
  }
  if (len == 0) return 0;  // documented "no such process" answer
  if (len != sizeof(*kp)) {
    *err = EINVAL;
    return -1;
  }
  if (static_cast<int64_t>(kp->kp_proc.p_pid) != pid) return 0;
  return 1;
}

// p_uniqueid of `pid` (zombies included). false with *err on failure, which is never fatal.
bool ReadUniqueId(int64_t pid, uint64_t* out, int* err) {
  proc_uniqidentifierinfo info;
  std::memset(&info, 0, sizeof(info));
  errno = 0;
  int n = proc_pidinfo(static_cast<int>(pid), PROC_PIDUNIQIDENTIFIERINFO, 1, &info,
                       static_cast<int>(sizeof(info)));
  if (n != static_cast<int>(sizeof(info))) {
    *err = (n <= 0 && errno != 0) ? errno : EINVAL;
    return false;
  }
  *out = info.p_uniqueid;
  return true;
}

// kinfo_proc plus, where readable, the p_uniqueid of the same process. p_uniqueid is read before
// and after kinfo_proc: equal values prove one process held the PID throughout (a PID is not
// reused while its process, zombie included, exists), so both reads describe that process.
struct Snapshot {
  struct kinfo_proc kp;
  bool has_unique_id = false;
  uint64_t unique_id = 0;
  bool unique_id_denied = false;
};

Status ReadSnapshot(int64_t pid, Snapshot* s, bool* found) {
  for (int attempt = 0; attempt < kRetries; ++attempt) {
    const bool last = attempt + 1 == kRetries;
    uint64_t before = 0;
    int uerr = 0;
    const bool have_before = ReadUniqueId(pid, &before, &uerr);
    int kerr = 0;
    int k = ReadKinfo(pid, &s->kp, &kerr);
    if (k < 0) return Status::Error("sysctl", kerr, "kern.proc.pid");
    *found = k == 1;
    s->has_unique_id = false;
    s->unique_id = 0;
    s->unique_id_denied = false;
    if (k == 0) return Status::Ok();
    if (!have_before) {
      if (uerr == EPERM || uerr == EACCES) {
        s->unique_id_denied = true;  // sandbox or MAC policy: report access 'partial'
        return Status::Ok();
      }
      if (uerr == ESRCH && !last) continue;  // the PID changed hands between the two reads
      return Status::Ok();                   // no unique id here: not an error
    }
    uint64_t after = 0;
    int uerr2 = 0;
    if (ReadUniqueId(pid, &after, &uerr2) && after == before) {
      s->has_unique_id = true;
      s->unique_id = before;
      return Status::Ok();
    }
    if (!last) continue;
    return Status::Ok();  // kept racing with PID reuse: report kinfo_proc without a unique id
  }
  return Status::Ok();  // not reached
}

struct BootCache {
  Boot boot;
};

// Read once: the boot session UUID is constant for a boot (kern.boottime is display only).
const BootCache& GetBootCache() {
  static const BootCache cache = [] {
    BootCache c;
    c.boot.platform = "darwin";
    char uuid[64];
    std::memset(uuid, 0, sizeof(uuid));
    size_t len = sizeof(uuid) - 1;  // the last byte stays NUL
    if (sysctlbyname("kern.bootsessionuuid", uuid, &len, nullptr, 0) == 0 && len > 0) {
      std::string id(uuid);  // the value is a NUL-terminated string
      if (!id.empty()) {
        c.boot.has_boot_id = true;
        c.boot.boot_id = id;
      }
    }
    int mib[2] = {CTL_KERN, KERN_BOOTTIME};
    struct timeval tv;
    std::memset(&tv, 0, sizeof(tv));
    size_t tlen = sizeof(tv);
    if (sysctl(mib, 2, &tv, &tlen, nullptr, 0) == 0 && tlen == sizeof(tv) && tv.tv_sec > 0) {
      c.boot.has_boot_time_ms = true;
      c.boot.boot_time_ms =
          static_cast<double>(tv.tv_sec) * 1000.0 + static_cast<double>(tv.tv_usec / 1000);
    }
    return c;
  }();
  return cache;
}

}  // namespace

Status ProbeBoot(Boot* out) {
  *out = GetBootCache().boot;
  return ReadHostname(&out->hostname);
}

Status ProbeProcess(int64_t pid, Identity* out) {
  if (pid < 1 || pid > kMaxPid) return Status::Error("ProbeProcess", EINVAL, "pid out of range");
  *out = Identity();
  out->pid = pid;
  Snapshot s;
  bool found = false;
  Status st = ReadSnapshot(pid, &s, &found);
  if (!st.ok()) return st;
  if (!found) return Status::NoSuchProcess();
  const struct timeval& start = s.kp.kp_proc.p_starttime;
  if (start.tv_sec > 0 || start.tv_usec > 0) {
    out->has_start_token = true;
    out->start_token = TimevalToMicros(start);
    out->start_token_unit = "darwin-us";
    out->has_start_time_ms = true;
    out->start_time_ms =
        static_cast<double>(start.tv_sec) * 1000.0 + static_cast<double>(start.tv_usec / 1000);
  }
  if (s.has_unique_id) {
    out->has_unique_id = true;
    out->unique_id = s.unique_id;
    out->unique_id_kind = "darwin-p_uniqueid";
  }
  out->has_ppid = true;
  out->ppid = static_cast<int64_t>(s.kp.kp_eproc.e_ppid);
  out->state = logic::XnuState(s.kp.kp_proc.p_stat, s.kp.kp_proc.p_flag);
  out->partial = s.unique_id_denied;
  return Status::Ok();
}

// ---- Process table reads for the shared kqueue exit watch (kqueue_exit_watch.cc) -------------

Status ReadKqueueTableEntry(int64_t pid, KqueueTableEntry* entry) {
  *entry = KqueueTableEntry();
  struct kinfo_proc kp;
  int err = 0;
  int k = ReadKinfo(pid, &kp, &err);
  if (k < 0) return Status::Error("sysctl", err, "kern.proc.pid");
  if (k == 0) return Status::Ok();
  entry->listed = true;
  entry->exited = logic::XnuHasExited(kp.kp_proc.p_stat, kp.kp_proc.p_flag);
  entry->has_start = true;
  entry->start = TimevalToMicros(kp.kp_proc.p_starttime);
  return Status::Ok();
}

bool ReadKqueueUniqueId(int64_t pid, uint64_t* out) {
  int err = 0;
  return ReadUniqueId(pid, out, &err);
}

Status CheckAlive(int64_t pid, Liveness* out) {
  if (pid < 1 || pid > kMaxPid) return Status::Error("CheckAlive", EINVAL, "pid out of range");
  *out = Liveness();
  Snapshot s;
  bool found = false;
  Status st = ReadSnapshot(pid, &s, &found);
  if (!st.ok()) return st;
  if (!found) return Status::Ok();  // exists = false
  out->exists = true;
  out->exited = logic::XnuHasExited(s.kp.kp_proc.p_stat, s.kp.kp_proc.p_flag);
  out->has_unique_id = s.has_unique_id;
  out->unique_id = s.unique_id;
  return Status::Ok();
}

// ---- Command line (issue 12) ------------------------------------------------------------------
// sysctl {CTL_KERN, KERN_PROCARGS2, pid} (XNU kern_sysctl.c sysctl_procargsx): int argc, the exec
// path, NUL padding, argc NUL-terminated arguments, then the environment; the buffer must be
// kern.argmax bytes. EINVAL for another user's process (unless root) and for one without a task
// left (exiting). macOS cannot pin a process: p_uniqueid read before and after proves one process
// held the PID throughout.

namespace {

size_t ArgMax() {
  int mib[2] = {CTL_KERN, KERN_ARGMAX};
  int argmax = 0;
  size_t len = sizeof(argmax);
  if (sysctl(mib, 2, &argmax, &len, nullptr, 0) != 0 || argmax <= 0) return 1 << 20;
  return static_cast<size_t>(argmax);
}

}  // namespace

Status ReadCommand(int64_t pid, CommandLine* out) {
  if (pid < 1 || pid > kMaxPid) return Status::Error("ReadCommand", EINVAL, "pid out of range");
  std::string buf(ArgMax(), '\0');
  for (int attempt = 0; attempt < kRetries; ++attempt) {
    *out = CommandLine();
    uint64_t before = 0;
    int uerr = 0;
    const bool have_before = ReadUniqueId(pid, &before, &uerr);
    int mib[3] = {CTL_KERN, KERN_PROCARGS2, static_cast<int>(pid)};
    size_t len = buf.size();
    const int r = sysctl(mib, 3, &buf[0], &len, nullptr, 0);
    const int err = r == 0 ? 0 : errno;
    struct kinfo_proc kp;
    int kerr = 0;
    const int k = ReadKinfo(pid, &kp, &kerr);
    if (k < 0) return Status::Error("sysctl", kerr, "kern.proc.pid");
    if (k == 0) return Status::NoSuchProcess();
    uint64_t after = 0;
    if (have_before && (!ReadUniqueId(pid, &after, &uerr) || after != before)) continue;
    if (logic::XnuHasExited(kp.kp_proc.p_stat, kp.kp_proc.p_flag))
      return Status::Ok();  // none left
    if (r != 0) {
      if (err == EINVAL || err == EPERM || err == EACCES) {
        return Status::Error("sysctl", EPERM, "kern.procargs2: another user's process");
      }
      return Status::Error("sysctl", err, "kern.procargs2");
    }
    if (!logic::JoinProcArgs2(buf.data(), len, kMaxCommandBytes, &out->text, &out->truncated)) {
      return Status::Error("sysctl", EINVAL, "kern.procargs2: unexpected format");
    }
    return Status::Ok();
  }
  return Status::NoSuchProcess();  // kept changing hands under us
}

}  // namespace pidproof

// ---- Signals ---------------------------------------------------------------------------------
// macOS has no handle to send a signal through (no pidfd; kqueue only observes): SignalProcess
// verifies with ProbeProcess (p_uniqueid read before and after kinfo_proc, p_starttime), sends
// with kill(2), then probes again. Between the verification and kill(2) (microseconds) the
// process could exit and a new one take its PID; the probe afterwards says whether the same
// process still holds it (SignalAfter::kSame proves the signal reached it: a p_uniqueid is never
// reused within a boot), it is gone, or the PID changed hands (the signal may have reached the
// new owner, and the caller says so). XNU's proc_signal_with_audittoken() would close the window
// but is private API.
#include "signal_posix.h"

namespace pidproof {

Status SignalProcess(int64_t pid, const ExpectedIdentity* expected, int signo, SignalReport* out) {
  return SignalUnpinned(pid, expected, signo, out, ProbeProcess);  // signal_posix.cc
}

}  // namespace pidproof
