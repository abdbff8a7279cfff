// A record on a directory where the OS keeps no extended attributes pidproof can use (Windows, and
// operating systems without a native backend): kUnsupported, and the proper-lockfile drop-in keeps
// proper-lockfile's mtime rules alone. See platform.h, "A record on a directory".
#include "platform.h"

namespace pidproof {

namespace {
// ENOTSUP's value on Linux/glibc (95): a number for `.errno`; the code the glue reports is
// ENOTSUP whatever the OS.
constexpr int64_t kNotSupported = 95;
}  // namespace

Status ReadDirRecord(intptr_t, std::string* out, bool* found) {
  out->clear();
  *found = false;
  return Status::Unsupported("ReadDirRecord", kNotSupported);
}

Status WriteDirRecord(intptr_t, const uint8_t*, size_t) {
  return Status::Unsupported("WriteDirRecord", kNotSupported);
}

Status EngageDirRecord(const char*, double, double, const uint8_t*, size_t, EngageResult* out) {
  *out = EngageResult();
  return Status::Unsupported("EngageDirRecord", kNotSupported);
}

Status CloseDirRecord(int, const char*, bool* guard_exists) {
  *guard_exists = false;
  return Status::Unsupported("CloseDirRecord", kNotSupported);
}

}  // namespace pidproof
