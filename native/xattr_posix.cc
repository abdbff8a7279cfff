// A record on a directory, kept in the directory inode's own extended attributes (POSIX systems
// with xattrs: Linux, macOS, FreeBSD). See platform.h, "A record on a directory".
//
// The attribute dies with the inode: rmdir(2) of a directory that carries one succeeds (a stock
// proper-lockfile process removing a stale lock is unaffected) and frees it, and a directory made
// later, even with a recycled inode number, starts without one. Filesystems without such
// attributes (or with them disabled, e.g. tmpfs before Linux 6.6 for the user namespace, NFS before
// 4.2) answer ENOTSUP/EOPNOTSUPP: kUnsupported, and the drop-in keeps proper-lockfile's mtime
// rules alone there.
#include <errno.h>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <time.h>
#include <unistd.h>

#if defined(__linux__)
#include <sys/xattr.h>
#elif defined(__APPLE__)
#if __has_include(<sys/xattr.h>)
#include <sys/xattr.h>
#else
// The macOS headers `npm run check:cross` compiles against (zig's) lack <sys/xattr.h>; libSystem
// has these, as xattr(2) documents them.
extern "C" {
ssize_t fgetxattr(int fd, const char* name, void* value, size_t size, uint32_t position,
                  int options);
int fsetxattr(int fd, const char* name, const void* value, size_t size, uint32_t position,
              int options);
}
#endif
#elif defined(__FreeBSD__)
#if __has_include(<sys/extattr.h>)
#include <sys/extattr.h>
#else
// The FreeBSD headers `npm run check:cross` vendors (.ci/cross/third_party) do not include
// <sys/extattr.h>; libc has these, as extattr(2) documents them, and the user namespace is 1.
#define EXTATTR_NAMESPACE_USER 1
extern "C" {
ssize_t extattr_get_fd(int fd, int attrnamespace, const char* attrname, void* data, size_t nbytes);
ssize_t extattr_set_fd(int fd, int attrnamespace, const char* attrname, const void* data,
                       size_t nbytes);
}
#endif
#endif

#include "platform.h"

// ENOATTR: "no such attribute" (macOS 93, FreeBSD 87), where the headers at hand lack it.
#if defined(__APPLE__) && !defined(ENOATTR)
#define ENOATTR 93
#endif
#if defined(__FreeBSD__) && !defined(ENOATTR)
#define ENOATTR 87
#endif

namespace pidproof {

namespace {

#if defined(__linux__)
const char kName[] = "user.pidproof";
ssize_t GetAttr(int fd, void* buf, size_t n) { return fgetxattr(fd, kName, buf, n); }
int SetAttr(int fd, const void* data, size_t n) { return fsetxattr(fd, kName, data, n, 0); }
bool Absent(int err) { return err == ENODATA; }
#elif defined(__APPLE__)
const char kName[] = "org.pidproof.holder";
ssize_t GetAttr(int fd, void* buf, size_t n) { return fgetxattr(fd, kName, buf, n, 0, 0); }
int SetAttr(int fd, const void* data, size_t n) { return fsetxattr(fd, kName, data, n, 0, 0); }
bool Absent(int err) { return err == ENOATTR; }
#elif defined(__FreeBSD__)
const char kName[] = "pidproof";
ssize_t GetAttr(int fd, void* buf, size_t n) {
  return extattr_get_fd(fd, EXTATTR_NAMESPACE_USER, kName, buf, n);
}
int SetAttr(int fd, const void* data, size_t n) {
  return extattr_set_fd(fd, EXTATTR_NAMESPACE_USER, kName, data, n) < 0 ? -1 : 0;
}
bool Absent(int err) { return err == ENOATTR; }
#endif

bool NoAttributes(int err) { return err == ENOTSUP || err == EOPNOTSUPP || err == ENOSYS; }

}  // namespace

Status ReadDirRecord(intptr_t os_handle, std::string* out, bool* found) {
  out->clear();
  *found = false;
  int fd = static_cast<int>(os_handle);
  if (fd < 0) return Status::Error("fgetxattr", EBADF);
  // One byte more than the cap: a longer value (FreeBSD truncates silently) is told apart.
  char buf[kDirRecordCap + 1];
  ssize_t n;
  do {
    n = GetAttr(fd, buf, sizeof(buf));
  } while (n < 0 && errno == EINTR);
  if (n < 0) {
    int err = errno;
    if (Absent(err)) return Status::Ok();
    if (err == ERANGE) {  // larger than the buffer: not a record pidproof wrote
      *found = true;
      return Status::Ok();
    }
    if (NoAttributes(err)) return Status::Unsupported("fgetxattr", err);
    return Status::Error("fgetxattr", err);
  }
  *found = true;
  if (static_cast<size_t>(n) <= kDirRecordCap) out->assign(buf, static_cast<size_t>(n));
  return Status::Ok();
}

Status WriteDirRecord(intptr_t os_handle, const uint8_t* data, size_t len) {
  int fd = static_cast<int>(os_handle);
  if (fd < 0) return Status::Error("fsetxattr", EBADF);
  if (len > kDirRecordCap) return Status::Error("fsetxattr", E2BIG);
  int r;
  do {
    r = SetAttr(fd, data, len);
  } while (r != 0 && errno == EINTR);
  if (r == 0) return Status::Ok();
  int err = errno;
  if (NoAttributes(err)) return Status::Unsupported("fsetxattr", err);
  return Status::Error("fsetxattr", err);
}

Status EngageDirRecord(const char* dir_path, double dev, double ino, const uint8_t* data,
                       size_t len, EngageResult* out) {
  *out = EngageResult();
  if (dir_path == nullptr || (data == nullptr && len != 0)) {
    return Status::Error("EngageDirRecord", EINVAL, "missing argument");
  }
  int fd;
  do {
    fd = open(dir_path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  } while (fd < 0 && errno == EINTR);
  if (fd < 0) {
    out->why = 1;
    out->err = errno;
    return Status::Ok();
  }
  struct stat sb;
  if (fstat(fd, &sb) != 0 || !S_ISDIR(sb.st_mode) || static_cast<double>(sb.st_dev) != dev ||
      static_cast<double>(sb.st_ino) != ino) {
    close(fd);
    out->why = 1;
    return Status::Ok();
  }
  int r = -1;
  for (int i = 0; i < 5; i++) {
    do {
      r = flock(fd, LOCK_EX | LOCK_NB);
    } while (r != 0 && errno == EINTR);
    if (r == 0 || (errno != EWOULDBLOCK && errno != EAGAIN) || i == 4) break;
    struct timespec ts = {0, 50000L * (i + 1)};
    nanosleep(&ts, nullptr);
  }
  if (r != 0) {
    int err = errno;
    close(fd);
    out->why = (err == EWOULDBLOCK || err == EAGAIN) ? 2 : 3;
    out->err = err;
    return Status::Ok();
  }
  Status w = WriteDirRecord(fd, data, len);
  if (!w.ok()) {
    close(fd);  // drops the flock with it
    out->why = w.code == Status::kUnsupported ? 3 : 4;
    out->err = static_cast<int>(w.sys_errno);
    return Status::Ok();
  }
  out->fd = fd;
  return Status::Ok();
}

Status CloseDirRecord(int fd, const char* guard_path, bool* guard_exists) {
  *guard_exists = false;
  if (fd >= 0) close(fd);
  if (guard_path == nullptr) return Status::Ok();
  struct stat sb;
  *guard_exists = lstat(guard_path, &sb) == 0;
  return Status::Ok();
}

}  // namespace pidproof
