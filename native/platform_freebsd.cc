// FreeBSD backend. Written to the documented API; built and run only by the CI matrix.
//
// Sources (man pages; FreeBSD kernel source where the man page is silent):
// - sysctl(3): {CTL_KERN, KERN_PROC, KERN_PROC_PID, pid} fills one struct kinfo_proc (sys/user.h)
//   for the process (not its threads); ESRCH when no process is visible under that PID, which is
//   no proof of absence where visibility policies or a jail can hide it (logic.h BsdVisibility:
//   such a PID is reported with access 'partial' and the settings in accessDetail). The kernel
//   (sys/kern/kern_proc.c, pget() without PGET_NOTID) also answers for a thread id with the
//   owning process, so ki_pid == pid is checked. Fields read: ki_structsize, ki_pid, ki_ppid,
//   ki_stat (char: SIDL 1, SRUN 2, SSLEEP 3, SSTOP 4, SZOMB 5, SWAIT 6, SLOCK 7; sys/proc.h),
//   ki_start (struct timeval). Zombies are listed (ki_stat == SZOMB).
// - ki_start is filled as p_stats->p_start (microuptime() at fork, sys/kern/kern_fork.c) plus the
//   current boot time (fill_kinfo_proc_only(): getboottime(); timevaladd()), and clock steps move
//   the boot time (sys/kern/kern_tc.c tc_setclock()). So ki_start - kern.boottime, with
//   kern.boottime read before and after and equal, is the step-immune uptime stamp p_start.
// - sysctl(3) KERN_BOOTTIME: struct timeval. FreeBSD has no boot UUID: the boot id is null.
// - The kqueue exit watch (EVFILT_PROC/NOTE_EXIT) lives in kqueue_exit_watch.cc, shared with
//   macOS; this file reads the process table for it (ReadKqueueTableEntry).
// - Kernel locks (flock) live in lock_posix.cc, shared with Linux and macOS.
// clang-format off
#include <sys/types.h>
#include <sys/param.h>
#include <sys/proc.h>
#include <sys/sysctl.h>
#include <sys/time.h>
#include <sys/user.h>
#include <errno.h>
#include <unistd.h>
// clang-format on

#include <cstdint>
#include <cstring>
#include <string>

#include "kqueue_exit_watch.h"
#include "logic.h"
#include "platform.h"
#include "posix_host.h"

namespace pidproof {
namespace {

constexpr int kRetries = 4;

int64_t TimevalToMicros(const struct timeval& tv) {
  return static_cast<int64_t>(tv.tv_sec) * 1000000 + static_cast<int64_t>(tv.tv_usec);
}

// kern.boottime. false with *err on failure.
bool ReadBootTime(struct timeval* tv, int* err) {
  int mib[2] = {CTL_KERN, KERN_BOOTTIME};
  std::memset(tv, 0, sizeof(*tv));
  size_t len = sizeof(*tv);
  if (sysctl(mib, 2, tv, &len, nullptr, 0) != 0) {
    *err = errno;
    return false;
  }
  if (len != sizeof(*tv)) {
    *err = EINVAL;
    return false;
  }
  return true;
}

// ReadKinfo results. kNotVisible is the kernel's ESRCH: no such process, or one hidden from this
// caller (logic.h BsdVisibility); kNotAProcess is a definite answer (a thread id).
constexpr int kFound = 1;
constexpr int kNotAProcess = 0;
constexpr int kNotVisible = 2;
constexpr int kReadError = -1;

// kFound, kNotAProcess, kNotVisible, or kReadError (*err set).
int ReadKinfo(int64_t pid, struct kinfo_proc* kp, int* err) {
  int mib[4] = {CTL_KERN, KERN_PROC, KERN_PROC_PID, static_cast<int>(pid)};
  std::memset(kp, 0, sizeof(*kp));
  size_t len = sizeof(*kp);
  if (sysctl(mib, 4, kp, &len, nullptr, 0) != 0) {
    if (errno == ESRCH) return kNotVisible;
    *err = errno;
    return kReadError;
  }
  if (len == 0) return kNotVisible;
  if (len != sizeof(*kp) || kp->ki_structsize != static_cast<int>(sizeof(*kp))) {
    *err = EINVAL;  // kinfo_proc layout mismatch (sys/user.h: KINFO_PROC_SIZE)
    return kReadError;
  }
  if (static_cast<int64_t>(kp->ki_pid) != pid) return kNotAProcess;  // a thread id
  return kFound;
}

// An integer sysctl, or logic::kSysctlAbsent / kSysctlUnreadable.
int ReadSysctlInt(const char* name) {
  int v = 0;
  size_t len = sizeof(v);
  if (sysctlbyname(name, &v, &len, nullptr, 0) != 0) {
    return errno == ENOENT ? logic::kSysctlAbsent : logic::kSysctlUnreadable;
  }
  return len == sizeof(v) ? v : logic::kSysctlUnreadable;
}

// The settings that may hide a process from this caller right now (read on every ESRCH: an
// administrator may change them at any time), or empty when ESRCH is a proof of absence.
std::string HidingReason() {
  logic::BsdVisibility v;
  v.see_other_uids = ReadSysctlInt("security.bsd.see_other_uids");
  v.see_other_gids = ReadSysctlInt("security.bsd.see_other_gids");
  v.see_jail_proc = ReadSysctlInt("security.bsd.see_jail_proc");
  v.suser_enabled = ReadSysctlInt("security.bsd.suser_enabled");
  v.jailed = ReadSysctlInt("security.jail.jailed");
  v.mac_seeotheruids = ReadSysctlInt("security.mac.seeotheruids.enabled");
  v.caller_is_root = geteuid() == 0;
  return logic::BsdHidingReason(v);
}

ProcState MapState(char stat) {
  switch (stat) {
    case SRUN:
      return ProcState::kRunning;
    case SSLEEP:
#ifdef SWAIT
    case SWAIT:
#endif
#ifdef SLOCK
    case SLOCK:
#endif
      return ProcState::kSleeping;
    case SSTOP:
      return ProcState::kStopped;
    case SZOMB:
      return ProcState::kZombie;
    default:  // SIDL (being created) and anything newer
      return ProcState::kUnknown;
  }
}

// A kinfo_proc read bracketed by two equal kern.boottime reads, so that ki_start - boot time is
// the kernel's p_start. *have_boot is false when the boot time kept moving (or was unreadable).
// not_visible: not found because the kernel answered ESRCH (which hiding can cause).
struct Snapshot {
  struct kinfo_proc kp;
  bool have_boot = false;
  struct timeval boot;
  bool not_visible = false;
};

Status ReadSnapshot(int64_t pid, Snapshot* s, bool* found) {
  for (int attempt = 0; attempt < kRetries; ++attempt) {
    int err = 0;
    struct timeval before;
    const bool have_before = ReadBootTime(&before, &err);
    int k = ReadKinfo(pid, &s->kp, &err);
    if (k == kReadError) return Status::Error("sysctl", err, "kern.proc.pid");
    *found = k == kFound;
    s->not_visible = k == kNotVisible;
    if (!*found) return Status::Ok();
    struct timeval after;
    if (!have_before || !ReadBootTime(&after, &err)) {
      s->have_boot = false;
      return Status::Ok();
    }
    if (before.tv_sec == after.tv_sec && before.tv_usec == after.tv_usec) {
      s->have_boot = true;
      s->boot = before;
      return Status::Ok();
    }
    s->have_boot = false;  // the clock was stepped during the read: read again
  }
  return Status::Ok();
}

struct BootCache {
  Boot boot;
};

// Read once, like the other backends: the scope of this boot. kern.boottime itself moves when
// the clock is stepped, which is why it is display only and never the start-token base here.
const BootCache& GetBootCache() {
  static const BootCache cache = [] {
    BootCache c;
    c.boot.platform = "freebsd";
    struct timeval tv;
    int err = 0;
    if (ReadBootTime(&tv, &err) && tv.tv_sec > 0) {
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

namespace {

// The identity ProbeProcess reports, from one snapshot (shared with SampleUsage, issue 23).
Status IdentityFromSnapshot(const Snapshot& s, bool found, Identity* out) {
  if (!found) {
    std::string hidden_by = s.not_visible ? HidingReason() : std::string();
    if (hidden_by.empty()) return Status::NoSuchProcess();
    // Maybe hidden from this caller: no proof either way. Nothing is known but the PID.
    out->partial = true;
    out->access_detail = hidden_by;
    return Status::Ok();
  }
  const struct timeval& start = s.kp.ki_start;
  const int64_t start_us = TimevalToMicros(start);
  if (start.tv_sec > 0) {
    out->has_start_time_ms = true;
    out->start_time_ms =
        static_cast<double>(start.tv_sec) * 1000.0 + static_cast<double>(start.tv_usec / 1000);
  }
  if (s.have_boot && start.tv_sec > 0) {
    const int64_t since_boot = start_us - TimevalToMicros(s.boot);
    if (since_boot >= 0) {
      out->has_start_token = true;
      out->start_token = static_cast<uint64_t>(since_boot);
      out->start_token_unit = "freebsd-us-since-boot";
    }
  }
  // A start token that could not be computed is unknown, never a guess.
  if (!out->has_start_token) out->partial = true;
  out->has_ppid = true;
  out->ppid = static_cast<int64_t>(s.kp.ki_ppid);
  out->state = MapState(s.kp.ki_stat);
  return Status::Ok();
}

}  // namespace

Status ProbeProcess(int64_t pid, Identity* out) {
  if (pid < 1 || pid > kMaxPid) return Status::Error("ProbeProcess", EINVAL, "pid out of range");
  *out = Identity();
  out->pid = pid;
  Snapshot s;
  bool found = false;
  Status st = ReadSnapshot(pid, &s, &found);
  if (!st.ok()) return st;
  return IdentityFromSnapshot(s, found, out);
}

// ---- Process table reads for the shared kqueue exit watch (kqueue_exit_watch.cc) -------------

// The start stamp that pins a process is ki_start - kern.boottime, read consistently.
Status ReadKqueueTableEntry(int64_t pid, KqueueTableEntry* entry) {
  *entry = KqueueTableEntry();
  Snapshot s;
  bool found = false;
  Status st = ReadSnapshot(pid, &s, &found);
  if (!st.ok()) return st;
  if (!found) {
    if (s.not_visible) entry->hidden_by = HidingReason();
    return Status::Ok();
  }
  entry->listed = true;
  entry->exited = s.kp.ki_stat == SZOMB;
  const int64_t since_boot = TimevalToMicros(s.kp.ki_start) - TimevalToMicros(s.boot);
  if (s.have_boot && since_boot >= 0) {
    entry->has_start = true;
    entry->start = static_cast<uint64_t>(since_boot);
  }
  return Status::Ok();
}

bool ReadKqueueUniqueId(int64_t, uint64_t*) { return false; }  // FreeBSD has none

// One KERN_PROC_PID read is atomic for one process: existence and zombie state are exact. There
// is no unique id on FreeBSD, so callers that must tell a recycled PID use ProbeProcess's start
// token.
Status CheckAlive(int64_t pid, Liveness* out) {
  if (pid < 1 || pid > kMaxPid) return Status::Error("CheckAlive", EINVAL, "pid out of range");
  *out = Liveness();
  struct kinfo_proc kp;
  int err = 0;
  int k = ReadKinfo(pid, &kp, &err);
  if (k == kReadError) return Status::Error("sysctl", err, "kern.proc.pid");
  if (k == kNotVisible) {
    // ESRCH is a proof of absence only where nothing can hide a process from this caller.
    std::string hidden_by = HidingReason();
    if (!hidden_by.empty()) return Status::Unsupported("sysctl", ESRCH, hidden_by);
    return Status::Ok();  // exists = false
  }
  if (k == kNotAProcess) return Status::Ok();  // a thread id: exists = false
  out->exists = true;
  out->exited = kp.ki_stat == SZOMB;
  return Status::Ok();
}

// ---- Command line (issue 12) ------------------------------------------------------------------
// sysctl {CTL_KERN, KERN_PROC, KERN_PROC_ARGS, pid} (sys/kern/kern_proc.c sysctl_kern_proc_args):
// the NUL-separated arguments; more than the buffer holds is copied in part with ENOMEM
// (sysctl(3)). pget() there also resolves a thread id, so KERN_PROC_PID is asked first; ESRCH is
// judged like ProbeProcess's (hidden or gone). Empty for a zombie and a system process.

Status ReadCommand(int64_t pid, CommandLine* out) {
  if (pid < 1 || pid > kMaxPid) return Status::Error("ReadCommand", EINVAL, "pid out of range");
  *out = CommandLine();
  struct kinfo_proc kp;
  int kerr = 0;
  const int k = ReadKinfo(pid, &kp, &kerr);
  if (k == kReadError) return Status::Error("sysctl", kerr, "kern.proc.pid");
  if (k == kNotAProcess) return Status::NoSuchProcess();
  std::string buf(kMaxCommandBytes + 1, '\0');  // one byte more than kept: enough to see a cut
  size_t len = buf.size();
  int mib[4] = {CTL_KERN, KERN_PROC, KERN_PROC_ARGS, static_cast<int>(pid)};
  bool more = false;
  if (k == kFound && sysctl(mib, 4, &buf[0], &len, nullptr, 0) != 0) {
    if (errno == ENOMEM) {
      more = true;  // the buffer is full of the first part
    } else if (errno == ESRCH) {
      len = 0;
      // Gone between the two reads, or hidden: judged below like a first ESRCH.
      if (ReadKinfo(pid, &kp, &kerr) != kFound) {
        std::string hidden_by = HidingReason();
        if (hidden_by.empty()) return Status::NoSuchProcess();
        return Status::Error("sysctl", EPERM, "the process may be hidden by " + hidden_by);
      }
    } else {
      const int err = errno;
      return Status::Error("sysctl", err == EACCES ? EPERM : err, "kern.proc.args");
    }
  }
  if (k == kNotVisible) {
    std::string hidden_by = HidingReason();
    if (hidden_by.empty()) return Status::NoSuchProcess();
    return Status::Error("sysctl", EPERM, "the process may be hidden by " + hidden_by);
  }
  if (kp.ki_stat == SZOMB) return Status::Ok();  // a zombie has no arguments left
  logic::JoinArgs(buf.data(), len, more, kMaxCommandBytes, &out->text, &out->truncated);
  return Status::Ok();
}

}  // namespace pidproof

// ---- Signals ---------------------------------------------------------------------------------
// FreeBSD can send through a handle only to a process descriptor, and process descriptors exist
// only for children created with pdfork(2) (pdkill(2) signals those); there is no way to obtain
// one for an arbitrary PID. So SignalProcess verifies with ProbeProcess (ki_start - kern.boottime,
// read consistently), sends with kill(2), then probes again. Between the verification and kill(2)
// (microseconds) the process could exit and a new one take its PID; the probe afterwards says
// whether the same process still holds it, it is gone, or the PID changed hands (the signal may
// have reached the new owner, and the caller says so). FreeBSD has no unique process id: start
// tokens are microseconds, so two processes on one PID cannot share one in practice.
#include "signal_posix.h"

namespace pidproof {

Status SignalProcess(int64_t pid, const ExpectedIdentity* expected, int signo, SignalReport* out) {
  return SignalUnpinned(pid, expected, signo, out, ProbeProcess);  // signal_posix.cc
}

}  // namespace pidproof

// ---- Usage of one process (issue 23)
// ------------------------------------------------------------- One sysctl KERN_PROC_PID read gives
// the identity and the usage of the same process (struct kinfo_proc, <sys/user.h>), filled by
// fill_kinfo_proc_only() (sys/kern/kern_proc.c): ki_rusage from rufetch() + calcru() (ru_utime and
// ru_stime to the microsecond, ru_maxrss in kilobytes, ru_minflt, ru_majflt, ru_nvcsw, ru_nivcsw;
// kept for a zombie), ki_childutime/ki_childstime, and for a process that is not a zombie ki_size
// (bytes) and ki_rssize (pages); ki_numthreads from fill_kinfo_thread(). No handle can pin a
// process here (process descriptors exist only for pdfork(2) children), so a pinned watch compares
// the identity read in each call (ki_start - kern.boottime) with the one it pinned
// (usage_verified.h).
#include "usage_verified.h"

namespace pidproof {

Status SampleUsage(int64_t pid, UsageSample* out) {
  if (pid < 1 || pid > kMaxPid) return Status::Error("SampleUsage", EINVAL, "pid out of range");
  *out = UsageSample();
  out->identity.pid = pid;
  Snapshot s;
  bool found = false;
  Status st = ReadSnapshot(pid, &s, &found);
  if (!st.ok()) return st;
  st = IdentityFromSnapshot(s, found, &out->identity);
  if (!st.ok()) return st;
  if (!found) {
    out->usage.partial = true;
    out->usage.detail = "the kernel may be hiding the process from this user (" +
                        out->identity.access_detail + "): no usage can be read";
    return Status::Ok();
  }
  const struct kinfo_proc& kp = s.kp;
  logic::BsdKinfoUsage k;
  k.zombie = kp.ki_stat == SZOMB;
  k.utime_us = TimevalToMicros(kp.ki_rusage.ru_utime);
  k.stime_us = TimevalToMicros(kp.ki_rusage.ru_stime);
  k.child_utime_us = TimevalToMicros(kp.ki_childutime);
  k.child_stime_us = TimevalToMicros(kp.ki_childstime);
  k.maxrss_kb = kp.ki_rusage.ru_maxrss;
  k.minflt = kp.ki_rusage.ru_minflt;
  k.majflt = kp.ki_rusage.ru_majflt;
  k.nvcsw = kp.ki_rusage.ru_nvcsw;
  k.nivcsw = kp.ki_rusage.ru_nivcsw;
  k.size_bytes = static_cast<uint64_t>(kp.ki_size);
  k.rssize_pages = static_cast<int64_t>(kp.ki_rssize);
  k.numthreads = kp.ki_numthreads;
  k.page_size = static_cast<uint64_t>(getpagesize());
  logic::BsdUsage(k, &out->usage);
  if (k.zombie) logic::ForExitedProcess(&out->usage);
  return Status::Ok();
}

void SampleUsageMany(const int64_t* pids, size_t n, UsageSample* out, Status* statuses) {
  for (size_t i = 0; i < n; ++i) statuses[i] = SampleUsage(pids[i], &out[i]);
}

Status OpenUsagePin(int64_t pid, std::unique_ptr<UsagePin>* out) {
  if (pid < 1 || pid > kMaxPid) return Status::Error("OpenUsagePin", EINVAL, "pid out of range");
  return OpenVerifiedUsagePin(pid, out);
}

}  // namespace pidproof
