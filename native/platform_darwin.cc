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

// ---- Usage of one process (issue 23)
// ------------------------------------------------------------- Sources (<libproc.h>,
// <sys/proc_info.h>, <sys/resource.h>; XNU bsd/kern/proc_info.c):
// - proc_pidinfo(pid, PROC_PIDTASKALLINFO, 0, &struct proc_taskallinfo, size): pbsd (struct
//   proc_bsdinfo: pbi_start_tvsec, pbi_start_tvusec, the p_starttime the identity's start token is
//   made of) and ptinfo (struct proc_taskinfo: pti_virtual_size, pti_resident_size, pti_total_user,
//   pti_total_system in Mach absolute time units, pti_faults, pti_pageins, pti_threadnum) in one
//   call, so the usage is proven to be that start time's process. Same user or root only
//   (proc_security_policy() with CHECK_SAME_USER: EPERM otherwise); a zombie has no task (ESRCH).
// - proc_pid_rusage(pid, RUSAGE_INFO_V4, &struct rusage_info_v4): ri_user_time, ri_system_time,
//   ri_child_user_time, ri_child_system_time (Mach units), ri_pageins,
//   ri_lifetime_max_phys_footprint (bytes; macOS keeps no peak resident size for another
//   process). Same user or root only; answers for a zombie too (proc_find_zombref()) with the
//   figures saved at exit, which is where a zombie's final CPU times come from.
// - Mach units to ns: sysctl hw.tbfrequency, else mach_timebase_info() (logic ChooseMachTimebase:
//   Rosetta's mach_timebase_info answers 1/1 while the kernel counts native 24 MHz ticks).
// - Context switches: pti_csw is one total, not split voluntary/involuntary: both are null.
// The identity comes from ProbeProcess (p_uniqueid read before and after kinfo_proc); p_uniqueid
// is read once more after the usage reads: equal, one process held the PID throughout.
#include <mach/mach_time.h>
#include <sys/resource.h>

#include "usage_verified.h"

namespace pidproof {
namespace {

const logic::MachTimebase& Timebase() {
  static const logic::MachTimebase tb = [] {
    int64_t hz = 0;
    size_t len = sizeof(hz);
    if (sysctlbyname("hw.tbfrequency", &hz, &len, nullptr, 0) != 0 || len != sizeof(hz)) hz = 0;
    mach_timebase_info_data_t mtb;
    mtb.numer = 0;
    mtb.denom = 0;
    if (mach_timebase_info(&mtb) != KERN_SUCCESS) {
      mtb.numer = 0;
      mtb.denom = 0;
    }
    return logic::ChooseMachTimebase(hz, mtb.numer, mtb.denom);
  }();
  return tb;
}

}  // namespace

Status SampleUsage(int64_t pid, UsageSample* out) {
  if (pid < 1 || pid > kMaxPid) return Status::Error("SampleUsage", EINVAL, "pid out of range");
  for (int attempt = 0; attempt < kRetries; ++attempt) {
    *out = UsageSample();
    Status st = ProbeProcess(pid, &out->identity);
    if (!st.ok()) return st;
    const Identity& id = out->identity;
    struct proc_taskallinfo all;
    std::memset(&all, 0, sizeof(all));
    errno = 0;
    int n = proc_pidinfo(static_cast<int>(pid), PROC_PIDTASKALLINFO, 0, &all,
                         static_cast<int>(sizeof(all)));
    const int all_err = n == static_cast<int>(sizeof(all)) ? 0 : (errno != 0 ? errno : EINVAL);
    struct rusage_info_v4 ri;
    std::memset(&ri, 0, sizeof(ri));
    const int ru = proc_pid_rusage(static_cast<int>(pid), RUSAGE_INFO_V4,
                                   reinterpret_cast<rusage_info_t*>(&ri));
    const int ru_err = ru == 0 ? 0 : errno;
    // The task info names its process by start time; it must be the probed one.
    bool have_ti = all_err == 0;
    if (have_ti && id.has_start_token) {
      const uint64_t start =
          all.pbsd.pbi_start_tvsec * 1000000u + static_cast<uint64_t>(all.pbsd.pbi_start_tvusec);
      if (start != id.start_token) continue;  // the PID changed hands between the reads
    }
    if (id.has_unique_id) {
      uint64_t after = 0;
      int uerr = 0;
      if (!ReadUniqueId(pid, &after, &uerr) || after != id.unique_id) continue;
    }
    logic::DarwinTaskInfo ti;
    if (have_ti) {
      ti.virtual_size = all.ptinfo.pti_virtual_size;
      ti.resident_size = all.ptinfo.pti_resident_size;
      ti.total_user = all.ptinfo.pti_total_user;
      ti.total_system = all.ptinfo.pti_total_system;
      ti.faults = all.ptinfo.pti_faults;
      ti.pageins = all.ptinfo.pti_pageins;
      ti.threadnum = all.ptinfo.pti_threadnum;
    }
    logic::DarwinRusage r;
    if (ru == 0) {
      r.user_time = ri.ri_user_time;
      r.system_time = ri.ri_system_time;
      r.child_user_time = ri.ri_child_user_time;
      r.child_system_time = ri.ri_child_system_time;
      r.pageins = ri.ri_pageins;
      r.lifetime_max_phys_footprint = ri.ri_lifetime_max_phys_footprint;
    }
    logic::DarwinUsage(have_ti ? &ti : nullptr, ru == 0 ? &r : nullptr, Timebase(), &out->usage);
    const bool zombie = id.state == ProcState::kZombie;
    if ((!have_ti && !zombie) || ru != 0) {
      const int err = !have_ti && !zombie ? all_err : ru_err;
      if (err == EPERM || err == EACCES) {
        out->usage.partial = true;
        out->usage.detail =
            "macOS lets only the same user (or root) read another process's usage "
            "(proc_pidinfo, proc_pid_rusage: EPERM)";
      } else if (err != ESRCH) {
        out->usage.partial = true;
        out->usage.detail = std::string("proc_pidinfo/proc_pid_rusage: ") + strerror(err);
      }
    }
    if (zombie) logic::ForExitedProcess(&out->usage);
    return Status::Ok();
  }
  return Status::NoSuchProcess();  // kept changing hands under us
}

void SampleUsageMany(const int64_t* pids, size_t n, UsageSample* out, Status* statuses) {
  for (size_t i = 0; i < n; ++i) statuses[i] = SampleUsage(pids[i], &out[i]);
}

Status OpenUsagePin(int64_t pid, std::unique_ptr<UsagePin>* out) {
  if (pid < 1 || pid > kMaxPid) return Status::Error("OpenUsagePin", EINVAL, "pid out of range");
  return OpenVerifiedUsagePin(pid, out);
}

}  // namespace pidproof
