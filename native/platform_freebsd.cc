// FreeBSD backend. Written to the documented API; built and run only by the CI matrix.
//
// Sources (man pages; FreeBSD kernel source where the man page is silent):
// - sysctl(3): {CTL_KERN, KERN_PROC, KERN_PROC_PID, pid} fills one struct kinfo_proc (sys/user.h)
//   for the process (not its threads); ESRCH when no process is visible under that PID. The kernel
//   (sys/kern/kern_proc.c, pget() without PGET_NOTID) also answers for a thread id with the
//   owning process, so ki_pid == pid is checked. Fields read: ki_structsize, ki_pid, ki_ppid,
//   ki_stat (char: SIDL 1, SRUN 2, SSLEEP 3, SSTOP 4, SZOMB 5, SWAIT 6, SLOCK 7; sys/proc.h),
//   ki_start (struct timeval). Zombies are listed (ki_stat == SZOMB).
// - ki_start is filled as p_stats->p_start (microuptime() at fork, sys/kern/kern_fork.c) plus the
//   current boot time (fill_kinfo_proc_only(): getboottime(); timevaladd()), and clock steps move
//   the boot time (sys/kern/kern_tc.c tc_setclock()). So ki_start - kern.boottime, with
//   kern.boottime read before and after and equal, is the step-immune uptime stamp p_start.
// - sysctl(3) KERN_BOOTTIME: struct timeval. FreeBSD has no boot UUID: the boot id is null.
// - kqueue(2): EVFILT_PROC + NOTE_EXIT attaches to the process; ESRCH when it does not exist; on
//   a zombie the registration succeeds and the exit is reported at once (filt_procattach()), older
//   kernels answered ESRCH. A kqueue descriptor polls readable while events are pending.
//   EVFILT_USER + NOTE_TRIGGER posts a user event.
// - Kernel locks (flock) live in lock_posix.cc, shared with Linux and macOS.
// clang-format off
#include <sys/types.h>
#include <sys/param.h>
#include <sys/event.h>
#include <sys/proc.h>
#include <sys/sysctl.h>
#include <sys/time.h>
#include <sys/user.h>
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
// clang-format on

#include <cstdint>
#include <cstring>

#include "platform.h"

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

// 1: found, 0: no such process (or a thread id), -1: error (*err set).
int ReadKinfo(int64_t pid, struct kinfo_proc* kp, int* err) {
  int mib[4] = {CTL_KERN, KERN_PROC, KERN_PROC_PID, static_cast<int>(pid)};
  std::memset(kp, 0, sizeof(*kp));
  size_t len = sizeof(*kp);
  if (sysctl(mib, 4, kp, &len, nullptr, 0) != 0) {
    if (errno == ESRCH) return 0;
    *err = errno;
    return -1;
  }
  if (len == 0) return 0;
  if (len != sizeof(*kp) || kp->ki_structsize != static_cast<int>(sizeof(*kp))) {
    *err = EINVAL;  // kinfo_proc layout mismatch (sys/user.h: KINFO_PROC_SIZE)
    return -1;
  }
  if (static_cast<int64_t>(kp->ki_pid) != pid) return 0;  // a thread id names no process
  return 1;
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
struct Snapshot {
  struct kinfo_proc kp;
  bool have_boot = false;
  struct timeval boot;
};

Status ReadSnapshot(int64_t pid, Snapshot* s, bool* found) {
  for (int attempt = 0; attempt < kRetries; ++attempt) {
    int err = 0;
    struct timeval before;
    const bool have_before = ReadBootTime(&before, &err);
    int k = ReadKinfo(pid, &s->kp, &err);
    if (k < 0) return Status::Error("sysctl", err, "kern.proc.pid");
    *found = k == 1;
    if (k == 0) return Status::Ok();
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

// The start stamp that pins a process: ki_start - kern.boottime, read consistently.
bool ReadStartSinceBoot(int64_t pid, int64_t* out, bool* zombie, bool* found) {
  Snapshot s;
  *found = false;
  if (!ReadSnapshot(pid, &s, found).ok() || !*found) return false;
  *zombie = s.kp.ki_stat == SZOMB;
  if (!s.have_boot) return false;
  *out = TimevalToMicros(s.kp.ki_start) - TimevalToMicros(s.boot);
  return true;
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
    return Status::Unsupported("Arm", ENOTSUP, "use PollFd on FreeBSD");
  }

  // Called once, right after the NOTE_EXIT registration. Returns true when the process is
  // already a zombie (the kernel reports its exit at once too; this does not depend on that).
  bool ReadPinnedFacts() {
    bool zombie = false;
    bool found = false;
    int64_t start = 0;
    if (ReadStartSinceBoot(pid_, &start, &zombie, &found)) {
      has_start_ = true;
      start_ = start;
    }
    return found && zombie;
  }

  // The process has exited: remember it, and post a level-triggered user event so that PollFd()
  // stays readable (the NOTE_EXIT event is EV_ONESHOT: once consumed by HasExited, it is gone).
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

  bool UniqueId(uint64_t*) const override { return false; }  // FreeBSD has none

 private:
  bool GoneFromTable() const {
    bool zombie = false;
    bool found = false;
    int64_t start = 0;
    const bool have_start = ReadStartSinceBoot(pid_, &start, &zombie, &found);
    if (!found) {
      // Gone, or the read failed: only a successful "no such process" answer counts.
      struct kinfo_proc kp;
      int err = 0;
      return ReadKinfo(pid_, &kp, &err) == 0;
    }
    if (zombie) return true;
    return has_start_ && have_start && start != start_;
  }

  int kq_;
  int64_t pid_;
  bool exited_ = false;
  bool has_start_ = false;
  int64_t start_ = 0;
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
    // ESRCH: no such process (or a thread id), or a zombie on kernels that refuse those.
    struct kinfo_proc kp;
    int kerr = 0;
    int k = ReadKinfo(pid, &kp, &kerr);
    if (k < 0) return Status::Error("sysctl", kerr, "kern.proc.pid");
    if (k == 0) return Status::NoSuchProcess();
    if (kp.ki_stat == SZOMB) {
      zombie = true;
      break;
    }
    if (attempt + 1 >= kRetries) {
      return Status::Error("kevent", ESRCH, "process listed by kern.proc.pid but not attachable");
    }
  }
  // The knote is attached. A thread id cannot get here: EVFILT_PROC looks up processes only.
  if (watch->ReadPinnedFacts()) zombie = true;
  if (zombie) {
    Status st = watch->MarkExited();
    if (!st.ok()) return st;
  }
  out->reset(watch.release());
  return Status::Ok();
}

// One KERN_PROC_PID read is atomic for one process: existence and zombie state are exact. There
// is no unique id on FreeBSD, so callers that must tell a recycled PID use ProbeProcess's start
// token.
Status CheckAlive(int64_t pid, Liveness* out) {
  if (pid < 1 || pid > kMaxPid) return Status::Error("CheckAlive", EINVAL, "pid out of range");
  *out = Liveness();
  struct kinfo_proc kp;
  int err = 0;
  int k = ReadKinfo(pid, &kp, &err);
  if (k < 0) return Status::Error("sysctl", err, "kern.proc.pid");
  if (k == 0) return Status::Ok();  // exists = false
  out->exists = true;
  out->exited = kp.ki_stat == SZOMB;
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
