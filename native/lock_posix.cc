// Kernel advisory locks on POSIX (Linux, macOS, FreeBSD): flock(2), never blocking.
//
// flock(2): LOCK_EX|LOCK_NB fails with EWOULDBLOCK when another open file description holds the
// lock; the lock belongs to the open file description and is released when its last descriptor
// closes (so when its holder dies). Filesystems without locks answer ENOLCK, ENOTSUP/EOPNOTSUPP
// or ENOSYS: reported as kUnsupported, and the lock core falls back to its lease mode.
#include <errno.h>
#include <sys/file.h>

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

}  // namespace pidproof
