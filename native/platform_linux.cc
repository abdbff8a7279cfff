// Linux backend.
//
// Sources (man pages):
// - proc_pid_stat(5): /proc/<pid>/stat field 3 state, 4 ppid, 20 num_threads, 22 starttime in
//   clock ticks since boot (sysconf(_SC_CLK_TCK)); comm (field 2) may hold spaces and ')', so
//   fields are parsed after the last ')'.
// - proc_pid_status(5): "Tgid:" (used only when pidfd_open is unavailable).
// - pidfd_open(2): refuses a PID that is not a thread-group leader (ENOENT on 6.x, EINVAL
//   before); a pidfd polls readable (POLLIN) once the process has exited. pidfd_send_signal(2)
//   with signal 0 fails with ESRCH once the process has been reaped.
// - pidfs (Linux >= 6.9): fstat(pidfd).st_ino is unique for the boot; statfs f_type PID_FS_MAGIC.
// - proc_stat(5) "btime"; random(4) /proc/sys/kernel/random/boot_id; pid_namespaces(7).
// - Kernel locks (flock) live in lock_posix.cc, shared with macOS and FreeBSD.
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/vfs.h>
#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include "logic.h"
#include "platform.h"
#include "posix_host.h"
#include "signal_posix.h"

#ifndef SYS_pidfd_open
#define SYS_pidfd_open 434
#endif
#ifndef SYS_pidfd_send_signal
#define SYS_pidfd_send_signal 424
#endif
#ifndef PID_FS_MAGIC
#define PID_FS_MAGIC 0x50494446
#endif

namespace pidproof {
namespace {

// -1 unknown, 0 no, 1 yes. Kernel facts: constant for the life of the process.
std::atomic<int> g_have_pidfd{-1};
std::atomic<int> g_have_pidfs{-1};

int RawPidfdOpen(int64_t pid) {
  return static_cast<int>(syscall(SYS_pidfd_open, static_cast<pid_t>(pid), 0u));
}

int RawPidfdSendSignal(int pidfd, int sig) {
  return static_cast<int>(syscall(SYS_pidfd_send_signal, pidfd, sig, nullptr, 0u));
}

// Opens a pidfd. Returns >= 0, or -1 with *st set: kNoSuchProcess (ESRCH, or a non-leader thread:
// ENOENT/EINVAL), kUnsupported (no pidfd_open here: ENOSYS, or EPERM from a seccomp filter), or
// kError (EMFILE and friends).
int OpenPidfd(int64_t pid, Status* st) {
  if (g_have_pidfd.load(std::memory_order_relaxed) == 0) {
    *st = Status::Unsupported("pidfd_open", ENOSYS);
    return -1;
  }
  int fd = RawPidfdOpen(pid);
  if (fd >= 0) {
    g_have_pidfd.store(1, std::memory_order_relaxed);
    return fd;
  }
  int err = errno;
  switch (err) {
    case ESRCH:
    case ENOENT:
    case EINVAL:
      *st = Status::NoSuchProcess();
      break;
    case ENOSYS:
      g_have_pidfd.store(0, std::memory_order_relaxed);
      *st = Status::Unsupported("pidfd_open", err);
      break;
    case EPERM:  // seccomp profiles of old container runtimes answer EPERM for new syscalls
      *st = Status::Unsupported("pidfd_open", err);
      break;
    default:
      *st = Status::Error("pidfd_open", err);
  }
  return -1;
}

bool HavePidfs(int pidfd) {
  int have = g_have_pidfs.load(std::memory_order_relaxed);
  if (have >= 0) return have == 1;
  struct statfs sfs;
  if (fstatfs(pidfd, &sfs) != 0) return false;
  have = (static_cast<unsigned long>(sfs.f_type) == PID_FS_MAGIC) ? 1 : 0;
  g_have_pidfs.store(have, std::memory_order_relaxed);
  return have == 1;
}

bool PidfsInode(int pidfd, uint64_t* out) {
  if (!HavePidfs(pidfd)) return false;
  struct stat sb;
  if (fstat(pidfd, &sb) != 0) return false;
  *out = static_cast<uint64_t>(sb.st_ino);
  return true;
}

// A fresh identity for `pid`, pinned by `pidfd`: the pidfs inode as its unique id when the
// kernel has one (Linux >= 6.9), everything else left for the caller to read.
void StartPinned(int64_t pid, int pidfd, Identity* out) {
  *out = Identity();
  out->pid = pid;
  uint64_t ino;
  if (PidfsInode(pidfd, &ino)) {
    out->has_unique_id = true;
    out->unique_id = ino;
    out->unique_id_kind = "linux-pidfs-inode";
  }
}

// 1: exited, 0: running, -1: error (errno set).
int PidfdExited(int pidfd) {
  struct pollfd p;
  p.fd = pidfd;
  p.events = POLLIN;
  p.revents = 0;
  int r;
  do {
    r = poll(&p, 1, 0);
  } while (r < 0 && errno == EINTR);
  if (r < 0) return -1;
  return (r > 0 && (p.revents & (POLLIN | POLLHUP))) ? 1 : 0;
}

// Reads at most cap bytes of a /proc file. Returns bytes read, or -1 with errno.
ssize_t ReadProcFile(const char* path, char* buf, size_t cap) {
  int fd;
  do {
    fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY);
  } while (fd < 0 && errno == EINTR);
  if (fd < 0) return -1;
  size_t len = 0;
  while (len < cap) {
    ssize_t n = read(fd, buf + len, cap - len);
    if (n < 0) {
      if (errno == EINTR) continue;
      int err = errno;
      close(fd);
      errno = err;
      return -1;
    }
    if (n == 0) break;
    len += static_cast<size_t>(n);
  }
  close(fd);
  return static_cast<ssize_t>(len);
}

// Reads a small /proc file into buf (NUL-terminated). Returns bytes read, or -1 with errno.
ssize_t ReadSmallFile(const char* path, char* buf, size_t cap) {
  ssize_t n = ReadProcFile(path, buf, cap - 1);
  if (n >= 0) buf[n] = '\0';
  return n;
}

// Reads /proc/<pid>/stat into buf (NUL-terminated): one line, which the kernel hands over in one
// read when the buffer holds it. A read that returned less than asked and ends the line is the
// whole file, so the read that would only confirm EOF is skipped (one syscall of the probe's
// seven). Returns bytes read, or -1 with errno.
ssize_t ReadStatLine(const char* path, char* buf, size_t cap) {
  int fd;
  do {
    fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY);
  } while (fd < 0 && errno == EINTR);
  if (fd < 0) return -1;
  size_t len = 0;
  const size_t max = cap - 1;
  while (len < max) {
    ssize_t n = read(fd, buf + len, max - len);
    if (n < 0) {
      if (errno == EINTR) continue;
      int err = errno;
      close(fd);
      errno = err;
      return -1;
    }
    if (n == 0) break;
    len += static_cast<size_t>(n);
    if (len < max && buf[len - 1] == '\n') break;  // short read ending the line: all of it
  }
  close(fd);
  buf[len] = '\0';
  return static_cast<ssize_t>(len);
}

bool ParseU64(const char* s, const char** end, uint64_t* out) {
  if (*s < '0' || *s > '9') return false;
  uint64_t v = 0;
  while (*s >= '0' && *s <= '9') {
    uint64_t d = static_cast<uint64_t>(*s - '0');
    if (v > (UINT64_MAX - d) / 10) return false;
    v = v * 10 + d;
    ++s;
  }
  *end = s;
  *out = v;
  return true;
}

bool ParseI64(const char* s, const char** end, int64_t* out) {
  bool neg = false;
  if (*s == '-') {
    neg = true;
    ++s;
  }
  uint64_t u;
  if (!ParseU64(s, end, &u) || u > static_cast<uint64_t>(INT64_MAX)) return false;
  *out = neg ? -static_cast<int64_t>(u) : static_cast<int64_t>(u);
  return true;
}

struct StatFields {
  char state = '?';
  int64_t ppid = 0;
  int64_t threads = 0;
  uint64_t starttime = 0;
};

// Parses the fields after the last ')' of /proc/<pid>/stat: field 3 onwards.
bool ParseStat(const char* buf, size_t len, StatFields* out) {
  if (memchr(buf, '\0', len) != nullptr) return false;  // embedded NUL: not a stat file
  const char* close_paren = nullptr;
  for (const char* p = buf + len; p > buf;) {
    --p;
    if (*p == ')') {
      close_paren = p;
      break;
    }
  }
  if (close_paren == nullptr) return false;
  const char* p = close_paren + 1;
  // Field numbers as in proc_pid_stat(5).
  for (int field = 3; field <= 22; ++field) {
    if (*p != ' ') return false;
    ++p;
    const char* end = p;
    switch (field) {
      case 3:
        if (*p == '\0' || *p == ' ') return false;
        out->state = *p;
        end = p + 1;
        break;
      case 4:
        if (!ParseI64(p, &end, &out->ppid)) return false;
        break;
      case 20:
        if (!ParseI64(p, &end, &out->threads)) return false;
        break;
      case 22:
        if (!ParseU64(p, &end, &out->starttime)) return false;
        break;
      default:
        while (*end != ' ' && *end != '\0' && *end != '\n') ++end;
        if (end == p) return false;
    }
    p = end;
  }
  return true;
}

ProcState MapState(char c, int64_t threads) {
  switch (c) {
    case 'R':
      return ProcState::kRunning;
    case 'T':
    case 't':
      return ProcState::kStopped;
    case 'Z':
    case 'X':
    case 'x':
      // A leader that exited while other threads run shows 'Z' but the process lives on.
      return threads > 1 ? ProcState::kRunning : ProcState::kZombie;
    case 'S':
    case 'D':
    case 'I':
    case 'W':
    case 'K':
    case 'P':
      return ProcState::kSleeping;
    default:
      return ProcState::kUnknown;
  }
}

// This process's clock offsets against the root time namespace (time_namespaces(7)).
// /proc/self/timens_offsets shows the offsets of the namespace this process's children get
// (time_for_children); a process enters that namespace at exec, so they are its own unless it
// called unshare(CLONE_NEWTIME) since (the two namespace links then differ: unknown). No file:
// a kernel without time namespaces, where every offset is 0.
void ReadOwnClockOffsets(Boot* b) {
  char buf[256];
  ssize_t n = ReadSmallFile("/proc/self/timens_offsets", buf, sizeof(buf));
  if (n < 0) {
    b->clock_offsets_known = errno == ENOENT;
    return;
  }
  int64_t mono = 0;
  int64_t boot = 0;
  if (!logic::ParseTimensOffsets(buf, static_cast<size_t>(n), &mono, &boot)) {
    b->clock_offsets_known = false;
    return;
  }
  struct stat own;
  struct stat children;
  if (stat("/proc/self/ns/time", &own) == 0 &&
      stat("/proc/self/ns/time_for_children", &children) == 0 && own.st_ino != children.st_ino) {
    b->clock_offsets_known = false;
    return;
  }
  b->monotonic_offset_ns = mono;
  b->boottime_offset_ns = boot;
}

struct BootCache {
  bool ready = false;
  Boot boot;
  long clk_tck = 100;
  Status status;
};

// The first call happens from the JS thread (module init reads the scope); later reads are safe.
BootCache& GetBootCache() {
  static BootCache cache = [] {
    BootCache c;
    c.boot.platform = "linux";
    long hz = sysconf(_SC_CLK_TCK);
    if (hz > 0) c.clk_tck = hz;
    char buf[256];
    ssize_t n = ReadSmallFile("/proc/sys/kernel/random/boot_id", buf, sizeof(buf));
    if (n > 0) {
      std::string id(buf, static_cast<size_t>(n));
      while (!id.empty() && (id.back() == '\n' || id.back() == ' ')) id.pop_back();
      if (!id.empty()) {
        c.boot.has_boot_id = true;
        c.boot.boot_id = id;
      }
    }
    FILE* f = fopen("/proc/stat", "re");
    if (f != nullptr) {
      char line[512];
      while (fgets(line, sizeof(line), f) != nullptr) {
        if (strncmp(line, "btime ", 6) == 0) {
          const char* end;
          uint64_t bt;
          if (ParseU64(line + 6, &end, &bt)) {
            c.boot.has_boot_time_ms = true;
            c.boot.boot_time_ms = static_cast<double>(bt) * 1000.0;
          }
          break;
        }
      }
      fclose(f);
    }
    struct stat sb;
    if (stat("/proc/self/ns/pid", &sb) == 0) {
      c.boot.has_pid_namespace = true;
      c.boot.pid_namespace = std::to_string(static_cast<uint64_t>(sb.st_ino));
    }
    ReadOwnClockOffsets(&c.boot);
    // btime is shown in the reader's time namespace (boot = now - CLOCK_BOOTTIME): the root
    // namespace's is the same wall-clock instant for every reader.
    if (c.boot.has_boot_time_ms && c.boot.clock_offsets_known) {
      c.boot.boot_time_ms += static_cast<double>(c.boot.boottime_offset_ns / 1000000);
    }
    c.ready = true;
    return c;
  }();
  return cache;
}

// Fills `out` from a stat read. Returns false if the file could not be parsed.
bool FillFromStat(const char* buf, size_t len, Identity* out) {
  StatFields f;
  if (!ParseStat(buf, len, &f)) return false;
  const BootCache& bc = GetBootCache();
  // The kernel shows start ticks in the reader's time namespace (start + the reader's boottime
  // offset): reported in the root namespace's terms, so every reader agrees (issue 20).
  bool inexact = false;
  const uint64_t ticks =
      logic::RootStartTicks(f.starttime, bc.boot.boottime_offset_ns, bc.clk_tck, &inexact);
  out->has_start_token = bc.boot.clock_offsets_known;
  out->start_token = ticks;
  out->start_token_unit = "linux-ticks";
  out->has_ppid = true;
  out->ppid = f.ppid;
  out->state = MapState(f.state, f.threads);
  if (bc.boot.has_boot_time_ms) {
    out->has_start_time_ms = true;
    // Integer math first: ticks -> ms, then add btime (both in the root namespace's terms when
    // the offsets are known, both in this namespace's otherwise: the same wall-clock instant).
    const uint64_t shown = bc.boot.clock_offsets_known ? ticks : f.starttime;
    out->start_time_ms = bc.boot.boot_time_ms +
                         static_cast<double>(shown * 1000 / static_cast<uint64_t>(bc.clk_tck));
  }
  return true;
}

// Tgid check for kernels without pidfd_open: 1 leader, 0 thread, -1 unreadable.
int IsThreadGroupLeader(int64_t pid) {
  char path[64];
  snprintf(path, sizeof(path), "/proc/%lld/status", static_cast<long long>(pid));
  char buf[4096];
  ssize_t n = ReadSmallFile(path, buf, sizeof(buf));
  if (n <= 0) return -1;
  const char* t = strstr(buf, "\nTgid:");
  if (t == nullptr) return -1;
  t += 6;
  while (*t == ' ' || *t == '\t') ++t;
  const char* end;
  int64_t tgid;
  if (!ParseI64(t, &end, &tgid)) return -1;
  return tgid == pid ? 1 : 0;
}

// Probe without a pidfd (kernels < 5.3, seccomp): /proc plus kill(pid, 0) for hidden processes.
Status ProbeWithoutPidfd(int64_t pid, Identity* out) {
  char path[64];
  snprintf(path, sizeof(path), "/proc/%lld/stat", static_cast<long long>(pid));
  char buf[1024];
  ssize_t n = ReadStatLine(path, buf, sizeof(buf));
  if (n < 0) {
    int err = errno;
    if (err != ENOENT && err != ESRCH && err != EACCES && err != EPERM) {
      return Status::Error("open", err, path);
    }
    // hidepid hides other users' /proc entries; kill(pid, 0) still tells existence.
    if (kill(static_cast<pid_t>(pid), 0) == 0 || errno == EPERM) {
      out->partial = true;
      return Status::Ok();
    }
    return Status::NoSuchProcess();
  }
  int leader = IsThreadGroupLeader(pid);
  if (leader == 0) return Status::NoSuchProcess();
  if (!FillFromStat(buf, static_cast<size_t>(n), out)) {
    return Status::Error("read", EINVAL, std::string("unparsable ") + path);
  }
  if (leader < 0) out->partial = true;
  return Status::Ok();
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
  char path[64];
  snprintf(path, sizeof(path), "/proc/%lld/stat", static_cast<long long>(pid));

  // Pin, read, confirm: a pidfd opened first names one process; if that process has not been
  // reaped when the read is done, what /proc showed belonged to it. Retried if it was reaped
  // in between (the PID may then name a new process).
  for (int attempt = 0; attempt < 4; ++attempt) {
    Status st;
    int pidfd = OpenPidfd(pid, &st);
    if (pidfd < 0) {
      if (st.code == Status::kUnsupported) return ProbeWithoutPidfd(pid, out);
      return st;
    }
    StartPinned(pid, pidfd, out);
    char buf[1024];
    ssize_t n = ReadStatLine(path, buf, sizeof(buf));
    int read_err = n < 0 ? errno : 0;
    bool parsed = n >= 0 && FillFromStat(buf, static_cast<size_t>(n), out);
    int exited = PidfdExited(pidfd);
    bool pinned_ok = true;
    if (exited == 1) {
      // Exited: a zombie still pins the PID (signal 0 succeeds); a reaped one does not.
      if (RawPidfdSendSignal(pidfd, 0) != 0 && errno == ESRCH) pinned_ok = false;
      if (pinned_ok && parsed) out->state = ProcState::kZombie;
    }
    close(pidfd);
    if (!pinned_ok) {
      // Reaped during the probe. Loop: pidfd_open now says whether a new process took the PID.
      continue;
    }
    if (n < 0) {
      if (read_err == ENOENT || read_err == ESRCH || read_err == EACCES || read_err == EPERM) {
        // hidepid / restricted /proc: the pidfd proves the process exists.
        out->partial = true;
        if (exited == 1) out->state = ProcState::kZombie;
        return Status::Ok();
      }
      return Status::Error("open", read_err, path);
    }
    if (!parsed) return Status::Error("read", EINVAL, std::string("unparsable ") + path);
    return Status::Ok();
  }
  // The PID kept being reaped and reused under us: report it as gone rather than guess.
  return Status::NoSuchProcess();
}

namespace {

// Usage read pinned by a pidfd (the "Usage" section at the end of this file).
int ReadUsageOnPidfd(int64_t pid, int pidfd, const Identity& base, UsageSample* out, Status* st);

class LinuxExitWatch : public ExitWatch {
 public:
  LinuxExitWatch(int64_t pid, int pidfd) : pid_(pid), pidfd_(pidfd) {
    uint64_t ino;
    if (PidfsInode(pidfd_, &ino)) {
      has_unique_id_ = true;
      unique_id_ = ino;
    }
  }
  ~LinuxExitWatch() override {
    if (pidfd_ >= 0) close(pidfd_);
  }
  int PollFd() const override { return pidfd_; }
  Status Arm(void (*)(void*), void*) override {
    return Status::Unsupported("Arm", ENOTSUP, "use PollFd on Linux");
  }
  Status HasExited(bool* exited) override {
    int r = PidfdExited(pidfd_);
    if (r < 0) return Status::Error("poll", errno);
    *exited = r == 1;
    return Status::Ok();
  }
  bool UniqueId(uint64_t* out) const override {
    if (!has_unique_id_) return false;
    *out = unique_id_;
    return true;
  }
  // watchUsage's one descriptor: this pidfd gives the exit event and pins every read.
  Status SampleUsage(UsageSample* out) override {
    Identity base;
    base.pid = pid_;
    if (has_unique_id_) {
      base.has_unique_id = true;
      base.unique_id = unique_id_;
      base.unique_id_kind = "linux-pidfs-inode";
    }
    Status st;
    if (ReadUsageOnPidfd(pid_, pidfd_, base, out, &st) == 0) return Status::NoSuchProcess();
    return st;
  }

 private:
  int64_t pid_;
  int pidfd_;
  bool has_unique_id_ = false;
  uint64_t unique_id_ = 0;
};

}  // namespace

Status OpenExitWatch(int64_t pid, std::unique_ptr<ExitWatch>* out) {
  if (pid < 1 || pid > kMaxPid) return Status::Error("OpenExitWatch", EINVAL, "pid out of range");
  Status st;
  int fd = OpenPidfd(pid, &st);
  if (fd < 0) return st;
  out->reset(new LinuxExitWatch(pid, fd));
  return Status::Ok();
}

Status CheckAlive(int64_t pid, Liveness* out) {
  if (pid < 1 || pid > kMaxPid) return Status::Error("CheckAlive", EINVAL, "pid out of range");
  *out = Liveness();
  Status st;
  int fd = OpenPidfd(pid, &st);
  if (fd < 0) {
    if (st.code == Status::kNoSuchProcess) return Status::Ok();  // exists = false
    return st;
  }
  out->exists = true;
  uint64_t ino;
  if (PidfsInode(fd, &ino)) {
    out->has_unique_id = true;
    out->unique_id = ino;
  }
  int r = PidfdExited(fd);
  int err = errno;
  close(fd);
  if (r < 0) return Status::Error("poll", err);
  out->exited = r == 1;
  return Status::Ok();
}

// ---- Command line (issue 12) ------------------------------------------------------------------
// proc_pid_cmdline(5): the arguments, each NUL-terminated; empty for a zombie and a kernel thread.
// Pinned like ProbeProcess: pidfd first, then the read, then the pidfd must not have been reaped
// (else the PID may have passed to another process during the read, and it is read again).

namespace {

Status CommandFromRead(ssize_t n, int read_err, const char* path, const std::string& buf,
                       CommandLine* out) {
  if (n < 0) {
    // The process exists (the caller proved it): a missing or unreadable entry is a denial
    // (hidepid, a restricted /proc), never "no such process".
    if (read_err == ENOENT || read_err == ESRCH) read_err = EACCES;
    return Status::Error("open", read_err, path);
  }
  logic::JoinArgs(buf.data(), static_cast<size_t>(n), false, kMaxCommandBytes, &out->text,
                  &out->truncated);
  return Status::Ok();
}

}  // namespace

Status ReadCommand(int64_t pid, CommandLine* out) {
  if (pid < 1 || pid > kMaxPid) return Status::Error("ReadCommand", EINVAL, "pid out of range");
  *out = CommandLine();
  char path[64];
  snprintf(path, sizeof(path), "/proc/%lld/cmdline", static_cast<long long>(pid));
  std::string buf(kMaxCommandBytes + 1, '\0');  // one byte more than kept: enough to see a cut
  for (int attempt = 0; attempt < 4; ++attempt) {
    Status st;
    int pidfd = OpenPidfd(pid, &st);
    if (pidfd < 0) {
      if (st.code != Status::kUnsupported) return st;
      // No pidfd_open: /proc alone, with the thread-group check (a thread id has a cmdline too).
      int leader = IsThreadGroupLeader(pid);
      if (leader == 0) return Status::NoSuchProcess();
      ssize_t n = ReadProcFile(path, &buf[0], buf.size());
      if (n < 0 && (errno == ENOENT || errno == ESRCH)) {
        if (kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH) return Status::NoSuchProcess();
        return Status::Error("open", EACCES, path);
      }
      return CommandFromRead(n, n < 0 ? errno : 0, path, buf, out);
    }
    ssize_t n = ReadProcFile(path, &buf[0], buf.size());
    int read_err = n < 0 ? errno : 0;
    bool reaped = PidfdExited(pidfd) == 1 && RawPidfdSendSignal(pidfd, 0) != 0 && errno == ESRCH;
    close(pidfd);
    if (reaped) continue;  // the PID may name another process now: look again
    *out = CommandLine();
    return CommandFromRead(n, read_err, path, buf, out);
  }
  return Status::NoSuchProcess();  // kept being reaped and reused under us
}

}  // namespace pidproof

// ---- Signals ---------------------------------------------------------------------------------
// SignalProcess pins with pidfd_open, reads the identity on the pin (the pidfs inode comes from
// the pidfd itself; /proc/<pid>/stat is read after the pin, and a zero-timeout poll plus
// pidfd_send_signal(pidfd, 0) confirm the pinned process was not reaped meanwhile, so what /proc
// showed is that process), compares it with the expected identity, then sends with
// pidfd_send_signal(2) on the same pidfd: a PID recycled at any moment cannot receive it. When the
// pidfs inode decides (a record with one, on Linux >= 6.9) or nothing is compared (a PID target),
// /proc is not read at all: pidfd_open, fstat, poll, pidfd_send_signal, close.
// Without pidfd_open (kernel < 5.3, or a seccomp filter answering ENOSYS/EPERM) it verifies with
// the /proc probe, sends with kill(2) and probes again: between that probe and kill(2) (a few
// microseconds) the process could exit and a new one take its PID; SignalAfter reports what was
// seen afterwards.
namespace pidproof {
namespace {

// Reads the identity of the process pinned by `pidfd` (opened for `pid`). 1: read (*exited says
// whether it has exited); 0: the pinned process was reaped during the read (retry); -1: *st set.
int ReadPinnedIdentity(int64_t pid, int pidfd, Identity* out, bool* exited, Status* st) {
  StartPinned(pid, pidfd, out);
  char path[64];
  snprintf(path, sizeof(path), "/proc/%lld/stat", static_cast<long long>(pid));
  char buf[1024];
  ssize_t n = ReadStatLine(path, buf, sizeof(buf));
  int read_err = n < 0 ? errno : 0;
  bool parsed = n >= 0 && FillFromStat(buf, static_cast<size_t>(n), out);
  int ex = PidfdExited(pidfd);
  if (ex < 0) {
    *st = Status::Error("poll", errno);
    return -1;
  }
  // Exited: a zombie still pins the PID (signal 0 succeeds); a reaped one does not, and the read
  // may then have shown a new process.
  if (ex == 1 && RawPidfdSendSignal(pidfd, 0) != 0 && errno == ESRCH) return 0;
  *exited = ex == 1;
  if (n < 0) {
    if (read_err == ENOENT || read_err == ESRCH || read_err == EACCES || read_err == EPERM) {
      out->partial = true;  // hidepid: the pidfd proves it exists; the inode may still compare
      if (*exited) out->state = ProcState::kZombie;
      return 1;
    }
    *st = Status::Error("open", read_err, path);
    return -1;
  }
  if (!parsed) {
    *st = Status::Error("read", EINVAL, std::string("unparsable ") + path);
    return -1;
  }
  if (*exited) out->state = ProcState::kZombie;
  return 1;
}

// The pin alone, when the /proc read can prove nothing more: a PID target (nothing to compare), or
// a record whose pidfs inode decides (the unique id takes precedence over the start token, and the
// inode comes from the pidfd itself). Same contract as ReadPinnedIdentity; saves the /proc read,
// about half the cost of a signal.
int ReadPinnedLight(int64_t pid, int pidfd, Identity* out, bool* exited, Status* st) {
  StartPinned(pid, pidfd, out);
  int ex = PidfdExited(pidfd);
  if (ex < 0) {
    *st = Status::Error("poll", errno);
    return -1;
  }
  if (ex == 1 && RawPidfdSendSignal(pidfd, 0) != 0 && errno == ESRCH) return 0;
  *exited = ex == 1;
  if (*exited) out->state = ProcState::kZombie;
  return 1;
}

Status SignalWithoutPidfd(int64_t pid, const ExpectedIdentity* expected, int signo,
                          SignalReport* out) {
  return SignalUnpinned(pid, expected, signo, out, ProbeWithoutPidfd);  // signal_posix.cc
}

}  // namespace

Status SignalProcess(int64_t pid, const ExpectedIdentity* expected, int signo, SignalReport* out) {
  if (pid < 1 || pid > kMaxPid) return Status::Error("SignalProcess", EINVAL, "pid out of range");
  if (!IsValidSignal(signo)) return Status::Error("SignalProcess", EINVAL, "no such signal");
  *out = SignalReport();
  out->current.pid = pid;
  for (int attempt = 0; attempt < 4; ++attempt) {
    Status st;
    int pidfd = OpenPidfd(pid, &st);
    if (pidfd < 0) {
      if (st.code == Status::kNoSuchProcess) {
        out->verdict = SignalVerdict::kNoProcess;
        return Status::Ok();
      }
      if (st.code == Status::kUnsupported) return SignalWithoutPidfd(pid, expected, signo, out);
      return st;
    }
    bool exited = false;
    const bool by_inode = expected != nullptr && expected->has_unique_id &&
                          expected->unique_id_kind == "linux-pidfs-inode" && HavePidfs(pidfd);
    int r = (expected == nullptr || by_inode)
                ? ReadPinnedLight(pid, pidfd, &out->current, &exited, &st)
                : ReadPinnedIdentity(pid, pidfd, &out->current, &exited, &st);
    if (r == 1 && by_inode && !out->current.has_unique_id) {
      r = ReadPinnedIdentity(pid, pidfd, &out->current, &exited, &st);  // fstat failed: use /proc
    }
    if (r == 0) {
      close(pidfd);
      continue;  // reaped under us: pin again (the PID may name a new process by now)
    }
    if (r < 0) {
      close(pidfd);
      return st;
    }
    out->verdict = DecideSignal(expected, out->current, exited, &out->matched_by);
    if (out->verdict == SignalVerdict::kSent) {
      if (RawPidfdSendSignal(pidfd, signo) == 0) {
        out->pinned = true;
      } else {
        int err = errno;
        close(pidfd);
        if (err == ESRCH) {
          // Exited and reaped between the check and the send: nothing was delivered, and the
          // pidfd guarantees no other process got it.
          out->verdict = SignalVerdict::kNoProcess;
          return Status::Ok();
        }
        return Status::Error("pidfd_send_signal", err);
      }
    }
    close(pidfd);
    return Status::Ok();
  }
  // The PID kept being reaped and reused under us: whatever was recorded is not running.
  out->verdict = SignalVerdict::kNoProcess;
  return Status::Ok();
}

}  // namespace pidproof

// ---- Usage of one process (issue 23)
// ------------------------------------------------------------- Sources: proc_pid_stat(5) (fields
// 10 minflt, 12 majflt, 14 utime, 15 stime, 16 cutime, 17 cstime in clock ticks, 20 num_threads, 23
// vsize in bytes, 24 rss in pages, summed over the thread group by fs/proc/array.c do_task_stat());
// proc_pid_status(5) "VmHWM" (peak resident set, kB; absent for a zombie); clock_getcpuclockid(3):
// the CPU-time clock of another process, whose reading is the scheduler's runtime of its whole
// thread group in nanoseconds (kernel/time/posix-cpu-timers.c: pid_for_clock() looks the PID up in
// the caller's PID namespace with no permission check, and accepts a zombie until it is reaped;
// MAKE_PROCESS_CPUCLOCK(pid, CPUCLOCK_SCHED) in include/linux/posix-timers_types.h, built here
// directly: glibc's clock_getcpuclockid() adds a clock_getres() probe per call). utime and stime
// are the kernel's split of that runtime, exported in 10 ms ticks; the clock gives the total to the
// nanosecond.
//
// Every read is pinned by one descriptor, a pidfd: stat and status are opened by path (and closed
// at once) and the CPU clock read by PID, then the pidfd must show that its process had not been
// reaped (a zero-timeout poll that is not readable: it has not even exited; once it has, signal 0
// through the pidfd answers ESRCH only after it is reaped, while a zombie answers 0, or EPERM for
// another user's). A PID is given to a new process only after the old one is reaped, so every
// read named the pinned process. Checked on Linux 6.18 as root: with the PID forced onto a new
// process (ns_last_pid), /proc/<pid>/stat and the CPU clock read the newcomer while the old pidfd
// answers ESRCH. The one-shot read (SampleUsage) opens a pidfd for it and closes it; a usage watch
// reads through its exit watch's pidfd (LinuxExitWatch::SampleUsage), so it holds one descriptor
// per process, not the three that holding stat and status open as well took (a supervisor
// watching 500 processes stays under the default limit of 1024). The price: opening the two files
// each time, ~3.4 us each here against a pread of a held file.
//
// Without pidfd_open (kernel < 5.3, a seccomp filter): the one-shot read checks the start stamp
// before and after (stat, status, stat) and Tgid == pid; a UsagePin holds the /proc/<pid>
// directory, one descriptor, and opens stat and status through it: a directory of a reaped process
// answers ESRCH to every open, so a recycled PID is never read through it (checked here too), and
// the CPU clock, read first by PID, counts because the stat opened after it still was the
// process's. Context switches: proc_pid_status(5) voluntary_ctxt_switches are those of one thread
// (the task the file names), not of the process, so they are not reported (null) on Linux.
#include <time.h>  // clock_gettime (here rather than above: this section is issue 23's own)

namespace pidproof {
namespace {

constexpr size_t kStatCap = 2048;  // a stat line is under 1.1 kB (52 fields, comm <= 16 bytes)
constexpr size_t kStatusCap = 64 * 1024;  // status grows with Groups:, Cpus_allowed: ...

// The CPU-time clock of process `pid` (include/linux/posix-timers_types.h MAKE_PROCESS_CPUCLOCK).
clockid_t ProcessCpuClock(int64_t pid) {
  return static_cast<clockid_t>((~static_cast<unsigned>(pid)) << 3) | 2;  // CPUCLOCK_SCHED
}

bool ReadCpuClockMs(int64_t pid, double* ms) {
  struct timespec ts;
  if (clock_gettime(ProcessCpuClock(pid), &ts) != 0) return false;
  *ms = static_cast<double>(ts.tv_sec) * 1000.0 + static_cast<double>(ts.tv_nsec) / 1e6;
  return true;
}

uint64_t PageSize() {
  static const uint64_t size = [] {
    long s = sysconf(_SC_PAGESIZE);
    return s > 0 ? static_cast<uint64_t>(s) : 4096u;
  }();
  return size;
}

char* StatusBuffer() {
  thread_local char buf[kStatusCap];
  return buf;
}

// Reads an open /proc file whole into buf (NUL-terminated). A /proc file is a seq_file: a read
// whose buffer holds the whole text gets it all, so a read that returned less than asked and ends
// a line is all of it, and the read that would only confirm EOF is skipped. -1 with errno.
ssize_t ReadOpened(int fd, char* buf, size_t cap) {
  size_t len = 0;
  const size_t max = cap - 1;
  while (len < max) {
    ssize_t n = read(fd, buf + len, max - len);
    if (n < 0) {
      if (errno == EINTR) continue;
      return -1;
    }
    if (n == 0) break;
    len += static_cast<size_t>(n);
    if (len < max && buf[len - 1] == '\n') break;  // short read ending a line: all of it
  }
  buf[len] = '\0';
  return static_cast<ssize_t>(len);
}

// Opens a /proc file by path, reads it whole, closes it. -1 with errno.
ssize_t ReadWhole(const char* path, char* buf, size_t cap) {
  int fd;
  do {
    fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY);
  } while (fd < 0 && errno == EINTR);
  if (fd < 0) return -1;
  ssize_t n = ReadOpened(fd, buf, cap);
  int err = errno;
  close(fd);
  errno = err;
  return n;
}

// A status text whose "Tgid:" is not `pid`: the PID is a thread id (which has a /proc entry too).
bool IsThreadId(const char* status, int64_t pid) {
  const char* t = strstr(status, "\nTgid:");
  if (t == nullptr) return false;
  t += 6;
  while (*t == ' ' || *t == '\t') ++t;
  const char* end = nullptr;
  uint64_t tgid = 0;
  return ParseU64(t, &end, &tgid) && static_cast<int64_t>(tgid) != pid;
}

// Builds the sample from what was read. `stat_n` < 0: stat unreadable (stat_err); same for status.
Status FinishUsage(int64_t pid, const char* stat, ssize_t stat_n, int stat_err, const char* status,
                   ssize_t status_n, int status_err, bool have_cpu, double cpu_ms, bool exited,
                   UsageSample* out) {
  Identity& id = out->identity;
  Usage& u = out->usage;
  if (stat_n < 0) {
    if (stat_err != ENOENT && stat_err != ESRCH && stat_err != EACCES && stat_err != EPERM) {
      char path[64];
      snprintf(path, sizeof(path), "/proc/%lld/stat", static_cast<long long>(pid));
      return Status::Error("open", stat_err, path);
    }
    // hidepid / a restricted /proc: the pin proves the process; only its CPU clock is readable.
    id.partial = true;
    if (exited) id.state = ProcState::kZombie;
    if (have_cpu) {
      u.has_cpu_total = true;
      u.cpu_total_ms = cpu_ms;
    }
    u.partial = true;
    u.detail = "/proc/" + std::to_string(pid) +
               " is hidden from this user (a hidepid mount of /proc): only the total CPU time "
               "(its CPU-time clock) is readable";
    return Status::Ok();
  }
  const size_t len = static_cast<size_t>(stat_n);
  logic::LinuxStatUsage su;
  if (!FillFromStat(stat, len, &id) || !logic::ParseLinuxStatUsage(stat, len, &su)) {
    return Status::Error("read", EINVAL, "unparsable /proc/" + std::to_string(pid) + "/stat");
  }
  if (exited) id.state = ProcState::kZombie;
  logic::LinuxUsageFromStat(su, GetBootCache().clk_tck, PageSize(), &u);
  u.has_cpu_total = true;
  u.cpu_total_ms = have_cpu ? cpu_ms : u.cpu_user_ms + u.cpu_system_ms;
  uint64_t kb = 0;
  if (status_n >= 0) {
    if (logic::ParseLinuxStatusKb(status, static_cast<size_t>(status_n), "VmHWM", &kb)) {
      u.has_peak_rss = true;
      u.peak_rss_bytes = kb * 1024u;
    }
  } else if (status_err != ESRCH && status_err != ENOENT) {
    u.partial = true;
    u.detail = "/proc/" + std::to_string(pid) + "/status: " + strerror(status_err) +
               " (peakRssBytes unknown)";
  }
  if (id.state == ProcState::kZombie) logic::ForExitedProcess(&u);
  return Status::Ok();
}

// Without pidfd_open (kernel < 5.3, a seccomp filter): stat, status, stat again; the start stamp
// read twice must agree (the PID did not change hands between the reads), and Tgid == pid.
Status SampleUsageWithoutPidfd(int64_t pid, UsageSample* out) {
  char stat_path[64];
  char status_path[64];
  snprintf(stat_path, sizeof(stat_path), "/proc/%lld/stat", static_cast<long long>(pid));
  snprintf(status_path, sizeof(status_path), "/proc/%lld/status", static_cast<long long>(pid));
  char* status = StatusBuffer();
  for (int attempt = 0; attempt < 4; ++attempt) {
    *out = UsageSample();
    out->identity.pid = pid;
    char stat[kStatCap];
    ssize_t n1 = ReadWhole(stat_path, stat, sizeof(stat));
    int e1 = n1 < 0 ? errno : 0;
    if (n1 < 0 && (e1 == ENOENT || e1 == ESRCH || e1 == EACCES || e1 == EPERM)) {
      if (kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH) return Status::NoSuchProcess();
      return FinishUsage(pid, stat, -1, e1, nullptr, -1, 0, false, 0, false, out);
    }
    ssize_t n2 = ReadWhole(status_path, status, kStatusCap);
    int e2 = n2 < 0 ? errno : 0;
    if (n2 >= 0 && IsThreadId(status, pid)) return Status::NoSuchProcess();
    char again[kStatCap];
    ssize_t n3 = ReadWhole(stat_path, again, sizeof(again));
    if (n3 < 0) {
      if (errno == ENOENT || errno == ESRCH) return Status::NoSuchProcess();  // gone meanwhile
      continue;
    }
    Identity a;
    Identity b;
    if (n1 >= 0 && FillFromStat(stat, static_cast<size_t>(n1), &a) &&
        FillFromStat(again, static_cast<size_t>(n3), &b) && a.start_token != b.start_token) {
      continue;  // the PID changed hands between the reads
    }
    return FinishUsage(pid, stat, n1, e1, status, n2, e2, false, 0, false, out);
  }
  return Status::NoSuchProcess();
}

// Reads `pid`'s stat, status and CPU-time clock by PID, then proves through `pidfd` (a pidfd opened
// for `pid`) that the process it pins had not been reaped when they were read, so they are its.
// `base`: the pinned identity (pid, pidfs inode) the stat fields are added to. 1: read (*out
// filled, or *st an error); 0: reaped, nothing of it can be read any more (the PID may name
// another process: what was read is dropped).
int ReadUsageOnPidfd(int64_t pid, int pidfd, const Identity& base, UsageSample* out, Status* st) {
  char stat_path[64];
  char status_path[64];
  snprintf(stat_path, sizeof(stat_path), "/proc/%lld/stat", static_cast<long long>(pid));
  snprintf(status_path, sizeof(status_path), "/proc/%lld/status", static_cast<long long>(pid));
  char* status = StatusBuffer();
  *out = UsageSample();
  out->identity = base;
  char stat[kStatCap];
  ssize_t n1 = ReadWhole(stat_path, stat, sizeof(stat));
  int e1 = n1 < 0 ? errno : 0;
  ssize_t n2 = ReadWhole(status_path, status, kStatusCap);
  int e2 = n2 < 0 ? errno : 0;
  double cpu_ms = 0;
  bool have_cpu = ReadCpuClockMs(pid, &cpu_ms);
  // The proof, after every read: not exited (poll), or exited and not yet reaped (signal 0).
  int exited = PidfdExited(pidfd);
  if (exited < 0) {
    *st = Status::Error("poll", errno);
    return 1;
  }
  if (exited == 1 && RawPidfdSendSignal(pidfd, 0) != 0 && errno == ESRCH) return 0;
  *st = FinishUsage(pid, stat, n1, e1, status, n2, e2, have_cpu, cpu_ms, exited == 1, out);
  return 1;
}

}  // namespace

Status SampleUsage(int64_t pid, UsageSample* out) {
  if (pid < 1 || pid > kMaxPid) return Status::Error("SampleUsage", EINVAL, "pid out of range");
  // Pin, read, confirm (as ProbeProcess): retried if the pinned process was reaped during the
  // reads (the PID may then name a new process). The pidfd is closed before returning.
  for (int attempt = 0; attempt < 4; ++attempt) {
    Status st;
    int pidfd = OpenPidfd(pid, &st);
    if (pidfd < 0) {
      if (st.code == Status::kUnsupported) return SampleUsageWithoutPidfd(pid, out);
      return st;
    }
    Identity base;
    StartPinned(pid, pidfd, &base);
    int read = ReadUsageOnPidfd(pid, pidfd, base, out, &st);
    close(pidfd);
    if (read == 0) continue;
    return st;
  }
  return Status::NoSuchProcess();  // kept being reaped and reused under us
}

void SampleUsageMany(const int64_t* pids, size_t n, UsageSample* out, Status* statuses) {
  for (size_t i = 0; i < n; ++i) statuses[i] = SampleUsage(pids[i], &out[i]);
}

namespace {

// A pin by pidfd alone (OpenUsagePin where pidfd_open works; watchUsage reads through its exit
// watch's pidfd instead, which is the same read).
class LinuxPidfdUsagePin : public UsagePin {
 public:
  LinuxPidfdUsagePin(int64_t pid, int pidfd) : pid_(pid), pidfd_(pidfd) {
    StartPinned(pid, pidfd, &base_);
  }
  ~LinuxPidfdUsagePin() override { close(pidfd_); }
  LinuxPidfdUsagePin(const LinuxPidfdUsagePin&) = delete;
  LinuxPidfdUsagePin& operator=(const LinuxPidfdUsagePin&) = delete;

  Status Sample(UsageSample* out) override {
    Status st;
    if (ReadUsageOnPidfd(pid_, pidfd_, base_, out, &st) == 0) return Status::NoSuchProcess();
    return st;
  }

 private:
  int64_t pid_;
  int pidfd_;
  Identity base_;
};

// Opens `name` through the held /proc/<pid> directory and reads it whole. -1 with errno.
ssize_t ReadAt(int dirfd, const char* name, char* buf, size_t cap) {
  int fd;
  do {
    fd = openat(dirfd, name, O_RDONLY | O_CLOEXEC | O_NOCTTY);
  } while (fd < 0 && errno == EINTR);
  if (fd < 0) return -1;
  ssize_t n = ReadOpened(fd, buf, cap);
  int err = errno;
  close(fd);
  errno = err;
  return n;
}

// Without pidfd_open: the /proc/<pid> directory held, every file opened through it.
class LinuxProcDirUsagePin : public UsagePin {
 public:
  LinuxProcDirUsagePin(int64_t pid, int dirfd) : pid_(pid), dirfd_(dirfd) {}
  ~LinuxProcDirUsagePin() override { close(dirfd_); }
  LinuxProcDirUsagePin(const LinuxProcDirUsagePin&) = delete;
  LinuxProcDirUsagePin& operator=(const LinuxProcDirUsagePin&) = delete;

  Status Sample(UsageSample* out) override {
    *out = UsageSample();
    out->identity.pid = pid_;
    // The clock first: a stat opened through the directory after it proves the process was not
    // reaped yet, so the clock read by PID was its own.
    double cpu_ms = 0;
    bool have_cpu = ReadCpuClockMs(pid_, &cpu_ms);
    char stat[kStatCap];
    ssize_t n1 = ReadAt(dirfd_, "stat", stat, sizeof(stat));
    if (n1 < 0) {
      if (errno == ESRCH || errno == ENOENT) return Status::NoSuchProcess();  // reaped
      return Status::Error("read", errno, "/proc/" + std::to_string(pid_) + "/stat");
    }
    char* status = StatusBuffer();
    ssize_t n2 = ReadAt(dirfd_, "status", status, kStatusCap);
    int e2 = n2 < 0 ? errno : 0;
    if (n2 < 0 && (e2 == ESRCH || e2 == ENOENT)) return Status::NoSuchProcess();
    return FinishUsage(pid_, stat, n1, 0, status, n2, e2, have_cpu, cpu_ms, false, out);
  }

 private:
  int64_t pid_;
  int dirfd_;
};

}  // namespace

Status OpenUsagePin(int64_t pid, std::unique_ptr<UsagePin>* out) {
  if (pid < 1 || pid > kMaxPid) return Status::Error("OpenUsagePin", EINVAL, "pid out of range");
  Status st;
  int pidfd = OpenPidfd(pid, &st);
  if (pidfd >= 0) {
    out->reset(new LinuxPidfdUsagePin(pid, pidfd));  // owns the pidfd from here
    return Status::Ok();
  }
  if (st.code != Status::kUnsupported) return st;
  // No pidfd_open: hold /proc/<pid>. A thread id has a directory there too (not listed): Tgid.
  char path[64];
  snprintf(path, sizeof(path), "/proc/%lld", static_cast<long long>(pid));
  int dirfd;
  do {
    dirfd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  } while (dirfd < 0 && errno == EINTR);
  if (dirfd < 0) {
    int err = errno;
    if (err == EMFILE || err == ENFILE || err == ENOMEM) return Status::Error("open", err, path);
    if (kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH) return Status::NoSuchProcess();
    // hidepid (or a restricted /proc): nothing to hold; the caller samples one-shot and compares.
    return Status::Unsupported("open", err, "/proc/<pid> cannot be opened by this user");
  }
  char* status = StatusBuffer();
  ssize_t n = ReadAt(dirfd, "status", status, kStatusCap);
  if (n < 0 || IsThreadId(status, pid)) {
    int err = errno;
    close(dirfd);
    if (n >= 0 || err == ESRCH || err == ENOENT) return Status::NoSuchProcess();  // a thread; gone
    return Status::Error("read", err, std::string(path) + "/status");
  }
  out->reset(new LinuxProcDirUsagePin(pid, dirfd));
  return Status::Ok();
}

}  // namespace pidproof
