// The host name on POSIX (Linux, macOS, FreeBSD), shared by their ProbeBoot. Private to native/.
#ifndef PIDPROOF_NATIVE_POSIX_HOST_H_
#define PIDPROOF_NATIVE_POSIX_HOST_H_

#include <errno.h>
#include <unistd.h>

#include <string>

#include "platform.h"

namespace pidproof {

// gethostname(2); the last byte is forced to NUL because POSIX leaves a truncated name
// unterminated. 256 bytes: MAXHOSTNAMELEN on macOS and FreeBSD (Linux's HOST_NAME_MAX is 64).
inline Status ReadHostname(std::string* out) {
  char host[257];
  if (gethostname(host, sizeof(host) - 1) != 0) return Status::Error("gethostname", errno);
  host[sizeof(host) - 1] = '\0';
  *out = host;
  return Status::Ok();
}

}  // namespace pidproof

#endif  // PIDPROOF_NATIVE_POSIX_HOST_H_
