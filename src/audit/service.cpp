#include "audit/service.hpp"

#include <algorithm>

namespace oppenvard::audit {
namespace {

constexpr std::size_t kVerifyBatch = 1000;

}  // namespace

AuditEvent Service::record(soci::session& sql, const NewAuditEvent& event) {
  if (invalid_reason(event)) throw AuditError(Error::invalid_event);
  return store_.append(sql, event, clock_.now_ms());
}

AuditEvent Service::record(const NewAuditEvent& event) {
  if (invalid_reason(event)) throw AuditError(Error::invalid_event);
  return db_.transaction([&](soci::session& sql) { return record(sql, event); });
}

VerifyResult Service::verify(const std::optional<ChainHead>& anchor) {
  ChainVerifier verifier(anchor);
  db_.with_session([&](soci::session& sql) {
    // Appends commit in sequence order (one writer at a time), so every batch sees a
    // prefix of the chain and a concurrent append can never look like a gap.
    std::int64_t after = 0;
    for (;;) {
      const auto batch = store_.batch_after(sql, after, kVerifyBatch);
      if (batch.empty()) return;
      for (const auto& event : batch) {
        if (!verifier.add(event)) return;
      }
      after = batch.back().sequence;
    }
  });
  return verifier.result();
}

ChainHead Service::head() {
  return db_.with_session([&](soci::session& sql) { return store_.head(sql); });
}

std::vector<AuditEvent> Service::query(Query query) {
  query.limit = std::clamp(query.limit, 1, kMaxPageSize);
  return db_.with_session([&](soci::session& sql) { return store_.query(sql, query); });
}

std::vector<AuditEvent> Service::random_sample(const std::string& care_unit_id,
                                               std::int64_t from_ms, std::int64_t to_ms,
                                               std::size_t n, std::uint64_t seed) {
  if (care_unit_id.empty() || from_ms >= to_ms || n == 0) return {};
  n = std::min(n, kMaxSampleSize);
  return db_.with_session([&](soci::session& sql) {
    return store_.random_sample(sql, care_unit_id, from_ms, to_ms, n, seed);
  });
}

Review Service::mark_reviewed(const std::string& event_id, const std::string& reviewer_id,
                              const std::string& note) {
  auto review = db_.transaction([&](soci::session& sql) {
    return store_.mark_reviewed(sql, event_id, reviewer_id, clock_.now_ms(), note);
  });
  if (!review) throw AuditError(Error::event_not_found);
  return std::move(*review);
}

std::optional<AuditEvent> Service::find(const std::string& event_id) {
  return db_.with_session([&](soci::session& sql) { return store_.find(sql, event_id); });
}

std::vector<Review> Service::reviews_of(const std::string& event_id) {
  return db_.with_session([&](soci::session& sql) { return store_.reviews_of(sql, event_id); });
}

std::vector<ExtractRow> Service::extract_for_patient(const std::string& patient_id) {
  // "" marks events that concern no patient: it must never select them.
  if (patient_id.empty()) return {};
  return db_.with_session(
      [&](soci::session& sql) { return store_.extract_for_patient(sql, patient_id); });
}

}  // namespace oppenvard::audit
