// Windows backend.
//
// Sources (every struct field read below, with where its layout is documented):
// - OpenProcess, GetProcessId, GetProcessTimes, GetExitCodeProcess, WaitForSingleObject:
//   learn.microsoft.com/windows/win32/api/processthreadsapi/ (creation time is a FILETIME, 100 ns
//   since 1601-01-01 UTC, immutable for the life of the process object). OpenProcess fails with
//   ERROR_INVALID_PARAMETER for a PID that names no process, ERROR_ACCESS_DENIED when the
//   process exists but its DACL denies us (psutil arch/windows/proc_utils.c does the same).
// - Process IDs are handle-table indices: the kernel ignores their low 2 bits, so OpenProcess(5)
//   opens PID 4 (The Old New Thing, "Why are process and thread IDs multiples of four?",
//   2008-02-28). Every handle is therefore checked with GetProcessId() == pid (see PidMatches).
// - NtQueryInformationProcess: learn.microsoft.com/windows/win32/api/winternl/
//   nf-winternl-ntqueryinformationprocess. ProcessBasicInformation (0) fills
//   PROCESS_BASIC_INFORMATION; InheritedFromUniqueProcessId is the parent PID (documented there
//   as Reserved3; named in ntdoc/phnt ntpsapi.h). ProcessSequenceNumber (92, a ULONGLONG, Windows
//   10 1803+) is documented by ntdoc (m417z/ntdoc, PROCESSINFOCLASS) and phnt; older systems and
//   wine answer STATUS_INVALID_INFO_CLASS, then uniqueId is null.
// - NtQuerySystemInformation: learn.microsoft.com/windows/win32/api/winternl/
//   nf-winternl-ntquerysysteminformation. SystemProcessInformation (5) returns chained
//   SYSTEM_PROCESS_INFORMATION entries; we read NextEntryOffset, CreateTime, UniqueProcessId and
//   InheritedFromUniqueProcessId (offsets from ntdoc descriptions/system_process_information.md
//   and the Windows 10 x64 PDB dump in ntdiff/headers; asserted below). The call fails with
//   STATUS_INFO_LENGTH_MISMATCH while the buffer is too small. SystemTimeOfDayInformation (3)
//   returns SYSTEM_TIMEOFDAY_INFORMATION {BootTime, CurrentTime, TimeZoneBias, TimeZoneId,
//   Reserved, BootTimeBias, SleepTimeBias} (phnt ntexapi.h; psutil uses it for boot_time()).
//   The kernel shifts BootTime and BootTimeBias together when the clock is set (ReactOS
//   KeSetSystemTime); whether resume from sleep or hibernation moves them is not documented
//   (psutil subtracts SleepTimeBias to keep its boot time steady), so the boot time is display
//   only (bootTimeMs) and never part of the boot id.
// - KUSER_SHARED_DATA.BootId: ULONG at offset 0x2C4 of the page mapped read-only at 0x7FFE0000
//   in every process (ntddk.h; ntdoc descriptions/kuser_shared_data.md: "number of boots since OS
//   install"). Set once when the kernel starts; sleep, hibernation (and Fast Startup, which
//   hibernates the kernel session) and clock changes do not touch it.
// - MachineGuid (REG_SZ under HKLM\SOFTWARE\Microsoft\Cryptography, readable by every user):
//   written at installation, so two installations (clones included, once generalised) counting
//   the same number of boots still have different boot ids. The boot id is
//   "<BootId>-<MachineGuid>": no time in it, so nothing that moves a clock can change it within a
//   boot.
// - GetComputerNameExW(ComputerNameDnsHostname): learn.microsoft.com/windows/win32/api/
//   sysinfoapi/nf-sysinfoapi-getcomputernameexw.
// - LockFileEx / UnlockFileEx: learn.microsoft.com/windows/win32/api/fileapi/
//   nf-fileapi-lockfileex. Locks belong to (handle, process); they may lie beyond end of file.
// - RegisterWaitForSingleObject / UnregisterWaitEx: learn.microsoft.com/windows/win32/api/
//   winbase/ (threadpoollegacyapiset.h).
#ifndef WIN32_LEAN_AND_MEAN
#define WIN32_LEAN_AND_MEAN
#endif
#ifndef NOMINMAX
#define NOMINMAX
#endif
#include <windows.h>
// windows.h first.
#include <winternl.h>

#include <cstddef>
#include <cstdio>
#include <cstring>
#include <vector>

#include "logic.h"
#include "platform.h"

namespace pidproof {
namespace {

// ---- NT definitions, declared locally (the SDK headers hide or rename most of them) ---------

constexpr NTSTATUS kStatusSuccess = 0;
constexpr NTSTATUS kStatusInfoLengthMismatch = static_cast<NTSTATUS>(0xC0000004L);
constexpr ULONG kSystemTimeOfDayInformation = 3;
constexpr ULONG kSystemProcessInformation = 5;
constexpr ULONG kProcessBasicInformation = 0;
constexpr ULONG kProcessSequenceNumber = 92;

// FILETIME of the Unix epoch (1970-01-01T00:00:00Z), in 100 ns units since 1601.
constexpr uint64_t kEpochFiletime = 116444736000000000ULL;

// Address of KUSER_SHARED_DATA in user mode and the offset of its BootId field.
constexpr uintptr_t kUserSharedData = 0x7FFE0000;
constexpr uintptr_t kBootIdOffset = 0x2C4;

// Far beyond any payload, so the lock never covers bytes readers need.
constexpr DWORD kLockOffsetLow = 0;
constexpr DWORD kLockOffsetHigh = 0x7FFFFFFF;

// SYSTEM_TIMEOFDAY_INFORMATION.
struct TimeOfDayInfo {
  LARGE_INTEGER BootTime;
  LARGE_INTEGER CurrentTime;
  LARGE_INTEGER TimeZoneBias;
  ULONG TimeZoneId;
  ULONG Reserved;
  ULONGLONG BootTimeBias;
  ULONGLONG SleepTimeBias;
};
static_assert(sizeof(TimeOfDayInfo) == 48, "SYSTEM_TIMEOFDAY_INFORMATION is 48 bytes");
static_assert(offsetof(TimeOfDayInfo, BootTimeBias) == 0x20, "BootTimeBias at 0x20");

// The leading fields of SYSTEM_PROCESS_INFORMATION (the entry is longer; we never read past
// InheritedFromUniqueProcessId and walk the chain by NextEntryOffset).
struct SysProcInfoHead {
  ULONG NextEntryOffset;
  ULONG NumberOfThreads;
  LARGE_INTEGER WorkingSetPrivateSize;
  ULONG HardFaultCount;
  ULONG NumberOfThreadsHighWatermark;
  ULONGLONG CycleTime;
  LARGE_INTEGER CreateTime;
  LARGE_INTEGER UserTime;
  LARGE_INTEGER KernelTime;
  UNICODE_STRING ImageName;
  LONG BasePriority;
  HANDLE UniqueProcessId;
  HANDLE InheritedFromUniqueProcessId;
};
static_assert(offsetof(SysProcInfoHead, CreateTime) == 0x20, "CreateTime at 0x20");
#if defined(_WIN64)
static_assert(offsetof(SysProcInfoHead, UniqueProcessId) == 0x50, "UniqueProcessId at 0x50");
static_assert(offsetof(SysProcInfoHead, InheritedFromUniqueProcessId) == 0x58,
              "InheritedFromUniqueProcessId at 0x58");
#else
static_assert(offsetof(SysProcInfoHead, UniqueProcessId) == 0x44, "UniqueProcessId at 0x44");
static_assert(offsetof(SysProcInfoHead, InheritedFromUniqueProcessId) == 0x48,
              "InheritedFromUniqueProcessId at 0x48");
#endif

// PROCESS_BASIC_INFORMATION with the fields named as in phnt.
struct ProcBasicInfo {
  NTSTATUS ExitStatus;
  PVOID PebBaseAddress;
  ULONG_PTR AffinityMask;
  LONG BasePriority;
  ULONG_PTR UniqueProcessId;
  ULONG_PTR InheritedFromUniqueProcessId;
};
#if defined(_WIN64)
static_assert(sizeof(ProcBasicInfo) == 48, "PROCESS_BASIC_INFORMATION is 48 bytes on x64");
static_assert(offsetof(ProcBasicInfo, InheritedFromUniqueProcessId) == 0x28,
              "InheritedFromUniqueProcessId at 0x28");
#else
static_assert(sizeof(ProcBasicInfo) == 24, "PROCESS_BASIC_INFORMATION is 24 bytes on x86");
#endif

using NtQuerySystemInformationFn = NTSTATUS(NTAPI*)(ULONG, PVOID, ULONG, PULONG);
using NtQueryInformationProcessFn = NTSTATUS(NTAPI*)(HANDLE, ULONG, PVOID, ULONG, PULONG);
using RtlNtStatusToDosErrorFn = ULONG(NTAPI*)(NTSTATUS);

struct Ntdll {
  NtQuerySystemInformationFn query_system = nullptr;
  NtQueryInformationProcessFn query_process = nullptr;
  RtlNtStatusToDosErrorFn to_dos_error = nullptr;
};

// Resolved once; ntdll is mapped into every process and never unloaded.
const Ntdll& GetNtdll() {
  static const Ntdll nt = [] {
    Ntdll n;
    HMODULE mod = GetModuleHandleW(L"ntdll.dll");
    if (mod != nullptr) {
      n.query_system = reinterpret_cast<NtQuerySystemInformationFn>(
          reinterpret_cast<void*>(GetProcAddress(mod, "NtQuerySystemInformation")));
      n.query_process = reinterpret_cast<NtQueryInformationProcessFn>(
          reinterpret_cast<void*>(GetProcAddress(mod, "NtQueryInformationProcess")));
      n.to_dos_error = reinterpret_cast<RtlNtStatusToDosErrorFn>(
          reinterpret_cast<void*>(GetProcAddress(mod, "RtlNtStatusToDosError")));
    }
    return n;
  }();
  return nt;
}

// Status::sys_errno carries a Win32 error code (addon.cc maps it with uv_translate_sys_error), so
// an NTSTATUS is converted and kept in the message.
Status NtError(const char* call, NTSTATUS status) {
  const Ntdll& nt = GetNtdll();
  ULONG err = nt.to_dos_error != nullptr ? nt.to_dos_error(status) : ERROR_GEN_FAILURE;
  char msg[48];
  snprintf(msg, sizeof(msg), "NTSTATUS 0x%08lX", static_cast<unsigned long>(status));
  return Status::Error(call, static_cast<int64_t>(err), msg);
}

uint64_t FiletimeToU64(const FILETIME& ft) {
  return (static_cast<uint64_t>(ft.dwHighDateTime) << 32) | ft.dwLowDateTime;
}

double FiletimeToEpochMs(uint64_t ft) {
  if (ft < kEpochFiletime) return 0;
  return static_cast<double>((ft - kEpochFiletime) / 10000);
}

// Closes a process handle on every path.
class ScopedHandle {
 public:
  explicit ScopedHandle(HANDLE h) : h_(h) {}
  ~ScopedHandle() {
    if (h_ != nullptr && h_ != INVALID_HANDLE_VALUE) CloseHandle(h_);
  }
  ScopedHandle(const ScopedHandle&) = delete;
  ScopedHandle& operator=(const ScopedHandle&) = delete;
  HANDLE get() const { return h_; }

 private:
  HANDLE h_;
};

// The low-bits quirk: OpenProcess(pid | 1..3) opens the process whose PID is pid & ~3. Real
// Windows never hands out such PIDs, but rather than assume it we ask the handle which process it
// names: a PID "exists" only when a process has exactly that PID.
bool PidMatches(HANDLE h, int64_t pid) {
  DWORD got = GetProcessId(h);
  return got != 0 && static_cast<int64_t>(got) == pid;
}

// Has the process behind `h` exited (its object signalled; it lingers while handles are open)?
// With SYNCHRONIZE access the wait is authoritative. Without it, GetExitCodeProcess() !=
// STILL_ACTIVE proves an exit, and a non-zero exit time covers a process that exited with code 259.
Status HandleExited(HANDLE h, bool can_wait, uint64_t exit_time, bool* exited) {
  if (can_wait) {
    DWORD w = WaitForSingleObject(h, 0);
    if (w == WAIT_FAILED) return Status::Error("WaitForSingleObject", GetLastError());
    *exited = w == WAIT_OBJECT_0;
    return Status::Ok();
  }
  DWORD code = 0;
  if (!GetExitCodeProcess(h, &code)) return Status::Error("GetExitCodeProcess", GetLastError());
  *exited = code != STILL_ACTIVE || exit_time != 0;
  return Status::Ok();
}

// Windows 10 1803+: the per-boot process sequence number. False when the OS (or wine) lacks it.
bool SequenceNumber(HANDLE h, uint64_t* out) {
  static volatile LONG unsupported = 0;  // the info class is an OS fact: stop asking once refused
  if (unsupported != 0) return false;
  const Ntdll& nt = GetNtdll();
  if (nt.query_process == nullptr) return false;
  ULONGLONG seq = 0;
  ULONG len = 0;
  NTSTATUS s = nt.query_process(h, kProcessSequenceNumber, &seq, sizeof(seq), &len);
  if (s != kStatusSuccess) {
    // STATUS_INVALID_INFO_CLASS / STATUS_NOT_IMPLEMENTED: not on this OS. Anything else (an
    // access problem with one process) is not remembered.
    if (s == static_cast<NTSTATUS>(0xC0000003L) || s == static_cast<NTSTATUS>(0xC0000002L)) {
      InterlockedExchange(&unsupported, 1);
    }
    return false;
  }
  if (seq == 0) return false;
  *out = seq;
  return true;
}

// The creator's PID. Windows never reparents: after the creator exits this PID may name nothing
// or another process. A fact at probe time, never part of identity.
bool ParentPid(HANDLE h, int64_t* out) {
  const Ntdll& nt = GetNtdll();
  if (nt.query_process == nullptr) return false;
  ProcBasicInfo pbi;
  memset(&pbi, 0, sizeof(pbi));
  ULONG len = 0;
  NTSTATUS s = nt.query_process(h, kProcessBasicInformation, &pbi, sizeof(pbi), &len);
  if (s != kStatusSuccess) return false;
  *out = static_cast<int64_t>(pbi.InheritedFromUniqueProcessId);
  return true;
}

struct ListedProcess {
  bool found = false;
  uint64_t create_time = 0;
  int64_t ppid = 0;
};

// The system process list (SystemProcessInformation) into `buf`; uint64_t elements keep the
// entries 8-byte aligned.
Status QueryProcessList(std::vector<uint64_t>* out) {
  const Ntdll& nt = GetNtdll();
  if (nt.query_system == nullptr) {
    return Status::Error("NtQuerySystemInformation", ERROR_PROC_NOT_FOUND, "not in ntdll");
  }
  std::vector<uint64_t>& buf = *out;
  buf.assign(64 * 1024 / sizeof(uint64_t), 0);
  NTSTATUS s = kStatusInfoLengthMismatch;
  for (int attempt = 0; attempt < 8; ++attempt) {
    ULONG bytes = static_cast<ULONG>(buf.size() * sizeof(uint64_t));
    ULONG needed = 0;
    s = nt.query_system(kSystemProcessInformation, buf.data(), bytes, &needed);
    if (s != kStatusInfoLengthMismatch) break;
    // The list grows between calls: ask for what was needed plus headroom, at least double.
    size_t want = static_cast<size_t>(needed) + 64 * 1024;
    if (want < static_cast<size_t>(bytes) * 2) want = static_cast<size_t>(bytes) * 2;
    if (want > 256u * 1024 * 1024) break;
    buf.assign((want + sizeof(uint64_t) - 1) / sizeof(uint64_t), 0);
  }
  if (s != kStatusSuccess) return NtError("NtQuerySystemInformation", s);
  return Status::Ok();
}

// Looks `pid` up in the system process list (no handle needed, so it works for processes whose
// DACL denies us). Only an exact UniqueProcessId match counts.
Status FindInProcessList(int64_t pid, ListedProcess* out) {
  *out = ListedProcess();
  std::vector<uint64_t> buf;
  Status qs = QueryProcessList(&buf);
  if (!qs.ok()) return qs;
  const unsigned char* base = reinterpret_cast<const unsigned char*>(buf.data());
  const size_t total = buf.size() * sizeof(uint64_t);
  size_t off = 0;
  for (;;) {
    if (off + sizeof(SysProcInfoHead) > total) break;
    SysProcInfoHead e;
    memcpy(&e, base + off, sizeof(e));
    if (static_cast<int64_t>(reinterpret_cast<uintptr_t>(e.UniqueProcessId)) == pid) {
      out->found = true;
      out->create_time = static_cast<uint64_t>(e.CreateTime.QuadPart);
      out->ppid = static_cast<int64_t>(reinterpret_cast<uintptr_t>(e.InheritedFromUniqueProcessId));
      return Status::Ok();
    }
    if (e.NextEntryOffset == 0) break;
    off += e.NextEntryOffset;
  }
  return Status::Ok();
}

// Identity of a process we may not open: existence, CreateTime and parent from the process list.
Status ProbeFromList(int64_t pid, Identity* out) {
  ListedProcess lp;
  Status st = FindInProcessList(pid, &lp);
  if (!st.ok()) return st;
  if (!lp.found) return Status::NoSuchProcess();
  out->partial = true;
  // The System process (PID 4) and the idle process report CreateTime 0: no token then.
  if (lp.create_time != 0) {
    out->has_start_token = true;
    out->start_token = lp.create_time;
    out->start_token_unit = "win32-filetime";
    out->has_start_time_ms = true;
    out->start_time_ms = FiletimeToEpochMs(lp.create_time);
  }
  out->has_ppid = true;
  out->ppid = lp.ppid;
  // No handle: we cannot tell whether it has exited, nor pin it.
  out->state = ProcState::kUnknown;
  return Status::Ok();
}

// Opens `pid` for querying. Prefers SYNCHRONIZE too (an authoritative exit check); some DACLs
// grant only PROCESS_QUERY_LIMITED_INFORMATION, so it retries without. On failure returns
// nullptr and *err holds GetLastError().
HANDLE OpenForQuery(int64_t pid, bool* can_wait, DWORD* err) {
  DWORD id = static_cast<DWORD>(pid);
  HANDLE h = OpenProcess(SYNCHRONIZE | PROCESS_QUERY_LIMITED_INFORMATION, FALSE, id);
  if (h != nullptr) {
    *can_wait = true;
    return h;
  }
  *err = GetLastError();
  if (*err != ERROR_ACCESS_DENIED) return nullptr;
  h = OpenProcess(PROCESS_QUERY_LIMITED_INFORMATION, FALSE, id);
  if (h != nullptr) {
    *can_wait = false;
    return h;
  }
  *err = GetLastError();
  return nullptr;
}

struct BootCache {
  Boot boot;
};

// ---- boot id: BootId + MachineGuid, no time component (issue 16, item 4) ----
// The installation's MachineGuid, lower-cased; empty when it cannot be read.
std::string ReadMachineGuid() {
  wchar_t buf[64];
  DWORD bytes = sizeof(buf);
  LSTATUS r = RegGetValueW(HKEY_LOCAL_MACHINE, L"SOFTWARE\\Microsoft\\Cryptography", L"MachineGuid",
                           RRF_RT_REG_SZ | RRF_SUBKEY_WOW6464KEY, nullptr, buf, &bytes);
  if (r != ERROR_SUCCESS || bytes < sizeof(wchar_t)) return std::string();
  std::string guid;
  for (size_t i = 0; i < bytes / sizeof(wchar_t) && buf[i] != L'\0'; ++i) {
    wchar_t ch = buf[i];
    if (ch >= L'A' && ch <= L'F') ch = static_cast<wchar_t>(ch - L'A' + L'a');
    const bool ok = (ch >= L'0' && ch <= L'9') || (ch >= L'a' && ch <= L'f') || ch == L'-';
    if (!ok) return std::string();  // not a GUID: use none rather than a strange one
    guid.push_back(static_cast<char>(ch));
  }
  return guid.size() == 36 ? guid : std::string();
}

const BootCache& GetBootCache() {
  static const BootCache cache = [] {
    BootCache c;
    c.boot.platform = "win32";
    ULONG boot_count =
        *reinterpret_cast<const volatile ULONG*>(kUserSharedData + kBootIdOffset);  // NOLINT
    const std::string machine = ReadMachineGuid();
    if (!machine.empty()) {
      c.boot.has_boot_id = true;
      c.boot.boot_id = std::to_string(boot_count) + "-" + machine;
    }
    const Ntdll& nt = GetNtdll();
    if (nt.query_system != nullptr) {
      TimeOfDayInfo tod;
      memset(&tod, 0, sizeof(tod));
      ULONG len = 0;
      NTSTATUS s = nt.query_system(kSystemTimeOfDayInformation, &tod, sizeof(tod), &len);
      if (s == kStatusSuccess && tod.BootTime.QuadPart > 0) {
        uint64_t boot_ft = static_cast<uint64_t>(tod.BootTime.QuadPart) - tod.BootTimeBias;
        c.boot.has_boot_time_ms = true;
        c.boot.boot_time_ms = FiletimeToEpochMs(boot_ft);
      }
    }
    return c;
  }();
  return cache;
}

std::string WideToUtf8(const wchar_t* w, int wlen) {
  if (wlen <= 0) return std::string();
  int n = WideCharToMultiByte(CP_UTF8, 0, w, wlen, nullptr, 0, nullptr, nullptr);
  if (n <= 0) return std::string();
  std::string s(static_cast<size_t>(n), '\0');
  WideCharToMultiByte(CP_UTF8, 0, w, wlen, &s[0], n, nullptr, nullptr);
  return s;
}

// What every handle-based read takes from a process handle: its creation time (the start token
// and start time), its sequence number (the unique id, where Windows has it) and its exit time
// (zero while it runs).
Status ReadHandleTimes(HANDLE h, Identity* out, uint64_t* exit_ft) {
  FILETIME created, exited_at, kernel, user;
  if (!GetProcessTimes(h, &created, &exited_at, &kernel, &user)) {
    return Status::Error("GetProcessTimes", GetLastError());
  }
  uint64_t create_ft = FiletimeToU64(created);
  out->has_start_token = true;
  out->start_token = create_ft;
  out->start_token_unit = "win32-filetime";
  out->has_start_time_ms = true;
  out->start_time_ms = FiletimeToEpochMs(create_ft);
  uint64_t seq;
  if (SequenceNumber(h, &seq)) {
    out->has_unique_id = true;
    out->unique_id = seq;
    out->unique_id_kind = "win32-process-sequence-number";
  }
  *exit_ft = FiletimeToU64(exited_at);
  return Status::Ok();
}

}  // namespace

Status ProbeBoot(Boot* out) {
  *out = GetBootCache().boot;
  wchar_t name[256];
  DWORD len = sizeof(name) / sizeof(name[0]);
  if (!GetComputerNameExW(ComputerNameDnsHostname, name, &len)) {
    return Status::Error("GetComputerNameExW", GetLastError());
  }
  out->hostname = WideToUtf8(name, static_cast<int>(len));
  return Status::Ok();
}

Status ProbeProcess(int64_t pid, Identity* out) {
  if (pid < 1 || pid > kMaxPid) {
    return Status::Error("ProbeProcess", ERROR_INVALID_PARAMETER, "pid out of range");
  }
  *out = Identity();
  out->pid = pid;

  bool can_wait = false;
  DWORD err = 0;
  ScopedHandle h(OpenForQuery(pid, &can_wait, &err));
  if (h.get() == nullptr) {
    switch (err) {
      case ERROR_INVALID_PARAMETER:  // no process (or a thread id: they share the id space)
        return Status::NoSuchProcess();
      case ERROR_ACCESS_DENIED:  // it exists; read what the process list tells anyone
      case ERROR_SUCCESS:        // NULL without an error (psutil #1877): ask the list
        return ProbeFromList(pid, out);
      default:
        return Status::Error("OpenProcess", err);
    }
  }
  // From here the handle pins one process object: everything read through it belongs to the
  // process with this PID, and the PID cannot be reused while we hold it.
  if (!PidMatches(h.get(), pid)) return Status::NoSuchProcess();

  uint64_t exit_ft = 0;
  Status times = ReadHandleTimes(h.get(), out, &exit_ft);
  if (!times.ok()) return times;
  int64_t ppid;
  if (ParentPid(h.get(), &ppid)) {
    out->has_ppid = true;
    out->ppid = ppid;
  }

  bool exited = false;
  Status st = HandleExited(h.get(), can_wait, exit_ft, &exited);
  if (!st.ok()) return st;
  // Exited but still referenced by some handle: the process object (and its PID) lingers; dead for
  // lock purposes. Otherwise "running": Windows has no cheap per-process sleeping/stopped state
  // (a suspended process is only visible by walking its threads' wait reasons).
  out->state = exited ? ProcState::kZombie : ProcState::kRunning;
  return Status::Ok();
}

Status TryLockFile(intptr_t os_handle, bool exclusive, LockResult* out) {
  HANDLE h = reinterpret_cast<HANDLE>(os_handle);
  if (h == nullptr || h == INVALID_HANDLE_VALUE) {
    return Status::Error("LockFileEx", ERROR_INVALID_HANDLE);
  }
  OVERLAPPED ov;
  memset(&ov, 0, sizeof(ov));
  ov.Offset = kLockOffsetLow;
  ov.OffsetHigh = kLockOffsetHigh;
  DWORD flags = LOCKFILE_FAIL_IMMEDIATELY | (exclusive ? LOCKFILE_EXCLUSIVE_LOCK : 0);
  if (LockFileEx(h, flags, 0, 1, 0, &ov)) {
    *out = LockResult::kAcquired;
    return Status::Ok();
  }
  DWORD err = GetLastError();
  if (err == ERROR_IO_PENDING) {
    // A handle opened for overlapped I/O (libuv's are not): the request completes at once with
    // LOCKFILE_FAIL_IMMEDIATELY, but `ov` lives on this stack, so collect the result before
    // returning. Counted as "held" unless it completed with success.
    DWORD ignored = 0;
    if (GetOverlappedResult(h, &ov, &ignored, TRUE)) {
      *out = LockResult::kAcquired;
      return Status::Ok();
    }
    err = GetLastError();
    if (err == ERROR_IO_PENDING) err = ERROR_LOCK_VIOLATION;
  }
  switch (err) {
    case ERROR_LOCK_VIOLATION:
      *out = LockResult::kWouldBlock;
      return Status::Ok();
    case ERROR_NOT_SUPPORTED:
    case ERROR_INVALID_FUNCTION:
      return Status::Unsupported("LockFileEx", err);
    default:
      return Status::Error("LockFileEx", err);
  }
}

Status UnlockFile(intptr_t os_handle) {
  HANDLE h = reinterpret_cast<HANDLE>(os_handle);
  if (h == nullptr || h == INVALID_HANDLE_VALUE) {
    return Status::Error("UnlockFileEx", ERROR_INVALID_HANDLE);
  }
  OVERLAPPED ov;
  memset(&ov, 0, sizeof(ov));
  ov.Offset = kLockOffsetLow;
  ov.OffsetHigh = kLockOffsetHigh;
  if (UnlockFileEx(h, 0, 1, 0, &ov)) return Status::Ok();
  DWORD err = GetLastError();
  // flock(LOCK_UN) on an unlocked file succeeds; keep that contract. Windows answers
  // ERROR_NOT_LOCKED, wine ERROR_LOCK_VIOLATION. Either way this handle holds no lock on the range
  // afterwards (UnlockFileEx only ever releases the caller's own locks), which is what was asked.
  if (err == ERROR_NOT_LOCKED || err == ERROR_LOCK_VIOLATION) return Status::Ok();
  return Status::Error("UnlockFileEx", err);
}

// The one-call publish and release are POSIX (they hand Node a POSIX descriptor); on Windows the
// lock core keeps its TypeScript path (see the delete-pending rules in lib/lock/attempt.ts).
Status PublishLockFile(const char*, const char*, int, const uint8_t*, size_t, bool,
                       PublishResult*) {
  return Status::Unsupported("PublishLockFile", ERROR_NOT_SUPPORTED);
}
Status ReleaseLockFile(int, const char*, double, double, const char*, ReleaseResult*) {
  return Status::Unsupported("ReleaseLockFile", ERROR_NOT_SUPPORTED);
}

namespace {

class Win32ExitWatch : public ExitWatch {
 public:
  explicit Win32ExitWatch(HANDLE process) : process_(process) {
    uint64_t seq;
    if (SequenceNumber(process_, &seq)) {
      has_unique_id_ = true;
      unique_id_ = seq;
    }
  }
  ~Win32ExitWatch() override {
    // INVALID_HANDLE_VALUE: wait for a callback already running before the handle goes away.
    if (wait_ != nullptr) UnregisterWaitEx(wait_, INVALID_HANDLE_VALUE);
    CloseHandle(process_);
  }
  Win32ExitWatch(const Win32ExitWatch&) = delete;
  Win32ExitWatch& operator=(const Win32ExitWatch&) = delete;

  int PollFd() const override { return -1; }

  Status Arm(void (*on_exit)(void* ctx), void* ctx) override {
    if (wait_ != nullptr) return Status::Error("RegisterWaitForSingleObject", ERROR_ALREADY_EXISTS);
    on_exit_ = on_exit;
    ctx_ = ctx;
    HANDLE wait = nullptr;
    if (!RegisterWaitForSingleObject(&wait, process_, &Win32ExitWatch::Fired, this, INFINITE,
                                     WT_EXECUTEONLYONCE)) {
      return Status::Error("RegisterWaitForSingleObject", GetLastError());
    }
    wait_ = wait;
    return Status::Ok();
  }

  Status HasExited(bool* exited) override {
    DWORD w = WaitForSingleObject(process_, 0);
    if (w == WAIT_FAILED) return Status::Error("WaitForSingleObject", GetLastError());
    *exited = w == WAIT_OBJECT_0;
    return Status::Ok();
  }

  bool UniqueId(uint64_t* out) const override {
    if (!has_unique_id_) return false;
    *out = unique_id_;
    return true;
  }

 private:
  static VOID CALLBACK Fired(PVOID self, BOOLEAN /*timed_out*/) {
    Win32ExitWatch* w = static_cast<Win32ExitWatch*>(self);
    if (w->on_exit_ != nullptr) w->on_exit_(w->ctx_);
  }

  HANDLE process_;
  HANDLE wait_ = nullptr;
  void (*on_exit_)(void*) = nullptr;
  void* ctx_ = nullptr;
  bool has_unique_id_ = false;
  uint64_t unique_id_ = 0;
};

// Opens `pid` with SYNCHRONIZE (needed to wait on it) and checks the exact PID.
Status OpenSynchronize(int64_t pid, const char* who, HANDLE* out) {
  HANDLE h =
      OpenProcess(SYNCHRONIZE | PROCESS_QUERY_LIMITED_INFORMATION, FALSE, static_cast<DWORD>(pid));
  if (h == nullptr) {
    DWORD err = GetLastError();
    if (err == ERROR_INVALID_PARAMETER) return Status::NoSuchProcess();
    if (err == ERROR_ACCESS_DENIED) {
      // It exists but we may not wait on it: callers poll identities instead.
      return Status::Unsupported("OpenProcess", err, std::string(who) + ": access denied");
    }
    return Status::Error("OpenProcess", err);
  }
  if (!PidMatches(h, pid)) {
    CloseHandle(h);
    return Status::NoSuchProcess();
  }
  *out = h;
  return Status::Ok();
}

}  // namespace

Status OpenExitWatch(int64_t pid, std::unique_ptr<ExitWatch>* out) {
  if (pid < 1 || pid > kMaxPid) {
    return Status::Error("OpenExitWatch", ERROR_INVALID_PARAMETER, "pid out of range");
  }
  HANDLE h = nullptr;
  Status st = OpenSynchronize(pid, "OpenExitWatch", &h);
  if (!st.ok()) return st;
  out->reset(new Win32ExitWatch(h));
  return Status::Ok();
}

Status CheckAlive(int64_t pid, Liveness* out) {
  if (pid < 1 || pid > kMaxPid) {
    return Status::Error("CheckAlive", ERROR_INVALID_PARAMETER, "pid out of range");
  }
  *out = Liveness();
  HANDLE raw = nullptr;
  Status st = OpenSynchronize(pid, "CheckAlive", &raw);
  if (st.code == Status::kNoSuchProcess) return Status::Ok();  // exists = false
  if (!st.ok()) return st;
  ScopedHandle h(raw);
  out->exists = true;
  uint64_t seq;
  if (SequenceNumber(h.get(), &seq)) {
    out->has_unique_id = true;
    out->unique_id = seq;
  }
  DWORD w = WaitForSingleObject(h.get(), 0);
  if (w == WAIT_FAILED) return Status::Error("WaitForSingleObject", GetLastError());
  out->exited = w == WAIT_OBJECT_0;
  return Status::Ok();
}

// ---- Command line (issue 12) ------------------------------------------------------------------
// The image path, QueryFullProcessImageNameW (learn.microsoft.com/windows/win32/api/winbase/
// nf-winbase-queryfullprocessimagenamew; PROCESS_QUERY_LIMITED_INFORMATION), as UTF-8. The handle
// pins the process. Reading another process's command line would need its PEB (PROCESS_VM_READ),
// which other users' processes refuse: the image path is what every caller can read.

Status ReadCommand(int64_t pid, CommandLine* out) {
  if (pid < 1 || pid > kMaxPid) {
    return Status::Error("ReadCommand", ERROR_INVALID_PARAMETER, "pid out of range");
  }
  *out = CommandLine();
  bool can_wait = false;
  DWORD err = 0;
  ScopedHandle h(OpenForQuery(pid, &can_wait, &err));
  if (h.get() == nullptr) {
    if (err == ERROR_INVALID_PARAMETER) return Status::NoSuchProcess();
    return Status::Error("OpenProcess", err == ERROR_SUCCESS ? ERROR_ACCESS_DENIED : err);
  }
  if (!PidMatches(h.get(), pid)) return Status::NoSuchProcess();
  FILETIME created, exited_at, kernel, user;
  if (!GetProcessTimes(h.get(), &created, &exited_at, &kernel, &user)) {
    return Status::Error("GetProcessTimes", GetLastError());
  }
  bool exited = false;
  Status st = HandleExited(h.get(), can_wait, FiletimeToU64(exited_at), &exited);
  if (!st.ok()) return st;
  if (exited) return Status::Ok();  // exited but referenced: like a zombie, nothing to read
  std::vector<wchar_t> path(32768);
  DWORD n = static_cast<DWORD>(path.size());
  if (!QueryFullProcessImageNameW(h.get(), 0, path.data(), &n)) {
    return Status::Error("QueryFullProcessImageNameW", GetLastError());
  }
  out->text = WideToUtf8(path.data(), static_cast<int>(n));
  out->truncated = logic::BoundUtf8(&out->text, kMaxCommandBytes);
  return Status::Ok();
}

}  // namespace pidproof

// ---- Signals ---------------------------------------------------------------------------------
// Sources: TerminateProcess (learn.microsoft.com/windows/win32/api/processthreadsapi/
// nf-processthreadsapi-terminateprocess: needs PROCESS_TERMINATE; fails with ERROR_ACCESS_DENIED
// once the process has exited); GenerateConsoleCtrlEvent (learn.microsoft.com/windows/console/
// generateconsolectrlevent).
//
// One handle, OpenProcess(PROCESS_TERMINATE | PROCESS_QUERY_LIMITED_INFORMATION | SYNCHRONIZE),
// pins the process: its creation time (GetProcessTimes) and sequence number (Windows 10 1803+)
// are read and compared on that handle, and TerminateProcess acts on the same handle. The PID
// cannot be reused while the handle is open, so there is no window at all.
//
// Signals, honestly: Windows has no signals between processes. SIGTERM and SIGKILL terminate the
// process (TerminateProcess, exit code 1, as libuv's process.kill does); neither can be caught,
// so SIGTERM is no polite request here. Signal 0 verifies only. SIGINT and SIGBREAK would need
// GenerateConsoleCtrlEvent, which cannot address one process: CTRL_C_EVENT reaches every process
// attached to the caller's console (this one included; a non-zero group id is documented as not
// receiving it), and CTRL_BREAK_EVENT addresses a process group by number, not a handle, reaching
// only processes that share the caller's console. Neither can be pinned or limited to the verified
// process, so every signal but 0, SIGTERM and SIGKILL is ENOTSUP (ERROR_NOT_SUPPORTED).
namespace pidproof {
namespace {

constexpr int kSigKill = 9;
constexpr int kSigTerm = 15;

// Reads the identity of the process behind `h` (checked to be `pid`): creation time, sequence
// number, and whether it has exited (with SYNCHRONIZE the wait is authoritative).
Status ReadHandleIdentity(HANDLE h, int64_t pid, Identity* out, bool* exited) {
  *out = Identity();
  out->pid = pid;
  uint64_t exit_ft = 0;
  Status times = ReadHandleTimes(h, out, &exit_ft);
  if (!times.ok()) return times;
  Status st = HandleExited(h, true, exit_ft, exited);
  if (!st.ok()) return st;
  out->state = *exited ? ProcState::kZombie : ProcState::kRunning;
  return Status::Ok();
}

}  // namespace

bool IsValidSignal(int signo) {
  // The numbers Node's os.constants.signals names on Windows (the CRT's plus libuv's SIGHUP,
  // SIGQUIT, SIGKILL and SIGWINCH; checked with Node 22's node.exe).
  switch (signo) {
    case 0:
    case 1:   // SIGHUP
    case 2:   // SIGINT
    case 3:   // SIGQUIT
    case 4:   // SIGILL
    case 8:   // SIGFPE
    case 9:   // SIGKILL
    case 11:  // SIGSEGV
    case 15:  // SIGTERM
    case 21:  // SIGBREAK
    case 22:  // SIGABRT
    case 28:  // SIGWINCH
      return true;
    default:
      return false;
  }
}

Status SignalProcess(int64_t pid, const ExpectedIdentity* expected, int signo, SignalReport* out) {
  if (pid < 1 || pid > kMaxPid) {
    return Status::Error("SignalProcess", ERROR_INVALID_PARAMETER, "pid out of range");
  }
  if (!IsValidSignal(signo)) {
    return Status::Error("SignalProcess", ERROR_INVALID_PARAMETER, "no such signal");
  }
  if (signo != 0 && signo != kSigTerm && signo != kSigKill) {
    return Status::Error("SignalProcess", ERROR_NOT_SUPPORTED,
                         "Windows delivers only SIGTERM and SIGKILL (TerminateProcess) to one "
                         "process; console control events cannot be limited to it");
  }
  *out = SignalReport();
  out->current.pid = pid;
  DWORD access = PROCESS_QUERY_LIMITED_INFORMATION | SYNCHRONIZE;
  if (signo != 0) access |= PROCESS_TERMINATE;
  HANDLE raw = OpenProcess(access, FALSE, static_cast<DWORD>(pid));
  if (raw == nullptr) {
    DWORD err = GetLastError();
    if (err == ERROR_INVALID_PARAMETER) {
      out->verdict = SignalVerdict::kNoProcess;
      return Status::Ok();
    }
    if (err != ERROR_ACCESS_DENIED && err != ERROR_SUCCESS)
      return Status::Error("OpenProcess", err);
    // It exists, and this user may not terminate (or open) it. Judge what it is anyway: a
    // recycled PID is "different", not a permission error; the recorded process is EPERM.
    Identity cur;
    Status st = ProbeProcess(pid, &cur);
    if (st.code == Status::kNoSuchProcess) {
      out->verdict = SignalVerdict::kNoProcess;
      return Status::Ok();
    }
    if (!st.ok()) return st;
    out->current = cur;
    out->verdict = DecideSignal(expected, cur, false, &out->matched_by);
    if (out->verdict == SignalVerdict::kSent) {
      out->verdict = SignalVerdict::kUnverifiable;  // never reported as sent
      return Status::Error("OpenProcess", ERROR_ACCESS_DENIED,
                           "the process may not be terminated by this user");
    }
    return Status::Ok();
  }
  ScopedHandle h(raw);
  if (!PidMatches(h.get(), pid)) {
    out->verdict = SignalVerdict::kNoProcess;
    return Status::Ok();
  }
  bool exited = false;
  Status st = ReadHandleIdentity(h.get(), pid, &out->current, &exited);
  if (!st.ok()) return st;
  out->verdict = DecideSignal(expected, out->current, exited, &out->matched_by);
  if (out->verdict != SignalVerdict::kSent) return Status::Ok();
  if (signo != 0 && !TerminateProcess(h.get(), 1)) {
    DWORD err = GetLastError();
    bool now_exited = false;
    if (err == ERROR_ACCESS_DENIED && HandleExited(h.get(), true, 0, &now_exited).ok() &&
        now_exited) {
      out->verdict = SignalVerdict::kExited;  // it exited between the check and the call
      return Status::Ok();
    }
    return Status::Error("TerminateProcess", err);
  }
  out->pinned = true;
  return Status::Ok();
}

}  // namespace pidproof

// ---- Usage of one process (issue 23)
// ------------------------------------------------------------- Sources:
// - GetProcessTimes (learn.microsoft.com/windows/win32/api/processthreadsapi/
//   nf-processthreadsapi-getprocesstimes): kernel and user time as FILETIMEs (100 ns); an exited
//   process's final times while a handle keeps its object.
// - NtQueryInformationProcess(ProcessVmCounters = 3) fills VM_COUNTERS (ntdoc PROCESSINFOCLASS,
//   phnt ntpsapi.h): PeakVirtualSize, VirtualSize, PageFaultCount (soft and hard faults),
//   PeakWorkingSetSize, WorkingSetSize, ...; GetProcessMemoryInfo (psapi.h) makes the same query
//   and documents PROCESS_QUERY_LIMITED_INFORMATION as enough. VirtualSize is why it is asked
//   directly.
// - SYSTEM_PROCESS_INFORMATION (above): NumberOfThreads (0x04), HardFaultCount (0x10, Windows 7+)
//   and, for a process whose DACL denies us a handle, its times and VM counters (the VM_COUNTERS
//   the entry embeds at 0x70 on x64; ntdoc system_process_information.md, asserted below). The
//   entry is matched by PID and CreateTime, so it is the pinned process's. A process handle gives
//   no thread count; the list is one NtQuerySystemInformation call (no Toolhelp snapshot), read
//   once per SampleUsageMany for all its PIDs.
// - Context switches: Windows counts them per thread and in total only (no voluntary/involuntary
//   split): null.
namespace pidproof {
namespace {

constexpr ULONG kProcessVmCounters = 3;

struct VmCounters {
  SIZE_T PeakVirtualSize;
  SIZE_T VirtualSize;
  ULONG PageFaultCount;
  SIZE_T PeakWorkingSetSize;
  SIZE_T WorkingSetSize;
  SIZE_T QuotaPeakPagedPoolUsage;
  SIZE_T QuotaPagedPoolUsage;
  SIZE_T QuotaPeakNonPagedPoolUsage;
  SIZE_T QuotaNonPagedPoolUsage;
  SIZE_T PagefileUsage;
  SIZE_T PeakPagefileUsage;
};

// SYSTEM_PROCESS_INFORMATION up to WorkingSetSize (the VM_COUNTERS it embeds).
struct SysProcInfoUsage {
  SysProcInfoHead head;
  ULONG HandleCount;
  ULONG SessionId;
  ULONG_PTR UniqueProcessKey;
  SIZE_T PeakVirtualSize;
  SIZE_T VirtualSize;
  ULONG PageFaultCount;
  SIZE_T PeakWorkingSetSize;
  SIZE_T WorkingSetSize;
};
static_assert(offsetof(SysProcInfoHead, NumberOfThreads) == 0x04, "NumberOfThreads at 0x04");
static_assert(offsetof(SysProcInfoHead, HardFaultCount) == 0x10, "HardFaultCount at 0x10");
static_assert(offsetof(SysProcInfoHead, UserTime) == 0x28, "UserTime at 0x28");
static_assert(offsetof(SysProcInfoHead, KernelTime) == 0x30, "KernelTime at 0x30");
#if defined(_WIN64)
static_assert(sizeof(VmCounters) == 88, "VM_COUNTERS is 88 bytes on x64");
static_assert(offsetof(SysProcInfoUsage, PeakVirtualSize) == 0x70, "PeakVirtualSize at 0x70");
static_assert(offsetof(SysProcInfoUsage, VirtualSize) == 0x78, "VirtualSize at 0x78");
static_assert(offsetof(SysProcInfoUsage, PageFaultCount) == 0x80, "PageFaultCount at 0x80");
static_assert(offsetof(SysProcInfoUsage, PeakWorkingSetSize) == 0x88, "PeakWorkingSet at 0x88");
static_assert(offsetof(SysProcInfoUsage, WorkingSetSize) == 0x90, "WorkingSetSize at 0x90");
#else
static_assert(sizeof(VmCounters) == 44, "VM_COUNTERS is 44 bytes on x86");
static_assert(offsetof(SysProcInfoUsage, PeakVirtualSize) == 0x58, "PeakVirtualSize at 0x58");
static_assert(offsetof(SysProcInfoUsage, WorkingSetSize) == 0x68, "WorkingSetSize at 0x68");
#endif

// The system process list, read at most once per call that needs it.
class ProcessList {
 public:
  // The entry of `pid` (with CreateTime `create_time`, unless 0). False when not listed (or the
  // list could not be read: `error()` then says why).
  bool Find(int64_t pid, uint64_t create_time, SysProcInfoUsage* out) {
    if (!loaded_) {
      loaded_ = true;
      status_ = QueryProcessList(&buf_);
    }
    if (!status_.ok()) return false;
    const unsigned char* base = reinterpret_cast<const unsigned char*>(buf_.data());
    const size_t total = buf_.size() * sizeof(uint64_t);
    for (size_t off = 0; off + sizeof(SysProcInfoUsage) <= total;) {
      SysProcInfoUsage e;
      memcpy(&e, base + off, sizeof(e));
      if (static_cast<int64_t>(reinterpret_cast<uintptr_t>(e.head.UniqueProcessId)) == pid &&
          (create_time == 0 || static_cast<uint64_t>(e.head.CreateTime.QuadPart) == create_time)) {
        *out = e;
        return true;
      }
      if (e.head.NextEntryOffset == 0) break;
      off += e.head.NextEntryOffset;
    }
    return false;
  }
  const Status& error() const { return status_; }

 private:
  std::vector<uint64_t> buf_;
  bool loaded_ = false;
  Status status_;
};

bool ReadVmCounters(HANDLE h, logic::WinVm* vm) {
  const Ntdll& nt = GetNtdll();
  if (nt.query_process == nullptr) return false;
  VmCounters c;
  memset(&c, 0, sizeof(c));
  ULONG len = 0;
  if (nt.query_process(h, kProcessVmCounters, &c, sizeof(c), &len) != kStatusSuccess) return false;
  vm->virtual_size = c.VirtualSize;
  vm->peak_working_set = c.PeakWorkingSetSize;
  vm->working_set = c.WorkingSetSize;
  vm->page_fault_count = c.PageFaultCount;
  return true;
}

// Usage through a handle that pins `pid`. `pinned`: the identity read when the pin was opened
// (null: read it now).
Status SampleHandle(HANDLE h, bool can_wait, int64_t pid, const Identity* pinned, ProcessList* list,
                    UsageSample* out) {
  *out = UsageSample();
  Identity& id = out->identity;
  uint64_t exit_ft = 0;
  if (pinned != nullptr) {
    id = *pinned;
  } else {
    id.pid = pid;
    Status times = ReadHandleTimes(h, &id, &exit_ft);
    if (!times.ok()) return times;
    int64_t ppid;
    if (ParentPid(h, &ppid)) {
      id.has_ppid = true;
      id.ppid = ppid;
    }
  }
  FILETIME created, exited_at, kernel, user;
  if (!GetProcessTimes(h, &created, &exited_at, &kernel, &user)) {
    return Status::Error("GetProcessTimes", GetLastError());
  }
  exit_ft = FiletimeToU64(exited_at);
  bool exited = false;
  Status st = HandleExited(h, can_wait, exit_ft, &exited);
  if (!st.ok()) return st;
  id.state = exited ? ProcState::kZombie : ProcState::kRunning;
  logic::WinTimes t;
  t.kernel_100ns = FiletimeToU64(kernel);
  t.user_100ns = FiletimeToU64(user);
  logic::WinVm vm;
  const bool have_vm = ReadVmCounters(h, &vm);
  SysProcInfoUsage e;
  logic::WinListed listed;
  const bool have_listed = list->Find(pid, FiletimeToU64(created), &e);
  if (have_listed) {
    listed.threads = e.head.NumberOfThreads;
    listed.hard_faults = e.head.HardFaultCount;
  }
  logic::WinUsage(&t, have_vm ? &vm : nullptr, have_listed ? &listed : nullptr, &out->usage);
  if (exited) logic::ForExitedProcess(&out->usage);
  return Status::Ok();
}

// A process we may not open: identity and usage from its entry in the system list.
Status SampleFromList(int64_t pid, ProcessList* list, UsageSample* out) {
  *out = UsageSample();
  SysProcInfoUsage e;
  if (!list->Find(pid, 0, &e)) {
    if (!list->error().ok()) return list->error();
    return Status::NoSuchProcess();
  }
  Identity& id = out->identity;
  id.pid = pid;
  id.partial = true;
  const uint64_t create = static_cast<uint64_t>(e.head.CreateTime.QuadPart);
  if (create != 0) {  // the System and idle processes report 0: no token then
    id.has_start_token = true;
    id.start_token = create;
    id.start_token_unit = "win32-filetime";
    id.has_start_time_ms = true;
    id.start_time_ms = FiletimeToEpochMs(create);
  }
  id.has_ppid = true;
  id.ppid = static_cast<int64_t>(reinterpret_cast<uintptr_t>(e.head.InheritedFromUniqueProcessId));
  id.state = ProcState::kUnknown;
  logic::WinTimes t;
  t.kernel_100ns = static_cast<uint64_t>(e.head.KernelTime.QuadPart);
  t.user_100ns = static_cast<uint64_t>(e.head.UserTime.QuadPart);
  logic::WinVm vm;
  vm.virtual_size = e.VirtualSize;
  vm.peak_working_set = e.PeakWorkingSetSize;
  vm.working_set = e.WorkingSetSize;
  vm.page_fault_count = e.PageFaultCount;
  logic::WinListed listed;
  listed.threads = e.head.NumberOfThreads;
  listed.hard_faults = e.head.HardFaultCount;
  logic::WinUsage(&t, &vm, &listed, &out->usage);
  return Status::Ok();
}

Status SampleOne(int64_t pid, ProcessList* list, UsageSample* out) {
  if (pid < 1 || pid > kMaxPid) {
    return Status::Error("SampleUsage", ERROR_INVALID_PARAMETER, "pid out of range");
  }
  bool can_wait = false;
  DWORD err = 0;
  ScopedHandle h(OpenForQuery(pid, &can_wait, &err));
  if (h.get() == nullptr) {
    switch (err) {
      case ERROR_INVALID_PARAMETER:
        return Status::NoSuchProcess();
      case ERROR_ACCESS_DENIED:
      case ERROR_SUCCESS:
        return SampleFromList(pid, list, out);
      default:
        return Status::Error("OpenProcess", err);
    }
  }
  if (!PidMatches(h.get(), pid)) return Status::NoSuchProcess();
  return SampleHandle(h.get(), can_wait, pid, nullptr, list, out);
}

class Win32UsagePin : public UsagePin {
 public:
  Win32UsagePin(HANDLE h, bool can_wait, const Identity& pinned)
      : h_(h), can_wait_(can_wait), pinned_(pinned) {}
  ~Win32UsagePin() override { CloseHandle(h_); }
  Win32UsagePin(const Win32UsagePin&) = delete;
  Win32UsagePin& operator=(const Win32UsagePin&) = delete;
  // The handle keeps the process object (and its PID) until it is closed: never gone while held.
  Status Sample(UsageSample* out) override {
    ProcessList list;
    return SampleHandle(h_, can_wait_, pinned_.pid, &pinned_, &list, out);
  }

 private:
  HANDLE h_;
  bool can_wait_;
  Identity pinned_;
};

}  // namespace

Status SampleUsage(int64_t pid, UsageSample* out) {
  ProcessList list;
  return SampleOne(pid, &list, out);
}

void SampleUsageMany(const int64_t* pids, size_t n, UsageSample* out, Status* statuses) {
  ProcessList list;  // one list read serves every PID
  for (size_t i = 0; i < n; ++i) statuses[i] = SampleOne(pids[i], &list, &out[i]);
}

Status OpenUsagePin(int64_t pid, std::unique_ptr<UsagePin>* out) {
  if (pid < 1 || pid > kMaxPid) {
    return Status::Error("OpenUsagePin", ERROR_INVALID_PARAMETER, "pid out of range");
  }
  bool can_wait = false;
  DWORD err = 0;
  HANDLE raw = OpenForQuery(pid, &can_wait, &err);
  if (raw == nullptr) {
    if (err == ERROR_INVALID_PARAMETER) return Status::NoSuchProcess();
    if (err == ERROR_ACCESS_DENIED || err == ERROR_SUCCESS) {
      // Nothing this user may hold: the caller reads the system list and compares identities.
      return Status::Unsupported("OpenProcess", ERROR_ACCESS_DENIED, "access denied");
    }
    return Status::Error("OpenProcess", err);
  }
  Identity pinned;
  pinned.pid = pid;
  uint64_t exit_ft = 0;
  Status st =
      PidMatches(raw, pid) ? ReadHandleTimes(raw, &pinned, &exit_ft) : Status::NoSuchProcess();
  if (!st.ok()) {
    CloseHandle(raw);
    return st;
  }
  int64_t ppid;
  if (ParentPid(raw, &ppid)) {
    pinned.has_ppid = true;
    pinned.ppid = ppid;
  }
  out->reset(new Win32UsagePin(raw, can_wait, pinned));  // owns the handle from here
  return Status::Ok();
}

}  // namespace pidproof
