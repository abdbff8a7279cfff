// Kernel advisory locks on POSIX (Linux, macOS, FreeBSD): flock(2), never blocking.
//
// flock(2): LOCK_EX|LOCK_NB fails with EWOULDBLOCK when another open file description holds the
// lock; the lock belongs to the open file description and is released when its last descriptor
// closes (so when its holder dies). Filesystems without locks answer ENOLCK, ENOTSUP/EOPNOTSUPP
// or ENOSYS: reported as kUnsupported, and the lock core falls back to its lease mode.
#include <errno.h>
#include <fcntl.h>
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

// Closes `fd` and removes `path` after a failed publish, keeping errno for the caller's Status.
void Discard(int fd, const char* path) {
  int err = errno;
  close(fd);
  unlink(path);
  errno = err;
}

}  // namespace

// The syscalls of an uncontended publish, nothing more: open, fstat (dev/ino, and the mode the
// umask left), fchmod only when that mode is not `mode`, flock, pwrite, link, unlink. A named temp
// file rather than O_TMPFILE: the contended path renames it over a stale lock, and O_TMPFILE's
// linkat needs /proc or CAP_DAC_READ_SEARCH and exists on Linux only (bench/c/lock_loop.c times
// both: on ext4 they cost the same).
Status PublishLockFile(const char* tmp_path, const char* lock_path, int mode,
                       const uint8_t* payload, size_t len, PublishResult* out) {
  *out = PublishResult();
  if (tmp_path == nullptr || lock_path == nullptr || (payload == nullptr && len != 0)) {
    return Status::Error("PublishLockFile", EINVAL, "missing argument");
  }
  if (mode < 0 || (mode & ~0777) != 0) return Status::Error("PublishLockFile", EINVAL, "bad mode");
  int fd;
  do {
    fd = open(tmp_path, O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC,
              static_cast<mode_t>(mode));
  } while (fd < 0 && errno == EINTR);
  if (fd < 0) return Status::Error("open", errno, tmp_path);
  struct stat sb;
  if (fstat(fd, &sb) != 0) {
    Discard(fd, tmp_path);
    return Status::Error("fstat", errno, tmp_path);
  }
  if ((sb.st_mode & 07777) != static_cast<mode_t>(mode) &&
      fchmod(fd, static_cast<mode_t>(mode)) != 0) {
    Discard(fd, tmp_path);
    return Status::Error("fchmod", errno, tmp_path);
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
    Discard(fd, tmp_path);
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
      Discard(fd, tmp_path);
      out->fd = -1;
      return Status::Error("write", errno, tmp_path);
    }
    done += static_cast<size_t>(n);
  }
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
  if (fd < 0 || lock_path == nullptr || guard_path == nullptr) {
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
  out->guard_exists = lstat(guard_path, &sb) == 0;
  return Status::Ok();
}

}  // namespace pidproof
