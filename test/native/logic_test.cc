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
