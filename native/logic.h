// Pure decision functions of the native backends: no OS headers, no system calls. They hold the
// rules that turn kernel answers into pidproof's answers, so that the rules of kernels this
// machine cannot run (macOS, FreeBSD) are unit-tested on Linux against recorded kernel answers
// (test/native/logic_test.cc, run by test/native-logic.test.ts). The backends read the kernel and
// call these; the constants below are checked against the OS headers by static_asserts in the
// backends, which `npm run check:cross` compiles.
#ifndef PIDPROOF_NATIVE_LOGIC_H_
#define PIDPROOF_NATIVE_LOGIC_H_

#include <cstddef>
#include <cstdint>
#include <string>

#include "platform.h"

namespace pidproof {
namespace logic {

// ---- macOS (XNU) process state ---------------------------------------------------------------
// struct extern_proc (bsd/sys/proc.h): p_stat SIDL 1, SRUN 2, SSLEEP 3, SSTOP 4, SZOMB 5; p_flag
// P_WEXIT 0x2000. kern_sysctl.c fill_user64_externproc() sets P_WEXIT in kinfo_proc whenever the
// kernel's P_LEXIT is set: exit_with_reason() sets it before anything is torn down, and
// proc_prepareexit() then moves the proc to the zombie list and marks it P_REF_DEAD, so proc_find()
// (and with it an EVFILT_PROC registration) fails with ESRCH, while sysctl KERN_PROC_PID, which
// walks the zombie list too, still lists it with p_stat SRUN/SSLEEP until proc_exit() sets SZOMB,
// after thread teardown, aio and closing every file. A process in SIDL is never listed
// (proc_iterate() skips processes being forked).
constexpr int kXnuSIdl = 1;
constexpr int kXnuSRun = 2;
constexpr int kXnuSSleep = 3;
constexpr int kXnuSStop = 4;
constexpr int kXnuSZomb = 5;
constexpr int kXnuPWExit = 0x00002000;

// Exited: a zombie, or exiting (P_WEXIT). Either way it has called exit and runs no more code of
// its own, and the kernel no longer lets anyone attach to it.
bool XnuHasExited(int p_stat, int p_flag);
// The state pidproof reports: exited (SZOMB or P_WEXIT) is kZombie.
ProcState XnuState(int p_stat, int p_flag);

// ---- FreeBSD process visibility --------------------------------------------------------------
// p_cansee() (sys/kern/kern_prot.c) answers ESRCH, not EPERM, for a process the caller may not
// see: cr_canseeotheruids() when security.bsd.see_other_uids=0 and the real uids differ,
// cr_canseeothergids() for see_other_gids=0 without a shared group, cr_canseejailproc() for
// see_jail_proc=0 and another jail, prison_check() for any process outside the caller's jail;
// the mac_seeotheruids policy likewise. Root (effective uid 0) is exempt from the first three
// through priv_check_cred() while security.bsd.suser_enabled is non-zero, never from a jail.
// sysctl KERN_PROC_PID, kill(2) and EVFILT_PROC all go through p_cansee(). So where hiding can
// apply to the caller, ESRCH does not prove that no process has the PID.
constexpr int kSysctlAbsent = -1;      // the sysctl does not exist: that policy is not there
constexpr int kSysctlUnreadable = -2;  // it exists (or may) but could not be read
struct BsdVisibility {
  int see_other_uids = 1;                // security.bsd.see_other_uids
  int see_other_gids = 1;                // security.bsd.see_other_gids
  int see_jail_proc = 1;                 // security.bsd.see_jail_proc (FreeBSD >= 11)
  int suser_enabled = 1;                 // security.bsd.suser_enabled
  int jailed = 0;                        // security.jail.jailed
  int mac_seeotheruids = kSysctlAbsent;  // security.mac.seeotheruids.enabled (module loaded)
  bool caller_is_root = false;           // geteuid() == 0
};
// Empty when an ESRCH from the kernel proves that no process has the PID; otherwise the settings
// that can hide a process from this caller, e.g. "security.bsd.see_other_uids=0".
std::string BsdHidingReason(const BsdVisibility& v);

// ---- kqueue exit watch registration (macOS, FreeBSD) -----------------------------------------
// EVFILT_PROC registration failed with ESRCH; the process table was read next.
enum class AttachEsrch {
  kNoSuchProcess,  // not listed, and that is a proof
  kHidden,         // not listed, but hiding can apply: no proof either way (kUnsupported)
  kExited,         // listed as exited (zombie, or exiting on macOS): the watch fires at once
  kRetry,          // listed and running: the PID changed hands between the two calls
  kGiveUp,         // ... and still so after the last attempt
};
AttachEsrch AfterAttachEsrch(bool listed, bool exited, bool hiding_possible, int attempt,
                             int attempts);

// ---- uniqueId strings crossing into C++ --------------------------------------------------------
// The one rule for a uniqueId, shared with lib/validate.ts: a decimal string without leading
// zeros ("0" itself allowed), 1 to 20 digits, value <= 18446744073709551615. `s` is the UTF-8
// text and `len` its full length in bytes (never a truncated copy).
enum class UniqueIdParse {
  kOk,
  kNotDecimal,  // empty, a non-digit (any byte outside '0'..'9'), a leading zero, > 20 digits
  kTooLarge,    // 20 digits above 2^64 - 1
};
UniqueIdParse ParseUniqueId(const char* s, size_t len, uint64_t* out);

// ---- command lines (issue 12) -----------------------------------------------------------------
// Joins NUL-separated arguments (Linux /proc/<pid>/cmdline, FreeBSD KERN_PROC_ARGS, the argv part
// of macOS KERN_PROCARGS2) with single spaces; trailing NULs (padding left by processes that
// rewrite their title) are dropped. Keeps at most `max` bytes, cut back to a UTF-8 character
// boundary; *truncated when anything was dropped or `source_truncated` says the source had more.
void JoinArgs(const char* data, size_t len, bool source_truncated, size_t max, std::string* out,
              bool* truncated);
// Bounds UTF-8 text to `max` bytes at a character boundary; true when it cut anything.
bool BoundUtf8(std::string* text, size_t max);
// Splits macOS KERN_PROCARGS2 output (int argc, the exec path, NUL padding, argc NUL-terminated
// arguments, then the environment) and joins the arguments as JoinArgs does. False when the
// buffer is not in that format.
bool JoinProcArgs2(const char* data, size_t len, size_t max, std::string* out, bool* truncated);

// ---- The lock payload's tail (issue 15) ---------------------------------------------------------
// lib/lock/payload.ts writes a payload as `head + tail + ',"sum":"xxxxxxxx"}'`, padded with spaces
// to a multiple of 256 bytes (96 spare) and ended by '\n'. `head` is the cached JSON of what is
// fixed for a process (`{"pidproof":1,...,"mode":"kernel","clocks":"root",`), `head_hash` its
// FNV-1a state over UTF-16 code units; the tail is what changes per lock:
//   "token":"<32 hex>","createdAt":"<ISO 8601>","createdAtMs":<wall>,"createdMono":<mono>,
//   "heartbeatAt":<wall>,"heartbeatMono":<mono>}
// with `mono` = mono_us / 1000 written as JavaScript writes that number (integer part, then up to
// three decimals without trailing zeros). Byte for byte what serialisePayload writes for the same
// values (test/payload-serialise.test.ts checks it). False (nothing written) when an input is out
// of the range this covers: a token that is not 32 lowercase hex digits, a wall time outside
// years 1970..9999, a monotonic time of 2^50 µs or more.
bool FormatLockPayload(const uint8_t* head, size_t head_len, uint32_t head_hash, const char* token,
                       size_t token_len, double wall_ms, double mono_us, std::string* out);

// ---- Time namespaces (issue 20) ---------------------------------------------------------------
// /proc/<pid>/timens_offsets (time_namespaces(7)), as the kernel writes it: one line per clock,
// "<name> <seconds> <nanoseconds>", name "monotonic" or "boottime", seconds signed, nanoseconds in
// [0, 1e9). A clock not listed has offset 0. False when the text is not in that format.
bool ParseTimensOffsets(const char* text, size_t len, int64_t* monotonic_ns, int64_t* boottime_ns);
// A start time in clock ticks as read from /proc/<pid>/stat by a process whose CLOCK_BOOTTIME runs
// `boottime_ns` ahead of the root time namespace's (the kernel adds the READER's offset, then
// rounds down to ticks), turned into the root namespace's terms: ticks - floor(boottime_ns / tick).
// *inexact is set when the offset is not a whole number of ticks: the root reading is then the
// result or one less (the rounding lost which). Never below 0.
uint64_t RootStartTicks(uint64_t ticks, int64_t boottime_ns, long clk_tck, bool* inexact);

}  // namespace logic
}  // namespace pidproof

#endif  // PIDPROOF_NATIVE_LOGIC_H_
