#include "audit/rules.hpp"

#include <sodium.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <numeric>

namespace oppenvard::audit {
namespace {

constexpr std::string_view kFormTag = "audit-event-v1";
constexpr std::array<std::string_view, 4> kActorKinds = {"staff", "patient", "guardian", "system"};

void append_field(std::string& out, std::string_view value) {
  out += std::to_string(value.size());
  out.push_back(':');
  out.append(value);
  out.push_back(';');
}

using Digest = std::array<unsigned char, crypto_hash_sha256_BYTES>;

Digest sha256(std::string_view first, std::string_view second) {
  crypto_hash_sha256_state state;
  crypto_hash_sha256_init(&state);
  crypto_hash_sha256_update(&state, reinterpret_cast<const unsigned char*>(first.data()),
                            first.size());
  crypto_hash_sha256_update(&state, reinterpret_cast<const unsigned char*>(second.data()),
                            second.size());
  Digest digest{};
  crypto_hash_sha256_final(&state, digest.data());
  return digest;
}

std::string hex(const Digest& digest) {
  std::string out(digest.size() * 2 + 1, '\0');
  sodium_bin2hex(out.data(), out.size(), digest.data(), digest.size());
  out.pop_back();
  return out;
}

bool is_hex_hash(std::string_view text) {
  return text.size() == kGenesisHash.size() && std::all_of(text.begin(), text.end(), [](char c) {
           return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
         });
}

}  // namespace

std::string canonical_form(const AuditEvent& e) {
  std::string out;
  out.reserve(256);
  append_field(out, kFormTag);
  append_field(out, e.id);
  append_field(out, std::to_string(e.sequence));
  append_field(out, std::to_string(e.at_ms));
  append_field(out, e.actor_kind);
  append_field(out, e.actor_id);
  append_field(out, e.actor_role);
  append_field(out, e.care_unit_id);
  append_field(out, e.patient_id);
  append_field(out, e.action);
  append_field(out, e.object_type);
  append_field(out, e.object_id);
  append_field(out, e.client_address);
  append_field(out, e.success ? "1" : "0");
  return out;
}

std::string chain_hash(const std::string& previous_hash, const AuditEvent& event) {
  return hex(sha256(previous_hash, canonical_form(event)));
}

std::optional<std::string> invalid_reason(const NewAuditEvent& e) {
  if (std::find(kActorKinds.begin(), kActorKinds.end(), e.actor_kind) == kActorKinds.end()) {
    return "actor_kind must be staff, patient, guardian or system";
  }
  if (e.actor_id.empty()) return "actor_id is required";
  if (e.action.empty()) return "action is required";
  for (const std::string* field : {&e.actor_id, &e.actor_role, &e.care_unit_id, &e.patient_id,
                                   &e.action, &e.object_type, &e.object_id, &e.client_address}) {
    if (field->size() > kMaxFieldBytes) return "a field is longer than 256 bytes";
  }
  return std::nullopt;
}

AuditEvent seal(const NewAuditEvent& n, std::string id, std::int64_t sequence, std::int64_t at_ms,
                std::string previous_hash) {
  AuditEvent e;
  e.id = std::move(id);
  e.sequence = sequence;
  e.at_ms = at_ms;
  e.actor_kind = n.actor_kind;
  e.actor_id = n.actor_id;
  e.actor_role = n.actor_role;
  e.care_unit_id = n.care_unit_id;
  e.patient_id = n.patient_id;
  e.action = n.action;
  e.object_type = n.object_type;
  e.object_id = n.object_id;
  e.client_address = n.client_address;
  e.success = n.success;
  e.previous_hash = std::move(previous_hash);
  e.hash = chain_hash(e.previous_hash, e);
  return e;
}

ChainVerifier::ChainVerifier(std::optional<ChainHead> anchor)
    : anchor_(std::move(anchor)), last_hash_(kGenesisHash) {}

bool ChainVerifier::fail(const AuditEvent& event, std::string reason) {
  result_.ok = false;
  result_.first_broken_sequence = event.sequence;
  result_.first_broken_id = event.id;
  result_.reason = std::move(reason);
  return false;
}

bool ChainVerifier::add(const AuditEvent& event) {
  if (!result_.ok) return false;
  // Order matters for the reason given: a missing or moved event shows first in the
  // sequence, then in the link; a changed field only in the event's own hash.
  if (event.sequence > last_sequence_ + 1) return fail(event, "sequence gap");
  if (event.sequence <= last_sequence_) return fail(event, "sequence out of order");
  if (event.previous_hash != last_hash_) return fail(event, "previous hash mismatch");
  if (!is_hex_hash(event.hash) || chain_hash(event.previous_hash, event) != event.hash) {
    return fail(event, "hash mismatch");
  }
  if (anchor_ && anchor_->sequence == event.sequence && anchor_->hash != event.hash) {
    return fail(event, "head anchor mismatch");
  }
  last_sequence_ = event.sequence;
  last_hash_ = event.hash;
  ++result_.checked;
  return true;
}

VerifyResult ChainVerifier::result() const {
  VerifyResult out = result_;
  out.head = {last_sequence_, last_hash_};
  if (!out.ok || !anchor_) return out;
  if (anchor_->sequence == 0 && anchor_->hash != kGenesisHash) {
    out.ok = false;
    out.first_broken_sequence = 0;
    out.reason = "head anchor mismatch";
  } else if (last_sequence_ < anchor_->sequence) {
    // The chain ends before the head recorded earlier: its last events were removed.
    out.ok = false;
    out.first_broken_sequence = last_sequence_ + 1;
    out.reason = "events missing at the end";
  }
  return out;
}

VerifyResult verify_chain(const std::vector<AuditEvent>& events_in_sequence_order,
                          const std::optional<ChainHead>& anchor) {
  ChainVerifier verifier(anchor);
  for (const auto& event : events_in_sequence_order) {
    if (!verifier.add(event)) break;
  }
  return verifier.result();
}

std::string format_chain_head(const ChainHead& head) {
  return std::to_string(head.sequence) + ":" + head.hash;
}

std::optional<ChainHead> parse_chain_head(std::string_view text) {
  const auto colon = text.find(':');
  if (colon == std::string_view::npos || colon == 0) return std::nullopt;
  ChainHead head;
  const std::string_view number = text.substr(0, colon);
  const auto [end, ec] =
      std::from_chars(number.data(), number.data() + number.size(), head.sequence);
  if (ec != std::errc() || end != number.data() + number.size() || head.sequence < 0) {
    return std::nullopt;
  }
  head.hash = std::string(text.substr(colon + 1));
  if (!is_hex_hash(head.hash)) return std::nullopt;
  if (head.sequence == 0 && head.hash != kGenesisHash) return std::nullopt;
  return head;
}

std::vector<std::size_t> sample_positions(const std::vector<std::string>& ids, std::size_t n,
                                          std::uint64_t seed) {
  std::vector<std::size_t> positions(ids.size());
  std::iota(positions.begin(), positions.end(), std::size_t{0});
  if (n >= ids.size()) return positions;
  const std::string prefix = std::to_string(seed) + ":";
  std::vector<Digest> ranks;
  ranks.reserve(ids.size());
  for (const auto& id : ids) ranks.push_back(sha256(prefix, id));
  const auto by_rank = [&](std::size_t a, std::size_t b) {
    return ranks[a] != ranks[b] ? ranks[a] < ranks[b] : a < b;
  };
  std::partial_sort(positions.begin(), positions.begin() + static_cast<std::ptrdiff_t>(n),
                    positions.end(), by_rank);
  positions.resize(n);
  std::sort(positions.begin(), positions.end());
  return positions;
}

}  // namespace oppenvard::audit
