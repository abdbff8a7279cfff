// Unit tests of native/logic.cc, the pure decision rules of the backends, built and run on Linux
// by test/native-logic.test.ts. The macOS and FreeBSD cases feed the rules kernel answers recorded
// from the kernels' sources (XNU bsd/kern/kern_exit.c, kern_sysctl.c; FreeBSD sys/kern/kern_prot.c,
// kern_proc.c), since neither kernel runs here: each case name says "mock of ... kernel answers".
//
// Usage: logic_test --list (one case name a line) | logic_test "<case name>" (exit 0 on success,
// 1 with the failed checks on stderr) | logic_test (every case).
#include "logic.h"

#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

namespace {

using pidproof::ProcState;
namespace logic = pidproof::logic;

struct Case {
  std::string name;
  void (*run)();
};

std::vector<Case>& Cases() {
  static std::vector<Case> cases;
  return cases;
}

int g_failures = 0;

void Check(bool ok, const char* what, int line) {
  if (!ok) {
    std::fprintf(stderr, "  check failed (line %d): %s\n", line, what);
    ++g_failures;
  }
}
#define CHECK(x) Check((x), #x, __LINE__)

struct Register {
  Register(const char* name, void (*run)()) { Cases().push_back({name, run}); }
};
#define CASE(var, name)                       \
  void var();                                 \
  const Register var##_registered(name, var); \
  void var()

// ---- recorded XNU answers ----------------------------------------------------------------------
// kinfo_proc.kp_proc.p_flag of a 64-bit process (P_LP64 0x4) that has exec'd (P_EXEC 0x4000), with
// and without P_WEXIT, as fill_user64_externproc() reports it.
constexpr int kXnuFlagsRunning = 0x00004004;
constexpr int kXnuFlagsExiting = 0x00004004 | 0x00002000;
constexpr int kEsrchAttempts = 4;  // kqueue_exit_watch.cc kRetries

CASE(c1, "mock of macOS kernel answers: SRUN without P_WEXIT is running, not exited") {
  CHECK(!logic::XnuHasExited(logic::kXnuSRun, kXnuFlagsRunning));
  CHECK(logic::XnuState(logic::kXnuSRun, kXnuFlagsRunning) == ProcState::kRunning);
}

CASE(c2, "mock of macOS kernel answers: SRUN or SSLEEP with P_WEXIT (exit in progress) is exited") {
  CHECK(logic::XnuHasExited(logic::kXnuSRun, kXnuFlagsExiting));
  CHECK(logic::XnuHasExited(logic::kXnuSSleep, kXnuFlagsExiting));
  CHECK(logic::XnuState(logic::kXnuSRun, kXnuFlagsExiting) == ProcState::kZombie);
  CHECK(logic::XnuState(logic::kXnuSSleep, kXnuFlagsExiting) == ProcState::kZombie);
}

CASE(c3, "mock of macOS kernel answers: SZOMB is exited; SSLEEP sleeping; SSTOP stopped") {
  CHECK(logic::XnuHasExited(logic::kXnuSZomb, kXnuFlagsExiting));
  CHECK(logic::XnuHasExited(logic::kXnuSZomb, 0));
  CHECK(logic::XnuState(logic::kXnuSZomb, 0) == ProcState::kZombie);
  CHECK(logic::XnuState(logic::kXnuSSleep, kXnuFlagsRunning) == ProcState::kSleeping);
  CHECK(logic::XnuState(logic::kXnuSStop, kXnuFlagsRunning) == ProcState::kStopped);
  CHECK(logic::XnuState(logic::kXnuSIdl, 0) == ProcState::kUnknown);
  CHECK(logic::XnuState(9, 0) == ProcState::kUnknown);
}

CASE(c4,
     "mock of macOS kernel answers: kevent ESRCH on an exiting process fires the watch at once, "
     "on every attempt, and never ends in an ESRCH error") {
  // proc_prepareexit() has set P_REF_DEAD (kevent: ESRCH) while sysctl still lists it with
  // P_WEXIT and p_stat SRUN: the answer is the same whichever attempt sees it.
  for (int attempt = 0; attempt < kEsrchAttempts; ++attempt) {
    CHECK(logic::AfterAttachEsrch(true, logic::XnuHasExited(logic::kXnuSRun, kXnuFlagsExiting),
                                  false, attempt, kEsrchAttempts) == logic::AttachEsrch::kExited);
  }
}

CASE(c5, "mock of macOS kernel answers: kevent ESRCH and the PID not listed: no such process") {
  CHECK(logic::AfterAttachEsrch(false, false, false, 0, kEsrchAttempts) ==
        logic::AttachEsrch::kNoSuchProcess);
}

CASE(c6,
     "mock of macOS kernel answers: kevent ESRCH while listed and running (PID changed hands): "
     "retried, then given up after the last attempt") {
  for (int attempt = 0; attempt + 1 < kEsrchAttempts; ++attempt) {
    CHECK(logic::AfterAttachEsrch(true, false, false, attempt, kEsrchAttempts) ==
          logic::AttachEsrch::kRetry);
  }
  CHECK(logic::AfterAttachEsrch(true, false, false, kEsrchAttempts - 1, kEsrchAttempts) ==
        logic::AttachEsrch::kGiveUp);
}

// ---- recorded FreeBSD answers ------------------------------------------------------------------
// The defaults of a FreeBSD 14 host, as sysctl(8) prints them: everything visible, not jailed,
// mac_seeotheruids not loaded.
logic::BsdVisibility Defaults(bool root) {
  logic::BsdVisibility v;
  v.see_other_uids = 1;
  v.see_other_gids = 1;
  v.see_jail_proc = 1;
  v.suser_enabled = 1;
  v.jailed = 0;
  v.mac_seeotheruids = logic::kSysctlAbsent;
  v.caller_is_root = root;
  return v;
}

CASE(c7, "mock of FreeBSD kernel answers: default settings: ESRCH proves absence, root or not") {
  CHECK(logic::BsdHidingReason(Defaults(false)).empty());
  CHECK(logic::BsdHidingReason(Defaults(true)).empty());
  CHECK(logic::AfterAttachEsrch(false, false, false, 0, kEsrchAttempts) ==
        logic::AttachEsrch::kNoSuchProcess);
}

CASE(c8, "mock of FreeBSD kernel answers: see_other_uids=0 hides other users' processes") {
  logic::BsdVisibility v = Defaults(false);
  v.see_other_uids = 0;
  CHECK(logic::BsdHidingReason(v) == "security.bsd.see_other_uids=0");
  // kevent and sysctl both answer ESRCH: not a proof of death.
  CHECK(logic::AfterAttachEsrch(false, false, !logic::BsdHidingReason(v).empty(), 0,
                                kEsrchAttempts) == logic::AttachEsrch::kHidden);
}

CASE(c9, "mock of FreeBSD kernel answers: root sees everything unless suser_enabled=0") {
  logic::BsdVisibility v = Defaults(true);
  v.see_other_uids = 0;
  v.see_other_gids = 0;
  v.see_jail_proc = 0;
  CHECK(logic::BsdHidingReason(v).empty());
  v.suser_enabled = 0;
  CHECK(logic::BsdHidingReason(v) ==
        "security.bsd.see_other_uids=0, security.bsd.see_other_gids=0, "
        "security.bsd.see_jail_proc=0, security.bsd.suser_enabled=0");
  v.suser_enabled = logic::kSysctlUnreadable;  // cannot tell: root is not known to be exempt
  CHECK(!logic::BsdHidingReason(v).empty());
}

CASE(c10, "mock of FreeBSD kernel answers: inside a jail, even root cannot see outside it") {
  logic::BsdVisibility v = Defaults(true);
  v.jailed = 1;
  CHECK(logic::BsdHidingReason(v) == "security.jail.jailed=1");
}

CASE(c11, "mock of FreeBSD kernel answers: see_other_gids=0 and see_jail_proc=0 are both named") {
  logic::BsdVisibility v = Defaults(false);
  v.see_other_gids = 0;
  v.see_jail_proc = 0;
  CHECK(logic::BsdHidingReason(v) == "security.bsd.see_other_gids=0, security.bsd.see_jail_proc=0");
}

CASE(c12,
     "mock of FreeBSD kernel answers: a sysctl that does not exist (see_jail_proc before 11) "
     "hides nothing; one that cannot be read may") {
  logic::BsdVisibility v = Defaults(false);
  v.see_jail_proc = logic::kSysctlAbsent;
  CHECK(logic::BsdHidingReason(v).empty());
  v.see_other_uids = logic::kSysctlUnreadable;
  CHECK(logic::BsdHidingReason(v) == "security.bsd.see_other_uids unreadable");
  v = Defaults(false);
  v.jailed = logic::kSysctlUnreadable;
  CHECK(logic::BsdHidingReason(v) == "security.jail.jailed unreadable");
}

CASE(c13, "mock of FreeBSD kernel answers: the mac_seeotheruids policy hides too") {
  logic::BsdVisibility v = Defaults(false);
  v.mac_seeotheruids = 1;
  CHECK(logic::BsdHidingReason(v) == "security.mac.seeotheruids.enabled=1");
  v.mac_seeotheruids = 0;
  CHECK(logic::BsdHidingReason(v).empty());
}

CASE(c14,
     "mock of FreeBSD kernel answers: a zombie is attachable there, an ESRCH on a listed zombie "
     "(older kernels) still fires the watch") {
  CHECK(logic::AfterAttachEsrch(true, true, true, 0, kEsrchAttempts) ==
        logic::AttachEsrch::kExited);
}

// ---- uniqueId strings ------------------------------------------------------------------------

logic::UniqueIdParse Parse(const std::string& s, uint64_t* v = nullptr) {
  uint64_t tmp = 0;
  return logic::ParseUniqueId(s.data(), s.size(), v != nullptr ? v : &tmp);
}

CASE(c15, "uniqueId rule: decimal without leading zeros, 1 to 20 digits, at most 2^64 - 1") {
  uint64_t v = 1;
  CHECK(Parse("0", &v) == logic::UniqueIdParse::kOk && v == 0);
  CHECK(Parse("7", &v) == logic::UniqueIdParse::kOk && v == 7);
  CHECK(Parse("18446744073709551615", &v) == logic::UniqueIdParse::kOk &&
        v == 18446744073709551615ull);
  CHECK(Parse("10000000000000000000", &v) == logic::UniqueIdParse::kOk &&
        v == 10000000000000000000ull);
}

CASE(c16, "uniqueId rule: every malformed form is kNotDecimal, never a value") {
  for (const char* bad : {"", "00", "0002", "01", " 1", "1 ", "+1", "-1", "1.0", "1e5", "0x10",
                          "abc", "12a", "123456789012345678901"}) {
    CHECK(Parse(bad) == logic::UniqueIdParse::kNotDecimal);
  }
  CHECK(Parse(std::string("1\0"
                          "2",
                          3)) == logic::UniqueIdParse::kNotDecimal);  // embedded NUL
  CHECK(Parse("\xef\xbc\x90") == logic::UniqueIdParse::kNotDecimal);  // fullwidth digit zero
  // 20 digits then an emoji: 24 bytes; the caller passes the full length, never a prefix.
  CHECK(Parse("12345678901234567890\xf0\x9f\x98\x80") == logic::UniqueIdParse::kNotDecimal);
  CHECK(logic::ParseUniqueId(nullptr, 0, nullptr) == logic::UniqueIdParse::kNotDecimal);
}

CASE(c17, "uniqueId rule: 20 digits above 2^64 - 1 are kTooLarge") {
  CHECK(Parse("18446744073709551616") == logic::UniqueIdParse::kTooLarge);
  CHECK(Parse("99999999999999999999") == logic::UniqueIdParse::kTooLarge);
  CHECK(Parse("20000000000000000000") == logic::UniqueIdParse::kTooLarge);
}

// ---- command lines ----------------------------------------------------------------------------

std::string Joined(const std::string& raw, size_t max, bool* truncated,
                   bool source_truncated = false) {
  std::string out;
  logic::JoinArgs(raw.data(), raw.size(), source_truncated, max, &out, truncated);
  return out;
}

CASE(c18, "command lines: NUL-separated arguments joined with single spaces, padding dropped") {
  bool t = true;
  CHECK(Joined(std::string("sleep\0"
                           "1000\0",
                           11),
               100, &t) == "sleep 1000" &&
        !t);
  CHECK(Joined(std::string("a b\0c\0\0\0\0", 9), 100, &t) == "a b c" && !t);
  CHECK(Joined(std::string(), 100, &t).empty() && !t);              // a zombie or a kernel thread
  CHECK(Joined(std::string("x\0", 2), 100, &t, true) == "x" && t);  // the source had more
}

CASE(c19, "command lines: the bound cuts at a UTF-8 character boundary and says so") {
  bool t = false;
  // "a" then U+1F600 (4 bytes): a 3-byte bound must not keep a partial emoji.
  CHECK(Joined("a\xf0\x9f\x98\x80", 3, &t) == "a" && t);
  CHECK(Joined("a\xf0\x9f\x98\x80", 5, &t) == "a\xf0\x9f\x98\x80" && !t);
  CHECK(Joined("abcdef", 4, &t) == "abcd" && t);
  std::string text = "\xc3\xa9\xc3\xa9";  // "éé"
  CHECK(logic::BoundUtf8(&text, 3) && text == "\xc3\xa9");
}

CASE(c20, "mock of macOS kernel answers: KERN_PROCARGS2 argc, exec path, padding, argv, env") {
  // As sysctl_procargsx() lays it out: int argc, the exec path, NUL padding, argv, environment.
  std::string raw("\x02\0\0\0", 4);
  raw += std::string("/bin/sleep\0\0\0\0", 14);
  raw += std::string(
      "sleep\0"
      "1000\0",
      11);
  raw += std::string("PATH=/usr/bin\0HOME=/var/root\0", 29);
  std::string out;
  bool t = true;
  CHECK(logic::JoinProcArgs2(raw.data(), raw.size(), 100, &out, &t));
  CHECK(out == "sleep 1000");  // the environment is never part of it
  CHECK(!t);
  CHECK(!logic::JoinProcArgs2(raw.data(), 3, 100, &out, &t));  // shorter than argc
  std::string negative("\xff\xff\xff\xff", 4);
  CHECK(!logic::JoinProcArgs2(negative.data(), negative.size(), 100, &out, &t));
  // argc larger than what is there (a truncated buffer): what is there, no overrun.
  std::string cut("\x05\0\0\0/x\0a\0b", 10);
  CHECK(logic::JoinProcArgs2(cut.data(), cut.size(), 100, &out, &t) && out == "a b");
}

CASE(c22, "mock of FreeBSD kernel answers: kill(2) ESRCH for a hidden PID is no proof of death") {
  // ProbeProcess of a process that see_other_uids hides: the PID, partial, nothing else; kill(2)
  // then answers ESRCH as for a missing process.
  pidproof::Identity hidden;
  hidden.pid = 4242;
  hidden.partial = true;
  CHECK(pidproof::AfterKillEsrch(hidden) == pidproof::SignalVerdict::kUnverifiable);
  // A process seen in full that is gone by the kill: no process.
  pidproof::Identity seen;
  seen.pid = 4242;
  seen.has_start_token = true;
  seen.start_token = 1;
  seen.start_token_unit = "freebsd-us-since-boot";
  CHECK(pidproof::AfterKillEsrch(seen) == pidproof::SignalVerdict::kNoProcess);
  // The decision before the send is unchanged: with no expectation the visible PID is signalled
  // (on Linux without pidfd, kill(pid, 0) already proved this caller may signal it).
  pidproof::SignalMatch by = pidproof::SignalMatch::kUniqueId;
  CHECK(pidproof::DecideSignal(nullptr, hidden, false, &by) == pidproof::SignalVerdict::kSent);
  pidproof::ExpectedIdentity e;
  e.has_start_token = true;
  e.start_token = 1;
  e.start_token_unit = "freebsd-us-since-boot";
  CHECK(pidproof::DecideSignal(&e, hidden, false, &by) == pidproof::SignalVerdict::kUnverifiable);
  CHECK(pidproof::DecideSignal(&e, seen, false, &by) == pidproof::SignalVerdict::kSent);
  e.start_token = 2;
  CHECK(pidproof::DecideSignal(&e, seen, false, &by) == pidproof::SignalVerdict::kDifferent);
}

// ---- time namespaces (issue 20) ----------------------------------------------------------------
// /proc/<pid>/timens_offsets as Linux 6.18 writes it ("%-10s %10lld %9ld\n"), read on this machine
// inside `unshare -T --monotonic 7200 --boottime 7200` and in a namespace whose offsets were
// written with nanoseconds ("monotonic -50 500000000", "boottime -100 3000000").
CASE(c23, "time namespaces: timens_offsets lines parse to signed nanoseconds") {
  const char whole[] = "monotonic        7200         0\nboottime         7200         0\n";
  int64_t mono = 1;
  int64_t boot = 1;
  CHECK(logic::ParseTimensOffsets(whole, sizeof(whole) - 1, &mono, &boot));
  CHECK(mono == 7200000000000LL);
  CHECK(boot == 7200000000000LL);
  const char neg[] = "monotonic         -50 500000000\nboottime         -100   3000000\n";
  CHECK(logic::ParseTimensOffsets(neg, sizeof(neg) - 1, &mono, &boot));
  CHECK(mono == -49500000000LL);
  CHECK(boot == -99997000000LL);
  const char root[] = "monotonic           0         0\nboottime            0         0\n";
  CHECK(logic::ParseTimensOffsets(root, sizeof(root) - 1, &mono, &boot));
  CHECK(mono == 0 && boot == 0);
  const char* bad[] = {"monotonic 1\n",   "realtime 1 0\n", "boottime 1 1000000000\n",
                       "boottime 1 -1\n", "boottime x 0\n", "boottime 99999999999999999999 0\n"};
  for (const char* b : bad) CHECK(!logic::ParseTimensOffsets(b, std::strlen(b), &mono, &boot));
}

CASE(c24, "time namespaces: start ticks of a reader with a boottime offset in root terms") {
  bool inexact = true;
  // 100 Hz: one tick is 10 ms. --boottime 7200: the reader sees 765643 where root sees 45643.
  CHECK(logic::RootStartTicks(765643, 7200000000000LL, 100, &inexact) == 45643);
  CHECK(!inexact);
  CHECK(logic::RootStartTicks(45643, 0, 100, &inexact) == 45643);
  CHECK(!inexact);
  // 7 ms: the reader sees the root ticks or one more (53849 and 53848, 53880 and 53880 were read
  // here): floor(7 ms / 10 ms) = 0 ticks subtracted, inexact.
  CHECK(logic::RootStartTicks(53849, 7000000, 100, &inexact) == 53849);
  CHECK(inexact);
  // A negative offset: the reader sees fewer ticks; -99.997 s is -10000 ticks + 3 ms.
  CHECK(logic::RootStartTicks(44330, -99997000000LL, 100, &inexact) == 54330);
  CHECK(inexact);
  CHECK(logic::RootStartTicks(100, -1000000000LL, 100, &inexact) == 200);
  CHECK(!inexact);
  // Never below 0.
  CHECK(logic::RootStartTicks(5, 1000000000LL, 100, &inexact) == 0);
}

// ---- Usage (issue 23) --------------------------------------------------------------------------

// A stat line of this machine's kernel (6.18), for a process whose comm is "a) (b c": fields 10
// minflt 21, 12 majflt 3, 14 utime 30, 15 stime 7, 16 cutime 250, 17 cstime 40, 20 threads 5,
// 22 starttime 62039, 23 vsize 2400256, 24 rss 118.
constexpr char kStatLine[] =
    "17695 (a) (b c) R 17694 17685 11141 0 -1 4194368 21 0 3 0 30 7 250 40 20 0 5 0 62039 2400256 "
    "118 18446744073709551615 93827937972224 93827937974233 140722645815536 0 0 0 0 0 0 1 0 0 17 "
    "1 0 0 0 0 0 93827937983952 93827937984656 93828670283776 140722645822193 140722645822199 "
    "140722645822199 140722645823474 0\n";

CASE(u1, "Linux stat usage: fields after the last ')' (comm with spaces and parentheses)") {
  logic::LinuxStatUsage s;
  CHECK(logic::ParseLinuxStatUsage(kStatLine, sizeof(kStatLine) - 1, &s));
  CHECK(s.state == 'R');
  CHECK(s.minflt == 21 && s.majflt == 3);
  CHECK(s.utime == 30 && s.stime == 7 && s.cutime == 250 && s.cstime == 40);
  CHECK(s.threads == 5 && s.vsize == 2400256 && s.rss == 118);
  pidproof::Usage u;
  logic::LinuxUsageFromStat(s, 100, 4096, &u);
  CHECK(u.has_cpu_user && u.cpu_user_ms == 300 && u.has_cpu_system && u.cpu_system_ms == 70);
  CHECK(u.has_child_cpu && u.child_cpu_user_ms == 2500 && u.child_cpu_system_ms == 400);
  CHECK(u.has_rss && u.rss_bytes == 118u * 4096u && u.has_virtual && u.virtual_bytes == 2400256);
  CHECK(u.has_threads && u.threads == 5);
  CHECK(u.has_minor_faults && u.minor_faults == 21 && u.has_major_faults && u.major_faults == 3);
  CHECK(!u.has_voluntary_ctx && !u.has_involuntary_ctx);  // per thread on Linux: never reported
  CHECK(!u.has_peak_rss);                                 // from status, not stat
  // 250 Hz: ticks of 4 ms, exact.
  pidproof::Usage v;
  logic::LinuxUsageFromStat(s, 250, 4096, &v);
  CHECK(v.cpu_user_ms == 120 && v.cpu_system_ms == 28);
}

CASE(u2, "Linux stat usage: a kernel thread and a zombie have no memory: null, never 0") {
  // /proc/2/stat (kthreadd) of this machine: vsize 0, rss 0.
  const char kthread[] =
      "2 (kthreadd) S 0 0 0 0 -1 2129984 0 0 0 0 0 0 0 0 20 0 1 0 30 0 0 18446744073709551615 0 "
      "0 0 0 0 0 0 2147483647 0 1 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0\n";
  logic::LinuxStatUsage s;
  CHECK(logic::ParseLinuxStatUsage(kthread, sizeof(kthread) - 1, &s));
  pidproof::Usage u;
  logic::LinuxUsageFromStat(s, 100, 4096, &u);
  CHECK(!u.has_rss && !u.has_virtual);
  CHECK(u.has_cpu_user && u.cpu_user_ms == 0);  // CPU time is still known: 0 ticks
  // A zombie of this machine (the experiment of issue 23): state Z, vsize 0, rss 0, its times kept.
  const char zombie[] =
      "17695 (exp) Z 17694 17685 11141 0 -1 4228172 21 0 0 0 30 0 0 0 20 0 1 0 62039 0 0 "
      "18446744073709551615 0 0 0 0 0 0 0 0 0 1 0 0 17 1 0 0 0 0 0 0 0 0 0 0 0 0 9\n";
  CHECK(logic::ParseLinuxStatUsage(zombie, sizeof(zombie) - 1, &s));
  CHECK(s.state == 'Z');
  pidproof::Usage z;
  logic::LinuxUsageFromStat(s, 100, 4096, &z);
  logic::ForExitedProcess(&z);
  CHECK(z.has_cpu_user && z.cpu_user_ms == 300 && z.has_minor_faults && z.minor_faults == 21);
  CHECK(!z.has_rss && !z.has_virtual && !z.has_threads);
}

CASE(u3, "Linux stat usage: malformed lines are refused, never half-parsed") {
  logic::LinuxStatUsage s;
  const char* bad[] = {
      "",
      "17695 (exp",                                                  // no ')'
      "17695 (exp) R 1 2 3",                                         // too short
      "17695 (exp) R 1 2 3 4 5 6 x 0 0 0 30 0 0 0 20 0 1 0 1 2 3",   // a letter in minflt
      "17695 (exp) R 1 2 3 4 5 6 7 0 0 0 30 0 0 0 20 0 1 0 1 -2 3",  // negative vsize
      "17695 (exp) R 1 2 3 4 5 6 7 0 0 0 30 0 0 0 20 0 1 0 1 2 3x",  // junk after rss
      "17695 (exp) R 1 2 3 4 5 6 7 0 0 0 99999999999999999999999 0 0 0 20 0 1 0 1 2 3",
  };
  for (const char* b : bad) CHECK(!logic::ParseLinuxStatUsage(b, std::strlen(b), &s));
  const char nul[] = "1 (a) R 1 2 3 4 5 6 7 0 0 0 30 0 0 0 20 0 1 0 1 2 3\0 4";
  CHECK(!logic::ParseLinuxStatUsage(nul, sizeof(nul) - 1, &s));
  const char ok[] = "1 (a) R 1 2 3 4 5 6 7 0 0 0 30 0 0 0 20 0 1 0 1 2 3";  // ends at field 24
  CHECK(logic::ParseLinuxStatUsage(ok, sizeof(ok) - 1, &s) && s.rss == 3);
}

CASE(u4, "Linux status: VmHWM in kB; absent for a zombie; a longer key never matches") {
  const char status[] =
      "Name:\tnode\nUmask:\t0022\nGroups:\t \nVmPeak:\t 1200 kB\nVmHWM:\t    1680 kB\n"
      "VmRSS:\t    1680 kB\nThreads:\t7\n";
  uint64_t kb = 0;
  CHECK(logic::ParseLinuxStatusKb(status, sizeof(status) - 1, "VmHWM", &kb) && kb == 1680);
  CHECK(logic::ParseLinuxStatusKb(status, sizeof(status) - 1, "VmPeak", &kb) && kb == 1200);
  CHECK(!logic::ParseLinuxStatusKb(status, sizeof(status) - 1, "VmHW", &kb));
  CHECK(!logic::ParseLinuxStatusKb(status, sizeof(status) - 1, "Threads", &kb));  // no " kB"
  const char zombie[] = "Name:\texp\nState:\tZ (zombie)\nThreads:\t1\n";
  CHECK(!logic::ParseLinuxStatusKb(zombie, sizeof(zombie) - 1, "VmHWM", &kb));
  const char cut[] = "VmHWM:\t    16";  // a read cut short: no unit, no value
  CHECK(!logic::ParseLinuxStatusKb(cut, sizeof(cut) - 1, "VmHWM", &kb));
}

CASE(u5,
     "mock of macOS kernel answers: Mach ticks to ms on Intel, Apple silicon and under Rosetta "
     "(hw.tbfrequency wins over mach_timebase_info)") {
  // Intel: hw.tbfrequency 1 GHz, mach_timebase_info 1/1: a tick is 1 ns.
  logic::MachTimebase intel = logic::ChooseMachTimebase(1000000000, 1, 1);
  CHECK(logic::MachTicksToMs(1500000000ull, intel) == 1500);
  // Apple silicon, native: 24 MHz, mach_timebase_info 125/3: 24,000,000 ticks are one second.
  logic::MachTimebase m1 = logic::ChooseMachTimebase(24000000, 125, 3);
  CHECK(logic::MachTicksToMs(24000000ull, m1) == 1000);
  CHECK(logic::MachTicksToMs(36ull, m1) == 0.0015);
  // Rosetta 2: mach_timebase_info answers 1/1 (htop #765), the kernel still counts 24 MHz ticks.
  logic::MachTimebase rosetta = logic::ChooseMachTimebase(24000000, 1, 1);
  CHECK(logic::MachTicksToMs(24000000ull, rosetta) == 1000);
  // hw.tbfrequency unreadable: mach_timebase_info.
  logic::MachTimebase fallback = logic::ChooseMachTimebase(0, 125, 3);
  CHECK(logic::MachTicksToMs(24000000ull, fallback) == 1000);
  // Large counts do not overflow: a year of CPU at 24 MHz.
  const uint64_t year = 24000000ull * 31536000ull;
  CHECK(logic::MachTicksToMs(year, m1) == 31536000000.0);
}

CASE(u6, "mock of macOS kernel answers: proc_taskinfo and rusage_info_v4 to usage") {
  logic::MachTimebase m1 = logic::ChooseMachTimebase(24000000, 125, 3);
  logic::DarwinTaskInfo ti;
  ti.virtual_size = 420906795008ull;  // 392 GiB of address space: more than 32 bits
  ti.resident_size = 5368709120ull;   // 5 GiB
  ti.total_user = 48000000;           // 2 s
  ti.total_system = 12000000;         // 0.5 s
  ti.faults = 1000;
  ti.pageins = 40;
  ti.threadnum = 9;
  logic::DarwinRusage ru;
  ru.lifetime_max_phys_footprint = 6442450944ull;  // 6 GiB
  ru.child_user_time = 24000000;
  pidproof::Usage u;
  logic::DarwinUsage(&ti, &ru, m1, &u);
  CHECK(u.cpu_user_ms == 2000 && u.cpu_system_ms == 500 && u.cpu_total_ms == 2500);
  CHECK(u.rss_bytes == 5368709120ull && u.virtual_bytes == 420906795008ull);
  CHECK(u.has_peak_rss && u.peak_rss_bytes == 6442450944ull);
  CHECK(u.threads == 9 && u.major_faults == 40 && u.minor_faults == 960);
  CHECK(u.has_child_cpu && u.child_cpu_user_ms == 1000);
  CHECK(!u.has_voluntary_ctx && !u.has_involuntary_ctx);  // pti_csw is one total
  // pti_faults wrapped (an int32 in the kernel): no fault counts rather than a wrong one.
  ti.faults = -5;
  pidproof::Usage w;
  logic::DarwinUsage(&ti, &ru, m1, &w);
  CHECK(!w.has_minor_faults && w.has_major_faults);
}

CASE(u7,
     "mock of macOS kernel answers: a zombie (no task info) keeps the times rusage saved at exit; "
     "another user's process (neither readable) gives no figures") {
  logic::MachTimebase m1 = logic::ChooseMachTimebase(24000000, 125, 3);
  logic::DarwinRusage ru;
  ru.user_time = 72000000;  // 3 s
  ru.system_time = 2400000;
  ru.pageins = 7;
  pidproof::Usage z;
  logic::DarwinUsage(nullptr, &ru, m1, &z);
  logic::ForExitedProcess(&z);
  CHECK(z.has_cpu_user && z.cpu_user_ms == 3000 && z.cpu_system_ms == 100);
  CHECK(z.has_cpu_total && z.cpu_total_ms == 3100 && z.major_faults == 7);
  CHECK(!z.has_rss && !z.has_virtual && !z.has_threads && !z.has_minor_faults);
  CHECK(!z.has_peak_rss);  // ri_lifetime_max_phys_footprint 0: not known, never 0 bytes
  pidproof::Usage none;
  logic::DarwinUsage(nullptr, nullptr, m1, &none);
  CHECK(!none.has_cpu_user && !none.has_cpu_total && !none.has_rss && !none.has_peak_rss);
}

CASE(u8, "mock of FreeBSD kernel answers: kinfo_proc to usage; a zombie keeps its rusage") {
  logic::BsdKinfoUsage k;
  k.utime_us = 1234567;
  k.stime_us = 89;
  k.child_utime_us = 5000;
  k.child_stime_us = 0;
  k.maxrss_kb = 5242880;  // 5 GiB
  k.minflt = 100;
  k.majflt = 2;
  k.nvcsw = 30;
  k.nivcsw = 4;
  k.size_bytes = 8589934592ull;  // 8 GiB
  k.rssize_pages = 1048576;      // 4 GiB of 4 kB pages
  k.numthreads = 3;
  k.page_size = 4096;
  pidproof::Usage u;
  logic::BsdUsage(k, &u);
  CHECK(u.cpu_user_ms == 1234.567 && u.cpu_system_ms == 0.089);
  CHECK(u.cpu_total_ms == 1234.656);
  CHECK(u.peak_rss_bytes == 5368709120ull && u.rss_bytes == 4294967296ull);
  CHECK(u.virtual_bytes == 8589934592ull && u.threads == 3);
  CHECK(u.voluntary_ctx == 30 && u.involuntary_ctx == 4 && u.minor_faults == 100);
  k.zombie = true;
  k.size_bytes = 0;
  k.rssize_pages = 0;
  pidproof::Usage z;
  logic::BsdUsage(k, &z);
  logic::ForExitedProcess(&z);
  CHECK(z.has_cpu_user && z.cpu_user_ms == 1234.567 && z.has_peak_rss);
  CHECK(!z.has_rss && !z.has_virtual && !z.has_threads);
  k.maxrss_kb = 0;  // not sampled by statclock yet: unknown, not 0 bytes
  pidproof::Usage y;
  logic::BsdUsage(k, &y);
  CHECK(!y.has_peak_rss);
}

CASE(u9, "mock of Windows answers: times, VM counters and the process list entry to usage") {
  logic::WinTimes t;
  t.user_100ns = 12345678;  // 1234.5678 ms
  t.kernel_100ns = 10000;   // 1 ms
  logic::WinVm vm;
  vm.virtual_size = 2203318222848ull;  // 2 TiB of reserved address space, common on x64
  vm.working_set = 5368709120ull;
  vm.peak_working_set = 6442450944ull;
  vm.page_fault_count = 5000;
  logic::WinListed l;
  l.threads = 12;
  l.hard_faults = 300;
  pidproof::Usage u;
  logic::WinUsage(&t, &vm, &l, &u);
  CHECK(u.cpu_user_ms == 1234.5678 && u.cpu_system_ms == 1 && u.cpu_total_ms == 1235.5678);
  CHECK(u.virtual_bytes == 2203318222848ull && u.rss_bytes == 5368709120ull);
  CHECK(u.peak_rss_bytes == 6442450944ull && u.threads == 12);
  CHECK(u.major_faults == 300 && u.minor_faults == 4700);
  CHECK(!u.has_child_cpu && !u.has_voluntary_ctx && !u.has_involuntary_ctx);
  // PageFaultCount (a ULONG) wrapped below HardFaultCount: no minor count rather than a wrong one.
  vm.page_fault_count = 10;
  pidproof::Usage w;
  logic::WinUsage(&t, &vm, &l, &w);
  CHECK(!w.has_minor_faults && w.has_major_faults);
  // Exited, still referenced: final times; the peak working set stays, the rest is gone.
  pidproof::Usage z;
  logic::WinUsage(&t, &vm, nullptr, &z);
  logic::ForExitedProcess(&z);
  CHECK(z.has_cpu_total && z.has_peak_rss && !z.has_rss && !z.has_virtual && !z.has_threads);
  CHECK(!z.has_major_faults);  // not listed: unknown
}

int RunOne(const Case& c) {
  g_failures = 0;
  c.run();
  std::printf("%s %s\n", g_failures == 0 ? "ok" : "FAIL", c.name.c_str());
  return g_failures == 0 ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc == 2 && std::strcmp(argv[1], "--list") == 0) {
    for (const Case& c : Cases()) std::printf("%s\n", c.name.c_str());
    return 0;
  }
  int rc = 0;
  bool found = argc < 2;
  for (const Case& c : Cases()) {
    if (argc >= 2 && c.name != argv[1]) continue;
    found = true;
    rc |= RunOne(c);
  }
  if (!found) {
    std::fprintf(stderr, "no case named \"%s\"\n", argv[1]);
    return 2;
  }
  return rc;
}
