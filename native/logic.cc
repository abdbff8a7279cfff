// Pure decision functions of the native backends (logic.h). No OS headers.
#include "logic.h"

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>

namespace pidproof {
namespace logic {

bool XnuHasExited(int p_stat, int p_flag) {
  return p_stat == kXnuSZomb || (p_flag & kXnuPWExit) != 0;
}

ProcState XnuState(int p_stat, int p_flag) {
  if (XnuHasExited(p_stat, p_flag)) return ProcState::kZombie;
  switch (p_stat) {
    case kXnuSRun:
      return ProcState::kRunning;
    case kXnuSSleep:
      return ProcState::kSleeping;
    case kXnuSStop:
      return ProcState::kStopped;
    default:  // SIDL is never listed; anything newer is unknown
      return ProcState::kUnknown;
  }
}

namespace {

void AddReason(std::string* out, const std::string& what) {
  if (!out->empty()) *out += ", ";
  *out += what;
}

// A policy that hides when its sysctl reads `hiding_value`; an unreadable one may hide too.
void CheckPolicy(std::string* out, const char* name, int value, int hiding_value) {
  if (value == kSysctlUnreadable) {
    AddReason(out, std::string(name) + " unreadable");
  } else if (value == hiding_value) {
    AddReason(out, std::string(name) + "=" + std::to_string(hiding_value));
  }
}

}  // namespace

std::string BsdHidingReason(const BsdVisibility& v) {
  std::string reason;
  // A jail hides every process outside it, from root too (prison_check()).
  CheckPolicy(&reason, "security.jail.jailed", v.jailed, 1);
  // Root passes priv_check_cred() for PRIV_SEEOTHERUIDS/GIDS/JAILPROC unless suser_enabled=0.
  const bool root_exempt =
      v.caller_is_root && v.suser_enabled != 0 && v.suser_enabled != kSysctlUnreadable;
  if (!root_exempt) {
    CheckPolicy(&reason, "security.bsd.see_other_uids", v.see_other_uids, 0);
    CheckPolicy(&reason, "security.bsd.see_other_gids", v.see_other_gids, 0);
    CheckPolicy(&reason, "security.bsd.see_jail_proc", v.see_jail_proc, 0);
    CheckPolicy(&reason, "security.mac.seeotheruids.enabled", v.mac_seeotheruids, 1);
    if (v.caller_is_root && v.suser_enabled == 0 && !reason.empty()) {
      AddReason(&reason, "security.bsd.suser_enabled=0");
    }
  }
  return reason;
}

AttachEsrch AfterAttachEsrch(bool listed, bool exited, bool hiding_possible, int attempt,
                             int attempts) {
  if (!listed) return hiding_possible ? AttachEsrch::kHidden : AttachEsrch::kNoSuchProcess;
  if (exited) return AttachEsrch::kExited;
  return attempt + 1 >= attempts ? AttachEsrch::kGiveUp : AttachEsrch::kRetry;
}

UniqueIdParse ParseUniqueId(const char* s, size_t len, uint64_t* out) {
  constexpr size_t kMaxDigits = 20;  // 18446744073709551615
  if (s == nullptr || len == 0 || len > kMaxDigits) return UniqueIdParse::kNotDecimal;
  for (size_t i = 0; i < len; ++i) {
    if (s[i] < '0' || s[i] > '9') return UniqueIdParse::kNotDecimal;
  }
  if (s[0] == '0' && len > 1) return UniqueIdParse::kNotDecimal;
  uint64_t v = 0;
  for (size_t i = 0; i < len; ++i) {
    const uint64_t d = static_cast<uint64_t>(s[i] - '0');
    if (v > (UINT64_MAX - d) / 10) return UniqueIdParse::kTooLarge;
    v = v * 10 + d;
  }
  *out = v;
  return UniqueIdParse::kOk;
}

bool BoundUtf8(std::string* text, size_t max) {
  if (text->size() <= max) return false;
  size_t cut = max;
  // Back off continuation bytes (10xxxxxx) so that no character is split.
  while (cut > 0 && (static_cast<unsigned char>((*text)[cut]) & 0xC0) == 0x80) --cut;
  text->resize(cut);
  return true;
}

void JoinArgs(const char* data, size_t len, bool source_truncated, size_t max, std::string* out,
              bool* truncated) {
  while (len > 0 && data[len - 1] == '\0') --len;
  out->assign(data, len > max ? max + 1 : len);  // one byte more than kept: enough to see a cut
  for (char& c : *out) {
    if (c == '\0') c = ' ';
  }
  *truncated = BoundUtf8(out, max) || source_truncated;
}

bool JoinProcArgs2(const char* data, size_t len, size_t max, std::string* out, bool* truncated) {
  out->clear();
  *truncated = false;
  int32_t argc = 0;
  if (len < sizeof(argc)) return false;
  std::memcpy(&argc, data, sizeof(argc));
  if (argc < 0) return false;
  size_t i = sizeof(argc);
  while (i < len && data[i] != '\0') ++i;  // the exec path
  while (i < len && data[i] == '\0') ++i;  // its padding
  const size_t start = i;
  int32_t seen = 0;
  while (i < len && seen < argc) {
    while (i < len && data[i] != '\0') ++i;
    ++seen;
    if (i < len) ++i;  // past the argument's NUL
  }
  JoinArgs(data + start, i - start, false, max, out, truncated);
  return true;
}

namespace {

// Days since 1970-01-01 to a civil date (proleptic Gregorian, as Date uses).
void CivilFromDays(int64_t z, int64_t* y, unsigned* m, unsigned* d) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  *d = doy - (153 * mp + 2) / 5 + 1;
  *m = mp < 10 ? mp + 3 : mp - 9;
  *y = static_cast<int64_t>(yoe) + era * 400 + (*m <= 2 ? 1 : 0);
}

}  // namespace

bool FormatLockPayload(const uint8_t* head, size_t head_len, uint32_t head_hash, const char* token,
                       size_t token_len, double wall_ms, double mono_us, std::string* out) {
  if (head == nullptr || token == nullptr || token_len != 32) return false;
  for (size_t i = 0; i < token_len; ++i) {
    char c = token[i];
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  // 253402300799999: 9999-12-31T23:59:59.999Z, the last time toISOString writes with 4 digits.
  if (!(wall_ms >= 0 && wall_ms <= 253402300799999.0) ||
      wall_ms != static_cast<double>(static_cast<uint64_t>(wall_ms))) {
    return false;
  }
  // Below 2^50 µs (35 years of uptime) a double's spacing is under 0.001 ms, so JavaScript writes
  // mono_us / 1000 as exactly its three decimals (no shorter decimal names the same double).
  if (!(mono_us >= 0 && mono_us < 1125899906842624.0) ||
      mono_us != static_cast<double>(static_cast<uint64_t>(mono_us))) {
    return false;
  }
  const uint64_t wall = static_cast<uint64_t>(wall_ms);
  const uint64_t mono = static_cast<uint64_t>(mono_us);
  // The tail, written into a fixed buffer (it is at most ~240 bytes).
  char tail[320];
  char* p = tail;
  auto put = [&p](const char* s) {
    while (*s != '\0') *p++ = *s++;
  };
  auto num = [&p](uint64_t v) {
    char buf[24];
    int n = 0;
    do {
      buf[n++] = static_cast<char>('0' + v % 10);
      v /= 10;
    } while (v != 0);
    while (n > 0) *p++ = buf[--n];
  };
  auto two = [&p](unsigned v) {
    *p++ = static_cast<char>('0' + v / 10);
    *p++ = static_cast<char>('0' + v % 10);
  };
  put("\"token\":\"");
  for (size_t i = 0; i < 32; ++i) *p++ = token[i];
  put("\",\"createdAt\":\"");
  int64_t y;
  unsigned mo, d;
  CivilFromDays(static_cast<int64_t>(wall / 86400000), &y, &mo, &d);
  const uint64_t ms_of_day = wall % 86400000;
  num(static_cast<uint64_t>(y));  // 1970..9999: four digits
  *p++ = '-';
  two(mo);
  *p++ = '-';
  two(d);
  *p++ = 'T';
  two(static_cast<unsigned>(ms_of_day / 3600000));
  *p++ = ':';
  two(static_cast<unsigned>(ms_of_day / 60000 % 60));
  *p++ = ':';
  two(static_cast<unsigned>(ms_of_day / 1000 % 60));
  *p++ = '.';
  const unsigned milli = static_cast<unsigned>(ms_of_day % 1000);
  *p++ = static_cast<char>('0' + milli / 100);
  two(milli % 100);
  put("Z\"");
  // mono_us / 1000 as JavaScript writes it: the integer part, then up to three decimals.
  char mono_text[32];
  {
    char* q = p;
    p = mono_text;
    num(mono / 1000);
    unsigned frac = static_cast<unsigned>(mono % 1000);
    if (frac != 0) {
      *p++ = '.';
      *p++ = static_cast<char>('0' + frac / 100);
      if (frac % 100 != 0) {
        *p++ = static_cast<char>('0' + frac / 10 % 10);
        if (frac % 10 != 0) *p++ = static_cast<char>('0' + frac % 10);
      }
    }
    *p = '\0';
    p = q;
  }
  char wall_text[24];
  {
    char* q = p;
    p = wall_text;
    num(wall);
    *p = '\0';
    p = q;
  }
  put(",\"createdAtMs\":");
  put(wall_text);
  put(",\"createdMono\":");
  put(mono_text);
  put(",\"heartbeatAt\":");
  put(wall_text);
  put(",\"heartbeatMono\":");
  put(mono_text);
  *p++ = '}';
  // FNV-1a of the JSON text (head + tail), continued from the head's state; the tail is ASCII,
  // so its bytes are its UTF-16 code units.
  uint32_t h = head_hash;
  for (const char* c = tail; c < p; ++c) {
    h ^= static_cast<uint8_t>(*c);
    h *= 0x01000193u;
  }
  --p;  // the '}' closes the text after the checksum
  put(",\"sum\":\"");
  static const char kHex[] = "0123456789abcdef";
  for (int i = 7; i >= 0; --i) p[i] = kHex[(h >> (4 * (7 - i))) & 0xf];
  p += 8;
  put("\"}");
  const size_t tail_len = static_cast<size_t>(p - tail);
  const size_t len = head_len + tail_len;
  const size_t target = (len + 96 + 255) / 256 * 256;
  out->resize(target);
  char* o = &(*out)[0];
  std::memcpy(o, head, head_len);
  std::memcpy(o + head_len, tail, tail_len);
  std::memset(o + len, ' ', target - len - 1);
  o[target - 1] = '\n';
  return true;
}

namespace {

// A signed decimal at *p (spaces before it skipped); advances *p past it.
bool ParseSigned(const char** p, const char* end, int64_t* out) {
  const char* s = *p;
  while (s < end && (*s == ' ' || *s == '\t')) ++s;
  bool neg = false;
  if (s < end && *s == '-') {
    neg = true;
    ++s;
  }
  if (s >= end || *s < '0' || *s > '9') return false;
  int64_t v = 0;
  while (s < end && *s >= '0' && *s <= '9') {
    const int64_t d = *s - '0';
    if (v > (INT64_MAX - d) / 10) return false;
    v = v * 10 + d;
    ++s;
  }
  *out = neg ? -v : v;
  *p = s;
  return true;
}

}  // namespace

bool ParseTimensOffsets(const char* text, size_t len, int64_t* monotonic_ns, int64_t* boottime_ns) {
  *monotonic_ns = 0;
  *boottime_ns = 0;
  const char* p = text;
  const char* end = text + len;
  while (p < end) {
    const char* eol = static_cast<const char*>(std::memchr(p, '\n', static_cast<size_t>(end - p)));
    if (eol == nullptr) eol = end;
    const char* q = p;
    while (q < eol && (*q == ' ' || *q == '\t')) ++q;
    if (q == eol) {  // an empty line
      p = eol + 1;
      continue;
    }
    int64_t* slot = nullptr;
    if (eol - q > 9 && std::memcmp(q, "monotonic", 9) == 0 && (q[9] == ' ' || q[9] == '\t')) {
      slot = monotonic_ns;
      q += 9;
    } else if (eol - q > 8 && std::memcmp(q, "boottime", 8) == 0 && (q[8] == ' ' || q[8] == '\t')) {
      slot = boottime_ns;
      q += 8;
    } else {
      return false;
    }
    int64_t sec = 0;
    int64_t nsec = 0;
    if (!ParseSigned(&q, eol, &sec) || !ParseSigned(&q, eol, &nsec)) return false;
    while (q < eol && (*q == ' ' || *q == '\t')) ++q;
    if (q != eol || nsec < 0 || nsec >= 1000000000) return false;
    // |seconds| stays far below 2^63 / 1e9 for any offset the kernel accepts (it keeps the clocks
    // within KTIME_SEC_MAX); refuse anything that would overflow.
    if (sec > INT64_MAX / 1000000000 - 1 || sec < INT64_MIN / 1000000000 + 1) return false;
    *slot = sec * 1000000000 + nsec;
    p = eol + 1;
  }
  return true;
}

uint64_t RootStartTicks(uint64_t ticks, int64_t boottime_ns, long clk_tck, bool* inexact) {
  *inexact = false;
  if (boottime_ns == 0 || clk_tck <= 0) return ticks;
  const int64_t tick_ns = 1000000000 / clk_tck;
  int64_t q = boottime_ns / tick_ns;
  int64_t r = boottime_ns % tick_ns;
  if (r < 0) {  // floor division
    r += tick_ns;
    q -= 1;
  }
  *inexact = r != 0;
  if (q >= 0) return ticks >= static_cast<uint64_t>(q) ? ticks - static_cast<uint64_t>(q) : 0;
  return ticks + static_cast<uint64_t>(-q);
}

// ---- Usage of one process (issue 23)
// --------------------------------------------------------------

namespace {

bool ParseDecU64(const char** p, const char* end, uint64_t* out) {
  const char* s = *p;
  if (s >= end || *s < '0' || *s > '9') return false;
  uint64_t v = 0;
  while (s < end && *s >= '0' && *s <= '9') {
    const uint64_t d = static_cast<uint64_t>(*s - '0');
    if (v > (UINT64_MAX - d) / 10) return false;
    v = v * 10 + d;
    ++s;
  }
  *p = s;
  *out = v;
  return true;
}

bool ParseDecI64(const char** p, const char* end, int64_t* out) {
  const char* s = *p;
  bool neg = false;
  if (s < end && *s == '-') {
    neg = true;
    ++s;
  }
  uint64_t u = 0;
  if (!ParseDecU64(&s, end, &u) || u > static_cast<uint64_t>(INT64_MAX)) return false;
  *p = s;
  *out = neg ? -static_cast<int64_t>(u) : static_cast<int64_t>(u);
  return true;
}

double TicksToMs(uint64_t ticks, int64_t hz) {
  // Integer part first, so large counts keep their exact milliseconds.
  const uint64_t h = static_cast<uint64_t>(hz);
  return static_cast<double>(ticks / h) * 1000.0 + static_cast<double>(ticks % h) * 1000.0 / hz;
}

}  // namespace

bool ParseLinuxStatUsage(const char* buf, size_t len, LinuxStatUsage* out) {
  if (buf == nullptr || std::memchr(buf, '\0', len) != nullptr) return false;
  const char* end = buf + len;
  const char* p = nullptr;
  for (const char* q = end; q > buf;) {
    --q;
    if (*q == ')') {
      p = q + 1;
      break;
    }
  }
  if (p == nullptr) return false;
  LinuxStatUsage r;
  for (int field = 3; field <= 24; ++field) {
    if (p >= end || *p != ' ') return false;
    ++p;
    bool ok = true;
    switch (field) {
      case 3:
        if (p >= end || *p == ' ' || *p == '\n') return false;
        r.state = *p++;
        break;
      case 10:
        ok = ParseDecU64(&p, end, &r.minflt);
        break;
      case 12:
        ok = ParseDecU64(&p, end, &r.majflt);
        break;
      case 14:
        ok = ParseDecU64(&p, end, &r.utime);
        break;
      case 15:
        ok = ParseDecU64(&p, end, &r.stime);
        break;
      case 16:
        ok = ParseDecI64(&p, end, &r.cutime);
        break;
      case 17:
        ok = ParseDecI64(&p, end, &r.cstime);
        break;
      case 20:
        ok = ParseDecI64(&p, end, &r.threads);
        break;
      case 23:
        ok = ParseDecU64(&p, end, &r.vsize);
        break;
      case 24:
        ok = ParseDecI64(&p, end, &r.rss);
        break;
      default: {
        const char* s = p;
        while (p < end && *p != ' ' && *p != '\n') ++p;
        ok = p != s;
      }
    }
    if (!ok) return false;
  }
  // Field 24 must end there (a space before field 25, or the end of the line).
  if (p < end && *p != ' ' && *p != '\n') return false;
  *out = r;
  return true;
}

bool ParseLinuxStatusKb(const char* buf, size_t len, const char* key, uint64_t* kb) {
  if (buf == nullptr || key == nullptr) return false;
  const size_t klen = std::strlen(key);
  const char* end = buf + len;
  for (const char* line = buf; line < end;) {
    const char* nl =
        static_cast<const char*>(std::memchr(line, '\n', static_cast<size_t>(end - line)));
    const char* line_end = nl == nullptr ? end : nl;
    if (static_cast<size_t>(line_end - line) > klen && std::memcmp(line, key, klen) == 0 &&
        line[klen] == ':') {
      const char* p = line + klen + 1;
      while (p < line_end && (*p == ' ' || *p == '\t')) ++p;
      uint64_t v = 0;
      if (!ParseDecU64(&p, line_end, &v)) return false;
      while (p < line_end && *p == ' ') ++p;
      if (line_end - p != 2 || p[0] != 'k' || p[1] != 'B') return false;
      *kb = v;
      return true;
    }
    line = line_end + 1;
  }
  return false;
}

void LinuxUsageFromStat(const LinuxStatUsage& s, int64_t clk_tck, uint64_t page_size, Usage* out) {
  if (clk_tck <= 0) clk_tck = 100;
  out->has_cpu_user = true;
  out->cpu_user_ms = TicksToMs(s.utime, clk_tck);
  out->has_cpu_system = true;
  out->cpu_system_ms = TicksToMs(s.stime, clk_tck);
  if (s.cutime >= 0 && s.cstime >= 0) {
    out->has_child_cpu = true;
    out->child_cpu_user_ms = TicksToMs(static_cast<uint64_t>(s.cutime), clk_tck);
    out->child_cpu_system_ms = TicksToMs(static_cast<uint64_t>(s.cstime), clk_tck);
  }
  out->has_minor_faults = true;
  out->minor_faults = s.minflt;
  out->has_major_faults = true;
  out->major_faults = s.majflt;
  if (s.threads > 0) {
    out->has_threads = true;
    out->threads = s.threads;
  }
  if (s.vsize > 0) {  // no mm (a kernel thread, an exited leader): the kernel prints 0s
    out->has_virtual = true;
    out->virtual_bytes = s.vsize;
    if (s.rss >= 0) {
      out->has_rss = true;
      out->rss_bytes = static_cast<uint64_t>(s.rss) * page_size;
    }
  }
}

void ForExitedProcess(Usage* u) {
  u->has_rss = false;
  u->rss_bytes = 0;
  u->has_virtual = false;
  u->virtual_bytes = 0;
  u->has_threads = false;
  u->threads = 0;
}

MachTimebase ChooseMachTimebase(int64_t tbfrequency_hz, uint32_t mtb_numer, uint32_t mtb_denom) {
  MachTimebase tb;
  if (tbfrequency_hz > 0) {
    tb.numer = 1000000000u;
    tb.denom = static_cast<uint64_t>(tbfrequency_hz);
  } else if (mtb_numer != 0 && mtb_denom != 0) {
    tb.numer = mtb_numer;
    tb.denom = mtb_denom;
  }
  return tb;
}

double MachTicksToMs(uint64_t ticks, const MachTimebase& tb) {
  if (tb.denom == 0) return 0;
  // ns = ticks * numer / denom, in two parts so that neither overflows 64 bits.
  const uint64_t whole = ticks / tb.denom;
  const uint64_t rest = ticks % tb.denom;
  return (static_cast<double>(whole) * static_cast<double>(tb.numer) +
          static_cast<double>(rest) * static_cast<double>(tb.numer) /
              static_cast<double>(tb.denom)) /
         1e6;
}

void DarwinUsage(const DarwinTaskInfo* ti, const DarwinRusage* ru, const MachTimebase& tb,
                 Usage* out) {
  if (ti != nullptr) {
    out->has_cpu_user = true;
    out->cpu_user_ms = MachTicksToMs(ti->total_user, tb);
    out->has_cpu_system = true;
    out->cpu_system_ms = MachTicksToMs(ti->total_system, tb);
    out->has_rss = true;
    out->rss_bytes = ti->resident_size;
    out->has_virtual = true;
    out->virtual_bytes = ti->virtual_size;
    if (ti->threadnum > 0) {
      out->has_threads = true;
      out->threads = ti->threadnum;
    }
    // The kernel counts in int32 (integer_t): a negative value has wrapped and says nothing.
    if (ti->pageins >= 0) {
      out->has_major_faults = true;
      out->major_faults = static_cast<uint64_t>(ti->pageins);
      if (ti->faults >= ti->pageins) {
        out->has_minor_faults = true;
        out->minor_faults = static_cast<uint64_t>(ti->faults) - static_cast<uint64_t>(ti->pageins);
      }
    }
  } else if (ru != nullptr) {
    // No task (a zombie): the times the kernel kept at exit.
    out->has_cpu_user = true;
    out->cpu_user_ms = MachTicksToMs(ru->user_time, tb);
    out->has_cpu_system = true;
    out->cpu_system_ms = MachTicksToMs(ru->system_time, tb);
    out->has_major_faults = true;
    out->major_faults = ru->pageins;
  }
  if (out->has_cpu_user && out->has_cpu_system) {
    out->has_cpu_total = true;
    out->cpu_total_ms = out->cpu_user_ms + out->cpu_system_ms;
  }
  if (ru != nullptr) {
    out->has_child_cpu = true;
    out->child_cpu_user_ms = MachTicksToMs(ru->child_user_time, tb);
    out->child_cpu_system_ms = MachTicksToMs(ru->child_system_time, tb);
    if (ru->lifetime_max_phys_footprint > 0) {
      out->has_peak_rss = true;
      out->peak_rss_bytes = ru->lifetime_max_phys_footprint;
    }
  }
}

void BsdUsage(const BsdKinfoUsage& k, Usage* out) {
  if (k.utime_us >= 0 && k.stime_us >= 0) {
    out->has_cpu_user = true;
    out->cpu_user_ms = static_cast<double>(k.utime_us) / 1000.0;
    out->has_cpu_system = true;
    out->cpu_system_ms = static_cast<double>(k.stime_us) / 1000.0;
    out->has_cpu_total = true;
    out->cpu_total_ms = static_cast<double>(k.utime_us + k.stime_us) / 1000.0;
  }
  if (k.child_utime_us >= 0 && k.child_stime_us >= 0) {
    out->has_child_cpu = true;
    out->child_cpu_user_ms = static_cast<double>(k.child_utime_us) / 1000.0;
    out->child_cpu_system_ms = static_cast<double>(k.child_stime_us) / 1000.0;
  }
  // ru_maxrss is sampled by statclock(): 0 means not sampled yet, not "no memory".
  if (k.maxrss_kb > 0) {
    out->has_peak_rss = true;
    out->peak_rss_bytes = static_cast<uint64_t>(k.maxrss_kb) * 1024u;
  }
  if (k.minflt >= 0) {
    out->has_minor_faults = true;
    out->minor_faults = static_cast<uint64_t>(k.minflt);
  }
  if (k.majflt >= 0) {
    out->has_major_faults = true;
    out->major_faults = static_cast<uint64_t>(k.majflt);
  }
  if (k.nvcsw >= 0) {
    out->has_voluntary_ctx = true;
    out->voluntary_ctx = static_cast<uint64_t>(k.nvcsw);
  }
  if (k.nivcsw >= 0) {
    out->has_involuntary_ctx = true;
    out->involuntary_ctx = static_cast<uint64_t>(k.nivcsw);
  }
  if (!k.zombie) {
    if (k.size_bytes > 0) {
      out->has_virtual = true;
      out->virtual_bytes = k.size_bytes;
      if (k.rssize_pages >= 0) {
        out->has_rss = true;
        out->rss_bytes = static_cast<uint64_t>(k.rssize_pages) * k.page_size;
      }
    }
    if (k.numthreads > 0) {
      out->has_threads = true;
      out->threads = k.numthreads;
    }
  }
}

void WinUsage(const WinTimes* t, const WinVm* vm, const WinListed* listed, Usage* out) {
  if (t != nullptr) {
    out->has_cpu_user = true;
    out->cpu_user_ms = static_cast<double>(t->user_100ns) / 10000.0;
    out->has_cpu_system = true;
    out->cpu_system_ms = static_cast<double>(t->kernel_100ns) / 10000.0;
    out->has_cpu_total = true;
    out->cpu_total_ms = static_cast<double>(t->user_100ns + t->kernel_100ns) / 10000.0;
  }
  if (vm != nullptr) {
    if (vm->virtual_size > 0) {
      out->has_virtual = true;
      out->virtual_bytes = vm->virtual_size;
    }
    if (vm->working_set > 0) {
      out->has_rss = true;
      out->rss_bytes = vm->working_set;
    }
    if (vm->peak_working_set > 0) {
      out->has_peak_rss = true;
      out->peak_rss_bytes = vm->peak_working_set;
    }
  }
  if (listed != nullptr) {
    if (listed->threads > 0) {
      out->has_threads = true;
      out->threads = listed->threads;
    }
    out->has_major_faults = true;
    out->major_faults = listed->hard_faults;
    if (vm != nullptr && vm->page_fault_count >= listed->hard_faults) {
      out->has_minor_faults = true;
      out->minor_faults = vm->page_fault_count - listed->hard_faults;
    }
  }
}

}  // namespace logic
}  // namespace pidproof
