// macOS backend. Written to the documented API; built and run only by the CI matrix.
//
// Sources (man pages; XNU headers where the SDK has no man page):
// - sysctl(3), <sys/sysctl.h>: {CTL_KERN, KERN_PROC, KERN_PROC_PID, pid} fills a struct kinfo_proc
//   and succeeds with length 0 when no process has that PID. kp_proc is a struct extern_proc
//   (XNU bsd/sys/proc.h): p_starttime (struct timeval, set once in forkproc(), kept across exec,
//   not moved by clock steps), p_stat (char: SIDL 1, SRUN 2, SSLEEP 3, SSTOP 4, SZOMB 5), p_pid.
//   kp_eproc.e_ppid is the parent PID. Zombies are listed (p_stat == SZOMB).
// - sysctl(3) KERN_BOOTTIME: struct timeval (moves when the calendar clock is stepped; display
//   only). sysctlbyname(3) "kern.bootsessionuuid": UUID string, new on every boot.
// - proc_pidinfo() (<libproc.h>, XNU bsd/kern/proc_info.c): flavor PROC_PIDUNIQIDENTIFIERINFO (17)
//   returns struct proc_uniqidentifierinfo (XNU bsd/sys/proc_info_private.h, 56 bytes, not in the
//   SDK): p_uniqueid, assigned at fork, never reused within a boot, kept across exec. No same-user
//   check for this flavor; arg != 0 also finds zombies. Returns the byte count, or <= 0 with errno.
// - kqueue(2): EVFILT_PROC + NOTE_EXIT attaches to the process itself (a later PID reuse cannot
//   fire it); ESRCH when no such process (XNU proc_find() also skips zombies). A kqueue descriptor
//   polls readable while events are pending. EVFILT_USER + NOTE_TRIGGER posts a user event.
// - Kernel locks (flock) live in lock_posix.cc, shared with Linux and FreeBSD.
// clang-format off
#include <sys/types.h>
#include <sys/param.h>
#include <sys/event.h>
#include <sys/proc.h>
#include <sys/sysctl.h>
#include <sys/time.h>
#include <errno.h>
#include <fcntl.h>
#include <libproc.h>
#include <unistd.h>
// clang-format on

#include <cstdint>
#include <cstring>
#include <string>

#include "platform.h"

// Private flavor of proc_pidinfo() (XNU bsd/sys/proc_info_private.h); older SDKs defined it.
#ifndef PROC_PIDUNIQIDENTIFIERINFO
#define PROC_PIDUNIQIDENTIFIERINFO 17
#endif
static_assert(PROC_PIDUNIQIDENTIFIERINFO == 17, "XNU flavor number of PROC_PIDUNIQIDENTIFIERINFO");

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

ProcState MapState(char stat) {
  switch (stat) {
    case SRUN:
      return ProcState::kRunning;
    case SSLEEP:
      return ProcState::kSleeping;
    case SSTOP:
      return ProcState::kStopped;
    case SZOMB:
      return ProcState::kZombie;
    default:  // SIDL (being created) and anything newer
      return ProcState::kUnknown;
  }
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
  char host[MAXHOSTNAMELEN + 1];
  if (gethostname(host, sizeof(host)) != 0) return Status::Error("gethostname", errno);
  host[sizeof(host) - 1] = '\0';
  out->hostname = host;
  return Status::Ok();
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
  out->state = MapState(s.kp.kp_proc.p_stat);
  out->partial = s.unique_id_denied;
  return Status::Ok();
}

namespace {

// Identifier of the level-triggered user event that keeps the kqueue readable after the exit.
constexpr uintptr_t kExitedUserEvent = 1;

int KeventRetry(int kq, const struct kevent* changes, int nchanges, struct kevent* events,
                int nevents, const struct timespec* timeout) {
  int r;
  do {
    r = kevent(kq, changes, nchanges, events, nevents, timeout);
  } while (r < 0 && errno == EINTR);  // kqueue(2): on EINTR the changelist was applied
  return r;
}

class KqueueExitWatch : public ExitWatch {
 public:
  KqueueExitWatch(int kq, int64_t pid) : kq_(kq), pid_(pid) {}
  ~KqueueExitWatch() override {
    if (kq_ >= 0) close(kq_);
  }
  KqueueExitWatch(const KqueueExitWatch&) = delete;
  KqueueExitWatch& operator=(const KqueueExitWatch&) = delete;

  int PollFd() const override { return kq_; }
  Status Arm(void (*)(void*), void*) override {
    return Status::Unsupported("Arm", ENOTSUP, "use PollFd on macOS");
  }

  // Called once, right after the NOTE_EXIT registration: reads what pins this process. Returns
  // true when it is already a zombie (a registration on a zombie may never see NOTE_EXIT).
  bool ReadPinnedFacts() {
    int err = 0;
    uint64_t uid = 0;
    if (ReadUniqueId(pid_, &uid, &err)) {
      has_unique_id_ = true;
      unique_id_ = uid;
    }
    struct kinfo_proc kp;
    if (ReadKinfo(pid_, &kp, &err) != 1) return false;
    has_start_ = true;
    start_us_ = TimevalToMicros(kp.kp_proc.p_starttime);
    return kp.kp_proc.p_stat == SZOMB;
  }

  // The process has exited: remember it, and post a level-triggered user event so that PollFd()
  // stays readable (the NOTE_EXIT event, once consumed by HasExited, is gone).
  Status MarkExited() {
    exited_ = true;
    struct kevent changes[2];
    EV_SET(&changes[0], kExitedUserEvent, EVFILT_USER, EV_ADD | EV_ENABLE, 0, 0, nullptr);
    EV_SET(&changes[1], kExitedUserEvent, EVFILT_USER, 0, NOTE_TRIGGER, 0, nullptr);
    if (KeventRetry(kq_, changes, 2, nullptr, 0, nullptr) < 0)
      return Status::Error("kevent", errno);
    return Status::Ok();
  }

  Status HasExited(bool* exited) override {
    if (exited_) {
      *exited = true;
      return Status::Ok();
    }
    struct kevent events[4];
    struct timespec zero;
    zero.tv_sec = 0;
    zero.tv_nsec = 0;
    int n = KeventRetry(kq_, nullptr, 0, events, 4, &zero);
    if (n < 0) return Status::Error("kevent", errno);
    bool saw_exit = false;
    for (int i = 0; i < n; ++i) {
      if (events[i].filter == EVFILT_PROC &&
          ((events[i].fflags & NOTE_EXIT) != 0 || (events[i].flags & EV_EOF) != 0)) {
        saw_exit = true;
      }
    }
    // Safety net for an exit racing the registration: the process table says it is gone.
    if (!saw_exit) saw_exit = GoneFromTable();
    if (saw_exit) {
      Status st = MarkExited();
      if (!st.ok()) return st;
    }
    *exited = saw_exit;
    return Status::Ok();
  }

  bool UniqueId(uint64_t* out) const override {
    if (!has_unique_id_) return false;
    *out = unique_id_;
    return true;
  }

 private:
  bool GoneFromTable() const {
    struct kinfo_proc kp;
    int err = 0;
    int k = ReadKinfo(pid_, &kp, &err);
    if (k < 0) return false;  // cannot tell: rely on the kqueue event
    if (k == 0) return true;
    if (kp.kp_proc.p_stat == SZOMB) return true;
    return has_start_ && TimevalToMicros(kp.kp_proc.p_starttime) != start_us_;
  }

  int kq_;
  int64_t pid_;
  bool exited_ = false;
  bool has_unique_id_ = false;
  uint64_t unique_id_ = 0;
  bool has_start_ = false;
  uint64_t start_us_ = 0;
};

}  // namespace

Status OpenExitWatch(int64_t pid, std::unique_ptr<ExitWatch>* out) {
  if (pid < 1 || pid > kMaxPid) return Status::Error("OpenExitWatch", EINVAL, "pid out of range");
  int kq = kqueue();
  if (kq < 0) return Status::Error("kqueue", errno);
  if (fcntl(kq, F_SETFD, FD_CLOEXEC) != 0) {
    int err = errno;
    close(kq);
    return Status::Error("fcntl", err);
  }
  std::unique_ptr<KqueueExitWatch> watch(new KqueueExitWatch(kq, pid));  // owns kq from here
  bool zombie = false;
  for (int attempt = 0;; ++attempt) {
    struct kevent change;
    EV_SET(&change, static_cast<uintptr_t>(pid), EVFILT_PROC, EV_ADD | EV_ENABLE | EV_CLEAR,
           NOTE_EXIT, 0, nullptr);
    if (KeventRetry(kq, &change, 1, nullptr, 0, nullptr) == 0) break;
    int err = errno;
    if (err == EACCES || err == EPERM) return Status::Unsupported("kevent", err);
    if (err != ESRCH) return Status::Error("kevent", err);
    // ESRCH: no such process, or a zombie (proc_find() skips zombies).
    struct kinfo_proc kp;
    int kerr = 0;
    int k = ReadKinfo(pid, &kp, &kerr);
    if (k < 0) return Status::Error("sysctl", kerr, "kern.proc.pid");
    if (k == 0) return Status::NoSuchProcess();
    if (kp.kp_proc.p_stat == SZOMB) {
      zombie = true;
      break;
    }
    // Listed and not a zombie, yet not attachable: being created (SIDL) or the PID changed
    // hands between the two calls. Try again a few times.
    if (attempt + 1 >= kRetries) {
      return Status::Error("kevent", ESRCH, "process listed by kern.proc.pid but not attachable");
    }
  }
  if (watch->ReadPinnedFacts()) zombie = true;
  if (zombie) {
    Status st = watch->MarkExited();
    if (!st.ok()) return st;
  }
  out->reset(watch.release());
  return Status::Ok();
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
  out->exited = s.kp.kp_proc.p_stat == SZOMB;
  out->has_unique_id = s.has_unique_id;
  out->unique_id = s.unique_id;
  return Status::Ok();
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
#include <signal.h>

namespace pidproof {

bool IsValidSignal(int signo) { return signo >= 0 && signo < NSIG; }

Status SignalProcess(int64_t pid, const ExpectedIdentity* expected, int signo, SignalReport* out) {
  if (pid < 1 || pid > kMaxPid) return Status::Error("SignalProcess", EINVAL, "pid out of range");
  if (!IsValidSignal(signo)) return Status::Error("SignalProcess", EINVAL, "no such signal");
  *out = SignalReport();
  out->current.pid = pid;
  Status st = ProbeProcess(pid, &out->current);
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
      out->verdict = SignalVerdict::kNoProcess;  // gone between the probe and kill(2)
      return Status::Ok();
    }
    return Status::Error("kill", err);
  }
  Identity now;
  Status again = ProbeProcess(pid, &now);
  out->after = JudgeAfter(out->current, again, now);
  return Status::Ok();
}

}  // namespace pidproof
