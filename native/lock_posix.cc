// Kernel advisory locks on POSIX (Linux, macOS, FreeBSD): flock(2), never blocking.
//
// flock(2): LOCK_EX|LOCK_NB fails with EWOULDBLOCK when another open file description holds the
// lock; the lock belongs to the open file description and is released when its last descriptor
// closes (so when its holder dies). Filesystems without locks answer ENOLCK, ENOTSUP/EOPNOTSUPP
// or ENOSYS: reported as kUnsupported, and the lock core falls back to its lease mode.
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "platform.h"

namespace pidproof {

Status TryLockFile(intptr_t os_handle, bool exclusive, LockResult* out) {
  int fd = static_cast<int>(os_handle);
  if (fd < 0) return Status::Error("flock", EBADF);
  int r;
  do {
    r = flock(fd, (exclusive ? LOCK_EX : LOCK_SH) | LOCK_NB);
  } while (r != 0 && errno == EINTR);
  if (r == 0) {
    *out = LockResult::kAcquired;
    return Status::Ok();
  }
  int err = errno;
  if (err == EWOULDBLOCK || err == EAGAIN) {
    *out = LockResult::kWouldBlock;
    return Status::Ok();
  }
  if (err == ENOLCK || err == ENOTSUP || err == EOPNOTSUPP || err == ENOSYS) {
    return Status::Unsupported("flock", err);
  }
  return Status::Error("flock", err);
}

Status UnlockFile(intptr_t os_handle) {
  int fd = static_cast<int>(os_handle);
  if (fd < 0) return Status::Error("flock", EBADF);
  int r;
  do {
    r = flock(fd, LOCK_UN);
  } while (r != 0 && errno == EINTR);
  if (r != 0) return Status::Error("flock", errno);
  return Status::Ok();
}

namespace {

// Closes `fd` and removes `path` (null: an unnamed file, nothing to remove) after a failed
// publish, keeping errno for the caller's Status.
void Discard(int fd, const char* path) {
  int err = errno;
  close(fd);
  if (path != nullptr) unlink(path);
  errno = err;
}

// What a fresh temp file needs before it is linked: dev/ino, exactly `mode`, the kernel lock, the
// payload. `path`: its name (null: unnamed). On failure the file is discarded and the Status says
// why; kNoKernelLock leaves it open, with its mode, unwritten.
Status Prepare(int fd, const char* path, const char* name_for_errors, int mode,
               const uint8_t* payload, size_t len, PublishResult* out) {
  struct stat sb;
  if (fstat(fd, &sb) != 0) {
    Discard(fd, path);
    return Status::Error("fstat", errno, name_for_errors);
  }
  if ((sb.st_mode & 07777) != static_cast<mode_t>(mode) &&
      fchmod(fd, static_cast<mode_t>(mode)) != 0) {
    Discard(fd, path);
    return Status::Error("fchmod", errno, name_for_errors);
  }
  out->fd = fd;
  out->dev = static_cast<uint64_t>(sb.st_dev);
  out->ino = static_cast<uint64_t>(sb.st_ino);
  LockResult lr;
  Status ls = TryLockFile(fd, true, &lr);
  if (ls.code == Status::kUnsupported) {
    out->outcome = PublishResult::kNoKernelLock;
    return Status::Ok();
  }
  if (!ls.ok() || lr != LockResult::kAcquired) {
    Discard(fd, path);
    out->fd = -1;
    if (!ls.ok()) return ls;
    return Status::Error("flock", EWOULDBLOCK, "a fresh temp file is already locked");
  }
  size_t done = 0;
  while (done < len) {
    ssize_t n = pwrite(fd, payload + done, len - done, static_cast<off_t>(done));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      if (n == 0) errno = EIO;
      Discard(fd, path);
      out->fd = -1;
      return Status::Error("write", errno, name_for_errors);
    }
    done += static_cast<size_t>(n);
  }
  out->outcome = PublishResult::kAcquired;
  return Status::Ok();
}

// An unnamed temp file in `lock_path`'s directory (Linux O_TMPFILE), or -1 with errno.
int OpenUnnamed(const char* lock_path, int mode) {
#ifdef O_TMPFILE
  const char* slash = strrchr(lock_path, '/');
  size_t n =
      slash == nullptr ? 0 : (slash == lock_path ? 1 : static_cast<size_t>(slash - lock_path));
  char dir[4097];
  if (n == 0 || n >= sizeof(dir)) {
    errno = EINVAL;
    return -1;
  }
  memcpy(dir, lock_path, n);
  dir[n] = '\0';
  int fd;
  do {
    fd = open(dir, O_TMPFILE | O_RDWR | O_CLOEXEC, static_cast<mode_t>(mode));
  } while (fd < 0 && errno == EINTR);
  return fd;
#else
  (void)lock_path;
  (void)mode;
  errno = EOPNOTSUPP;
  return -1;
#endif
}

// Links the unnamed file `fd` at `to`: by its descriptor (AT_EMPTY_PATH: its opener may, from
// Linux 6.10; before, only with CAP_DAC_READ_SEARCH, and the kernel answers ENOENT), else through
// /proc/self/fd. 0, or -1 with errno (ENOENT: it cannot be linked from here, or `to`'s directory
// is gone).
int LinkUnnamed(int fd, const char* to) {
#if defined(O_TMPFILE) && defined(AT_EMPTY_PATH)
  if (linkat(fd, "", AT_FDCWD, to, AT_EMPTY_PATH) == 0) return 0;
  if (errno != ENOENT) return -1;
  char proc[48];
  snprintf(proc, sizeof(proc), "/proc/self/fd/%d", fd);
  return linkat(AT_FDCWD, proc, AT_FDCWD, to, AT_SYMLINK_FOLLOW);
#else
  (void)fd;
  (void)to;
  errno = ENOENT;
  return -1;
#endif
}

// The unnamed publish. Returns false (nothing left behind, `out` reset) when it did not publish:
// the lock is held (EEXIST), the link failed otherwise, there is no kernel lock here, or unnamed
// files cannot be made or linked here (unnamed_unavailable): the caller publishes with a named
// temp file instead, which is what every path but the uncontended one works with (and what the
// directory watch of other contenders sees rewritten while this one waits: writes through an
// unnamed file's descriptor are reported under no usable name, even after a link).
bool PublishUnnamed(const char* lock_path, int mode, const uint8_t* payload, size_t len,
                    PublishResult* out, Status* st) {
  int fd = OpenUnnamed(lock_path, mode);
  if (fd < 0) {
    // No O_TMPFILE on this kernel (EISDIR, EINVAL) or filesystem (EOPNOTSUPP). Any other error
    // (EACCES, EROFS, ENOSPC...) the named create meets too, and reports by its name.
    if (errno == EOPNOTSUPP || errno == ENOTSUP || errno == EISDIR || errno == EINVAL) {
      out->unnamed_unavailable = true;
    }
    return false;
  }
  *st = Prepare(fd, nullptr, lock_path, mode, payload, len, out);
  if (!st->ok()) return true;
  if (out->outcome == PublishResult::kAcquired && LinkUnnamed(fd, lock_path) == 0) {
    out->unnamed = true;
    return true;  // published: no temp name, ever
  }
  bool unavailable = out->outcome == PublishResult::kAcquired && errno == ENOENT;
  close(fd);
  *out = PublishResult();
  // ENOENT: it cannot be linked from here (no /proc, an older kernel without the capability), or
  // the directory is gone: the named path says which.
  out->unnamed_unavailable = unavailable;
  return false;
}

}  // namespace

// The syscalls of an uncontended publish, nothing more. Named: open, fstat (dev/ino, and the mode
// the umask left), fchmod only when that mode is not `mode`, flock, pwrite, link, unlink. Unnamed
// (Linux, `unnamed`): open O_TMPFILE, fstat, (fchmod), flock, pwrite, linkat: two directory
// updates per acquire+release instead of four, and nothing to leave behind if the process dies
// before the link. When the lock is held, the unnamed file is dropped and the named publish runs
// (six syscalls more, on the contended path only).
Status PublishLockFile(const char* tmp_path, const char* lock_path, int mode,
                       const uint8_t* payload, size_t len, bool unnamed, PublishResult* out) {
  *out = PublishResult();
  if (tmp_path == nullptr || lock_path == nullptr || (payload == nullptr && len != 0)) {
    return Status::Error("PublishLockFile", EINVAL, "missing argument");
  }
  if (mode < 0 || (mode & ~0777) != 0) return Status::Error("PublishLockFile", EINVAL, "bad mode");
  if (unnamed) {
    Status st = Status::Ok();
    if (PublishUnnamed(lock_path, mode, payload, len, out, &st)) return st;
  }
  bool unavailable = out->unnamed_unavailable;
  *out = PublishResult();
  out->unnamed_unavailable = unavailable;
  int fd;
  do {
    fd = open(tmp_path, O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC,
              static_cast<mode_t>(mode));
  } while (fd < 0 && errno == EINTR);
  if (fd < 0) return Status::Error("open", errno, tmp_path);
  Status st = Prepare(fd, tmp_path, tmp_path, mode, payload, len, out);
  if (!st.ok() || out->outcome == PublishResult::kNoKernelLock) return st;
  if (link(tmp_path, lock_path) != 0) {
    out->link_errno = errno;
    out->outcome = out->link_errno == EEXIST ? PublishResult::kExists : PublishResult::kLinkFailed;
    return Status::Ok();
  }
  unlink(tmp_path);  // linked: the temp name only litters now (a failure leaves a harmless name)
  out->outcome = PublishResult::kAcquired;
  return Status::Ok();
}

Status ReleaseLockFile(int fd, const char* lock_path, double dev, double ino,
                       const char* guard_path, ReleaseResult* out) {
  *out = ReleaseResult();
  if (fd < 0 || lock_path == nullptr) {
    return Status::Error("ReleaseLockFile", EINVAL, "missing argument");
  }
  struct stat sb;
  if (lstat(lock_path, &sb) == 0) {
    if (static_cast<double>(sb.st_dev) == dev && static_cast<double>(sb.st_ino) == ino) {
      unlink(lock_path);  // failed: nothing else to do (counted as removed, as in TypeScript)
    } else {
      out->removed = false;  // another file has the name: never touch it
    }
  } else if (errno == ENOENT || errno == ENOTDIR) {
    out->removed = false;  // gone: removed or broken by someone else
  }
  close(fd);
  out->guard_exists = guard_path != nullptr && lstat(guard_path, &sb) == 0;
  return Status::Ok();
}

}  // namespace pidproof
