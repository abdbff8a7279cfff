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

// ---- Usage of one process (issue 23)
// -------------------------------------------------------------- The conversions from each kernel's
// answer to platform.h's Usage. Inputs are plain copies of the kernel's fields (no OS headers
// here), so the rules of every OS are unit-tested on Linux.

// Linux proc_pid_stat(5), the fields after the last ')' (comm may hold spaces and ')') that carry
// usage: 3 state, 10 minflt, 12 majflt, 14 utime, 15 stime, 16 cutime, 17 cstime (clock ticks),
// 20 num_threads, 23 vsize (bytes), 24 rss (pages). The kernel sums them over the thread group
// (fs/proc/array.c do_task_stat, whole = 1).
struct LinuxStatUsage {
  char state = '?';
  uint64_t minflt = 0;
  uint64_t majflt = 0;
  uint64_t utime = 0;
  uint64_t stime = 0;
  int64_t cutime = 0;
  int64_t cstime = 0;
  int64_t threads = 0;
  uint64_t vsize = 0;
  int64_t rss = 0;
};
bool ParseLinuxStatUsage(const char* buf, size_t len, LinuxStatUsage* out);
// A "Key:\t<n> kB" line of proc_pid_status(5) (e.g. "VmHWM"), in kB. False when absent (a zombie
// or a kernel thread has no Vm lines) or malformed.
bool ParseLinuxStatusKb(const char* buf, size_t len, const char* key, uint64_t* kb);
// Usage from a stat parse: ticks to ms at `clk_tck`, rss pages to bytes at `page_size`. A task
// without memory (vsize 0: a kernel thread, an exited leader) has null memory fields, not zeros.
void LinuxUsageFromStat(const LinuxStatUsage& s, int64_t clk_tck, uint64_t page_size, Usage* out);

// A process that has exited (a zombie; on Windows, exited but still referenced) has no memory and
// no threads left: those fields become null. CPU times, fault counts and a peak the OS keeps stay:
// they are its final figures.
void ForExitedProcess(Usage* u);

// ---- macOS (XNU) ----
// proc_pidinfo(PROC_PIDTASKINFO) and proc_pid_rusage() give CPU times in Mach absolute time units.
// ns = ticks * numer / denom. hw.tbfrequency is the hardware timer rate in Hz (1 GHz on Intel,
// 24 MHz on Apple silicon); mach_timebase_info() answers 1/1 to a process translated by Rosetta
// while the kernel still counts native ticks (htop #765, psutil #2728), so hw.tbfrequency wins
// when it can be read (> 0).
struct MachTimebase {
  uint64_t numer = 1;
  uint64_t denom = 1;
};
MachTimebase ChooseMachTimebase(int64_t tbfrequency_hz, uint32_t mtb_numer, uint32_t mtb_denom);
double MachTicksToMs(uint64_t ticks, const MachTimebase& tb);
// struct proc_taskinfo (<sys/proc_info.h>) fields read.
struct DarwinTaskInfo {
  uint64_t virtual_size = 0;   // pti_virtual_size, bytes
  uint64_t resident_size = 0;  // pti_resident_size, bytes
  uint64_t total_user = 0;     // pti_total_user, Mach ticks (live and terminated threads)
  uint64_t total_system = 0;   // pti_total_system
  int32_t faults = 0;          // pti_faults: every VM fault (an int32 in the kernel: it wraps)
  int32_t pageins = 0;         // pti_pageins: faults that read from backing store
  int32_t threadnum = 0;       // pti_threadnum
};
// struct rusage_info_v4 (<sys/resource.h>) fields read.
struct DarwinRusage {
  uint64_t user_time = 0;  // ri_user_time, Mach ticks (kept for a zombie)
  uint64_t system_time = 0;
  uint64_t child_user_time = 0;  // ri_child_user_time (v1+)
  uint64_t child_system_time = 0;
  uint64_t pageins = 0;                      // ri_pageins
  uint64_t lifetime_max_phys_footprint = 0;  // ri_lifetime_max_phys_footprint (v4), bytes
};
// Either may be null (not readable: another user's process, or a zombie has no task info).
void DarwinUsage(const DarwinTaskInfo* ti, const DarwinRusage* ru, const MachTimebase& tb,
                 Usage* out);

// ---- FreeBSD ----
// struct kinfo_proc (<sys/user.h>) fields read; ki_rusage as filled by fill_kinfo_proc_only()
// (sys/kern/kern_proc.c: rufetch() + calcru(), for zombies too); ki_size and ki_rssize only for
// a process that is not a zombie.
struct BsdKinfoUsage {
  bool zombie = false;         // ki_stat == SZOMB
  int64_t utime_us = 0;        // ki_rusage.ru_utime
  int64_t stime_us = 0;        // ki_rusage.ru_stime
  int64_t child_utime_us = 0;  // ki_childutime
  int64_t child_stime_us = 0;  // ki_childstime
  int64_t maxrss_kb = 0;       // ki_rusage.ru_maxrss (kilobytes, getrusage(2))
  int64_t minflt = 0;          // ru_minflt
  int64_t majflt = 0;          // ru_majflt
  int64_t nvcsw = 0;           // ru_nvcsw
  int64_t nivcsw = 0;          // ru_nivcsw
  uint64_t size_bytes = 0;     // ki_size
  int64_t rssize_pages = 0;    // ki_rssize
  int64_t numthreads = 0;      // ki_numthreads
  uint64_t page_size = 4096;   // getpagesize()
};
void BsdUsage(const BsdKinfoUsage& k, Usage* out);

// ---- Windows ----
// GetProcessTimes() kernel and user times (FILETIME, 100 ns); VM_COUNTERS of
// NtQueryInformationProcess(ProcessVmCounters); NumberOfThreads and HardFaultCount of the
// process's SYSTEM_PROCESS_INFORMATION entry. Any may be null (not readable).
struct WinTimes {
  uint64_t kernel_100ns = 0;
  uint64_t user_100ns = 0;
};
struct WinVm {
  uint64_t virtual_size = 0;      // VirtualSize
  uint64_t peak_working_set = 0;  // PeakWorkingSetSize
  uint64_t working_set = 0;       // WorkingSetSize
  uint32_t page_fault_count = 0;  // PageFaultCount: soft and hard faults (a ULONG: it wraps)
};
struct WinListed {
  uint32_t threads = 0;      // NumberOfThreads
  uint32_t hard_faults = 0;  // HardFaultCount (Windows 7+)
};
void WinUsage(const WinTimes* t, const WinVm* vm, const WinListed* listed, Usage* out);

}  // namespace logic
}  // namespace pidproof

#endif  // PIDPROOF_NATIVE_LOGIC_H_
