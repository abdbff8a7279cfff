// Exit notification on macOS and FreeBSD: a private kqueue with EVFILT_PROC + NOTE_EXIT.
//
// kqueue(2) (both kernels): EVFILT_PROC + NOTE_EXIT attaches to the process itself, so a later
// reuse of its PID cannot fire the watch; registration fails with ESRCH when the kernel finds no
// such process (XNU proc_find() also skips zombies and processes already exiting: logic.h;
// FreeBSD accepts a zombie and reports its exit at once, older FreeBSD answered ESRCH, and
// answers ESRCH for a process hidden from the caller). A kqueue descriptor polls readable while
// events are pending, so addon.cc waits on it with a uv_poll_t. EVFILT_USER + NOTE_TRIGGER posts a
// user event that keeps the descriptor readable once the exit has been consumed.
//
// The process table is read by each backend (ReadKqueueTableEntry, kqueue_exit_watch.h).
// clang-format off
#include <sys/types.h>
#include <sys/event.h>
#include <sys/time.h>
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
// clang-format on

#include "kqueue_exit_watch.h"

#include <memory>

#include "logic.h"
#include "platform.h"

namespace pidproof {
namespace {

constexpr int kRetries = 4;

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
    return Status::Unsupported("Arm", ENOTSUP, "use PollFd with a kqueue");
  }

  // Called once, right after the NOTE_EXIT registration: reads what pins this process. Returns
  // true when it has already exited (a registration on a zombie may never see NOTE_EXIT).
  bool ReadPinnedFacts() {
    uint64_t uid = 0;
    if (ReadKqueueUniqueId(pid_, &uid)) {
      has_unique_id_ = true;
      unique_id_ = uid;
    }
    KqueueTableEntry e;
    if (!ReadKqueueTableEntry(pid_, &e).ok() || !e.listed) return false;
    has_start_ = e.has_start;
    start_ = e.start;
    return e.exited;
  }

  // The process has exited: remember it, and post a level-triggered user event so that PollFd()
  // stays readable (the NOTE_EXIT event, once consumed by HasExited, is gone).
  Status MarkExited() {
    exited_ = true;
    struct kevent changes[2];
    EV_SET(&changes[0], kExitedUserEvent, EVFILT_USER, EV_ADD | EV_ENABLE, 0, 0, nullptr);
    EV_SET(&changes[1], kExitedUserEvent, EVFILT_USER, 0, NOTE_TRIGGER, 0, nullptr);
    if (KeventRetry(kq_, changes, 2, nullptr, 0, nullptr) < 0) {
      return Status::Error("kevent", errno);
    }
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
  // Only a successful read counts: an unreadable table leaves it to the kqueue event.
  bool GoneFromTable() const {
    KqueueTableEntry e;
    if (!ReadKqueueTableEntry(pid_, &e).ok()) return false;
    if (!e.listed) return e.hidden_by.empty();  // hidden is no proof: wait for the kqueue event
    if (e.exited) return true;
    return has_start_ && e.has_start && e.start != start_;
  }

  int kq_;
  int64_t pid_;
  bool exited_ = false;
  bool has_unique_id_ = false;
  uint64_t unique_id_ = 0;
  bool has_start_ = false;
  uint64_t start_ = 0;
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
  bool exited = false;
  for (int attempt = 0;; ++attempt) {
    struct kevent change;
    EV_SET(&change, static_cast<uintptr_t>(pid), EVFILT_PROC, EV_ADD | EV_ENABLE | EV_CLEAR,
           NOTE_EXIT, 0, nullptr);
    if (KeventRetry(kq, &change, 1, nullptr, 0, nullptr) == 0) break;
    int err = errno;
    if (err == EACCES || err == EPERM) return Status::Unsupported("kevent", err);
    if (err != ESRCH) return Status::Error("kevent", err);
    // ESRCH: no such process (or a thread id on FreeBSD), one the kernel will not attach to
    // because it has exited (a zombie; on macOS also a process still exiting), or one hidden from
    // this caller (FreeBSD visibility policies, a jail).
    KqueueTableEntry e;
    Status st = ReadKqueueTableEntry(pid, &e);
    if (!st.ok()) return st;
    switch (logic::AfterAttachEsrch(e.listed, e.exited, !e.hidden_by.empty(), attempt, kRetries)) {
      case logic::AttachEsrch::kNoSuchProcess:
        return Status::NoSuchProcess();
      case logic::AttachEsrch::kHidden:
        // No proof either way: the caller polls identities, which answer "unknown".
        return Status::Unsupported("kevent", ESRCH, "the process may be hidden by " + e.hidden_by);
      case logic::AttachEsrch::kExited:
        exited = true;
        break;
      case logic::AttachEsrch::kRetry:  // listed and running: the PID changed hands in between
        continue;
      case logic::AttachEsrch::kGiveUp:
        return Status::Error("kevent", ESRCH, "process listed by kern.proc.pid but not attachable");
    }
    break;
  }
  // The knote is attached. A thread id cannot get here: EVFILT_PROC looks up processes only.
  if (watch->ReadPinnedFacts()) exited = true;
  if (exited) {
    Status st = watch->MarkExited();
    if (!st.ok()) return st;
  }
  out->reset(watch.release());
  return Status::Ok();
}

}  // namespace pidproof
