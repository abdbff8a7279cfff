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

}  // namespace logic
}  // namespace pidproof
