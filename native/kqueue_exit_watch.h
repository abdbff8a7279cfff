// The kqueue exit watch shared by macOS and FreeBSD (kqueue_exit_watch.cc): private to native/,
// like lock_posix.cc for flock. What differs between the two kernels is how the process table is
// read; each backend supplies that through the two functions below.
#ifndef PIDPROOF_NATIVE_KQUEUE_EXIT_WATCH_H_
#define PIDPROOF_NATIVE_KQUEUE_EXIT_WATCH_H_

#include <cstdint>
#include <string>

#include "platform.h"

namespace pidproof {

// One read of the process table entry of a PID (macOS, FreeBSD: sysctl KERN_PROC_PID). Exited:
// a zombie, or on macOS a process that is exiting (P_WEXIT), to which kevent refuses to attach.
struct KqueueTableEntry {
  bool listed = false;     // a process has this PID
  bool exited = false;     // ... and it has exited
  bool has_start = false;  // its start stamp, which tells it from a later holder of the PID
  uint64_t start = 0;
  // Not listed, but the kernel may be hiding it from this caller (FreeBSD): the settings that can
  // hide it (logic.h BsdHidingReason). Empty when "not listed" is a proof.
  std::string hidden_by;
};

// Implemented by platform_darwin.cc and platform_freebsd.cc. An error Status when the table could
// not be read; Ok with entry->listed == false when no process has the PID.
Status ReadKqueueTableEntry(int64_t pid, KqueueTableEntry* entry);

// The per-boot unique id of the process with this PID, where the OS has one (macOS p_uniqueid).
bool ReadKqueueUniqueId(int64_t pid, uint64_t* out);

}  // namespace pidproof

#endif  // PIDPROOF_NATIVE_KQUEUE_EXIT_WATCH_H_
